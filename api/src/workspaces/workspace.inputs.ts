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

@ObjectType({
  description:
    'The invitation and its link, shown once. Inviting never adds anyone directly: the person becomes a member when they accept, and the answer is the same whether or not the email already has an account.',
})
export class InviteMemberPayload {
  @Field(() => Membership, {
    nullable: true,
    deprecationReason: 'Always null: an invitation is accepted by the person, never turned into a membership at once.',
    description: 'Always null.',
  })
  membership!: null;

  @Field(() => Invitation, { description: 'The invitation; it becomes a membership when accepted.' })
  invitation!: Invitation;

  @Field(() => String, { description: 'Link to send the invitee; contains a secret and is shown only once.' })
  inviteUrl!: string;

  @Field(() => Boolean, { description: 'True when the workspace’s email channel (SMTP, or the Flare inbox) took the invitation email.' })
  emailSent!: boolean;
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
