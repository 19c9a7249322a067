import { Field, InputType, ObjectType } from 'type-graphql';
import { User } from './user.entity.js';
import { Membership } from '../workspaces/membership.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

@InputType({ description: 'Email and password of an existing user.' })
export class SignInInput {
  @Field(() => String, { description: 'Sign-in email (case-insensitive).' })
  email!: string;

  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@InputType({ description: 'Accepts an invitation, creating the account if the email has none.' })
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The token from the invitation link.' })
  token!: string;

  @Field(() => String, { description: 'Display name for a new account (ignored for an existing one).' })
  name!: string;

  @Field(() => String, { description: 'Password: a new one for a new account, or the existing account’s password.' })
  password!: string;
}

@InputType({ description: 'Accepts an invitation as the signed-in user; it must be addressed to their email.' })
export class JoinWorkspaceInput {
  @Field(() => String, { description: 'The token from the invitation link.' })
  token!: string;
}

@ObjectType({ description: 'The membership the accepted invitation gave (or the one the user already had there).' })
export class JoinWorkspacePayload {
  @Field(() => Membership, { description: 'The signed-in user’s membership of the invited workspace.' })
  membership!: Membership;
}

@ObjectType({ description: 'Result of signing in: the session cookie is set on the HTTP response.' })
export class SignInPayload {
  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;

  @Field(() => Workspace, { nullable: true, description: 'The workspace the session starts in.' })
  workspace!: Workspace | null;
}

@ObjectType({ description: 'Result of signing out.' })
export class SignOutPayload {
  @Field(() => Boolean, { description: 'True once the session is revoked server-side and the cookie cleared.' })
  signedOut!: boolean;
}
