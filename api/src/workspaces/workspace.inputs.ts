import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../auth/permissions.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { Workspace } from './workspace.entity.js';

@InputType({ description: 'A new workspace; the creator becomes its ADMIN.' })
export class CreateWorkspaceInput {
  @Field(() => String, { description: 'Display name, 1–100 characters.' })
  name!: string;
}

@ObjectType({ description: 'The created workspace and the creator’s ADMIN membership.' })
export class CreateWorkspacePayload {
  @Field(() => Workspace, { description: 'The new workspace.' })
  workspace!: Workspace;

  @Field(() => Membership, { description: 'The creator’s membership.' })
  membership!: Membership;
}

@InputType({ description: 'Adds a person to the current workspace.' })
export class InviteMemberInput {
  @Field(() => String, { description: 'Their email address.' })
  email!: string;

  @Field(() => Role, { description: 'The role they get.' })
  role!: Role;
}

@ObjectType({ description: 'An existing user is added at once; anyone else gets an invitation link, shown once.' })
export class InviteMemberPayload {
  @Field(() => Membership, { nullable: true, description: 'Set when the email already had an account: they are a member now.' })
  membership!: Membership | null;

  @Field(() => Invitation, { nullable: true, description: 'Set when the email had no account yet.' })
  invitation!: Invitation | null;

  @Field(() => String, { nullable: true, description: 'Link to send the invitee; contains a secret and is shown only once.' })
  inviteUrl!: string | null;
}

@InputType({ description: 'Changes a member’s role.' })
export class ChangeMemberRoleInput {
  @Field(() => ID, { description: 'The membership to change.' })
  membershipId!: string;

  @Field(() => Role, { description: 'The new role.' })
  role!: Role;
}

@ObjectType({ description: 'The membership with its new role.' })
export class ChangeMemberRolePayload {
  @Field(() => Membership, { description: 'The updated membership.' })
  membership!: Membership;
}

@InputType({ description: 'Removes a member from the current workspace.' })
export class RemoveMemberInput {
  @Field(() => ID, { description: 'The membership to remove.' })
  membershipId!: string;
}

@ObjectType({ description: 'Which membership was removed.' })
export class RemoveMemberPayload {
  @Field(() => ID, { description: 'Id of the removed membership.' })
  removedMembershipId!: string;
}
