import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IngestionKey } from './ingestion-key.entity.js';
import { DEFAULT_OVERLAP_HOURS } from './ingestion-key.rules.js';

export enum IngestionKeyState {
  ACTIVE = 'ACTIVE',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(IngestionKeyState, {
  name: 'IngestionKeyState',
  description: 'Whether an ingestion key accepts events.',
  valuesConfig: {
    ACTIVE: { description: 'Accepts events.' },
    EXPIRING: { description: 'Replaced by a rotation; accepts events until `expiresAt`.' },
    EXPIRED: { description: 'Past its rotation overlap; refused.' },
    REVOKED: { description: 'Revoked; refused.' },
  },
});

@InputType({ description: 'A new ingestion key.' })
export class CreateIngestionKeyInput {
  @Field(() => String, { description: 'What sends with it, 1–100 characters.' })
  label!: string;

  @Field(() => [String], { defaultValue: [], description: 'Browser origins allowed to send with it (e.g. https://shop.example.com). Leave empty for server-side use.' })
  allowedOrigins!: string[];
}

@InputType({ description: 'Replaces a key by a new one; the old one keeps working during the overlap.' })
export class RotateIngestionKeyInput {
  @Field(() => ID, { description: 'The key to replace.' })
  id!: string;

  @Field(() => Int, { defaultValue: DEFAULT_OVERLAP_HOURS, description: 'Hours the old key keeps working (0–168).' })
  overlapHours!: number;
}

@InputType({ description: 'Revokes a key at once.' })
export class RevokeIngestionKeyInput {
  @Field(() => ID, { description: 'The key.' })
  id!: string;
}

@InputType({ description: 'Changes which browser origins may use a key.' })
export class UpdateIngestionKeyOriginsInput {
  @Field(() => ID, { description: 'The key.' })
  id!: string;

  @Field(() => [String], { description: 'The complete list of allowed origins.' })
  allowedOrigins!: string[];
}

@ObjectType({ description: 'A new key; `secret` is shown only here.' })
export class IngestionKeySecretPayload {
  @Field(() => IngestionKey, { description: 'The new key.' })
  ingestionKey!: IngestionKey;

  @Field(() => String, { description: 'The full key to put in snippets. Copy it now.' })
  secret!: string;

  @Field(() => IngestionKey, { nullable: true, description: 'After a rotation: the replaced key, now expiring.' })
  replaced!: IngestionKey | null;
}

@ObjectType({ description: 'The changed key.' })
export class IngestionKeyPayload {
  @Field(() => IngestionKey, { description: 'The key.' })
  ingestionKey!: IngestionKey;
}
