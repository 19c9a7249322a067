import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import { ApiKey } from './api-key.entity.js';

@InputType({ description: 'A new partner API key.' })
export class CreateApiKeyInput {
  @Field(() => String, { description: 'What the key is for, 1–100 characters.' })
  label!: string;

  @Field(() => [ApiKeyScope], { description: 'At least one scope.' })
  scopes!: ApiKeyScope[];
}

@ObjectType({ description: 'The new key. `secret` is shown only here, never again.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { description: 'The stored key (without its secret).' })
  apiKey!: ApiKey;

  @Field(() => String, { description: 'The full key to send as `Authorization: Bearer …`. Copy it now.' })
  secret!: string;
}

@InputType({ description: 'Revokes a key; requests using it fail from then on and its WebSockets close.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'The key to revoke.' })
  id!: string;
}

@ObjectType({ description: 'The revoked key.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKey, { description: 'The key, with `revokedAt` set.' })
  apiKey!: ApiKey;
}
