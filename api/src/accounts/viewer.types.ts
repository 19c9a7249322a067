import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { Role } from '../auth/permissions.js';
import { Membership } from '../workspaces/membership.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { User } from './user.entity.js';

export enum ViewerKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
}
registerEnumType(ViewerKind, {
  name: 'ViewerKind',
  description: 'How the caller authenticated.',
  valuesConfig: {
    USER: { description: 'A browser session of a signed-in user.' },
    API_KEY: { description: 'A partner API key sent as a bearer token.' },
  },
});

@ObjectType('Viewer', { description: 'Who is calling, in which workspace, and what they may do.' })
export class ViewerInfo {
  @Field(() => ViewerKind, { description: 'A signed-in user or a partner API key.' })
  kind!: ViewerKind;

  @Field(() => User, { nullable: true, description: 'The signed-in user; null for an API key.' })
  user!: User | null;

  @Field(() => ApiKey, { nullable: true, description: 'The API key; null for a user.' })
  apiKey!: ApiKey | null;

  @Field(() => Workspace, { nullable: true, description: 'The workspace this request acts in.' })
  workspace!: Workspace | null;

  @Field(() => Role, { nullable: true, description: 'The user’s role in that workspace; null for an API key.' })
  role!: Role | null;

  @Field(() => [String], { description: 'Effective permissions, e.g. `triggers:write`, `members:manage`.' })
  permissions!: string[];

  @Field(() => [Membership], { description: 'Every workspace the user belongs to, for switching. Empty for an API key.' })
  memberships!: Membership[];
}
