import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../auth/permissions.js';
import { Invitation } from './invitation.entity.js';

export enum InvitationLinkState {
  VALID = 'VALID',
  UNKNOWN = 'UNKNOWN',
  USED = 'USED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationLinkState, {
  name: 'InvitationLinkState',
  description: 'Whether an invitation link can still be accepted.',
  valuesConfig: {
    VALID: { description: 'Open: it can be accepted.' },
    UNKNOWN: { description: 'No such invitation (mistyped, cut short, or replaced by a resent one).' },
    USED: { description: 'Already accepted.' },
    REVOKED: { description: 'An admin revoked it.' },
    EXPIRED: { description: 'Older than 7 days.' },
  },
});

@ObjectType({ description: 'What the invitation page needs to know about its link.' })
export class InvitationLinkStatus {
  @Field(() => InvitationLinkState, { description: 'Whether the link can be accepted.' })
  state!: InvitationLinkState;

  @Field(() => String, { nullable: true, description: 'The invited email while the link is valid; null otherwise.' })
  email!: string | null;

  @Field(() => Role, { nullable: true, description: 'The role offered while the link is valid; null otherwise.' })
  role!: Role | null;

  @Field(() => String, { nullable: true, description: 'Name of the inviting workspace while the link is valid; null otherwise.' })
  workspaceName!: string | null;
}

@InputType({ description: 'An invitation of the current workspace.' })
export class InvitationRefInput {
  @Field(() => ID, { description: 'The invitation.' })
  invitationId!: string;
}

@ObjectType({ description: 'The renewed invitation and its new link, shown once; the previous link no longer works.' })
export class ResendInvitationPayload {
  @Field(() => Invitation, { description: 'The invitation with its new expiry.' })
  invitation!: Invitation;

  @Field(() => String, { description: 'The new link; contains a secret and is shown only once.' })
  inviteUrl!: string;

  @Field(() => Boolean, { description: 'True when the workspace’s email channel took the invitation email.' })
  emailSent!: boolean;
}

@ObjectType({ description: 'The revoked invitation.' })
export class RevokeInvitationPayload {
  @Field(() => Invitation, { description: 'The invitation, with revokedAt set.' })
  invitation!: Invitation;
}
