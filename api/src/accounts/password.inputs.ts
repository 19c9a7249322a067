import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PasswordResetLinkState {
  VALID = 'VALID',
  UNKNOWN = 'UNKNOWN',
  USED = 'USED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(PasswordResetLinkState, {
  name: 'PasswordResetLinkState',
  description: 'Whether a password reset link can still be used.',
  valuesConfig: {
    VALID: { description: 'Unused and not expired: a new password can be set with it.' },
    UNKNOWN: { description: 'No such link (mistyped or cut short).' },
    USED: { description: 'Already used, or another link of the same account was used since.' },
    EXPIRED: { description: 'Older than one hour.' },
  },
});

@InputType({ description: 'The signed-in user’s current password and the new one.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The current password.' })
  currentPassword!: string;

  @Field(() => String, { description: 'The new password (10–200 characters, as on sign-up).' })
  newPassword!: string;
}

@ObjectType({ description: 'Result of a password change: this session stays signed in, the user’s other sessions are signed out.' })
export class ChangePasswordPayload {
  @Field(() => Int, { description: 'How many other sessions of the user were signed out.' })
  signedOutSessions!: number;
}

@InputType({ description: 'Asks for a password reset email.' })
export class RequestPasswordResetInput {
  @Field(() => String, { description: 'The account’s sign-in email.' })
  email!: string;
}

@ObjectType({ description: 'The same answer whether or not the email has an account.' })
export class RequestPasswordResetPayload {
  @Field(() => Boolean, { description: 'Always true: if the email has an account, a reset link is on its way.' })
  accepted!: boolean;
}

@InputType({ description: 'Sets a new password with a reset link.' })
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the reset link.' })
  token!: string;

  @Field(() => String, { description: 'The new password (10–200 characters).' })
  newPassword!: string;
}

@ObjectType({ description: 'Result of a password reset: every session of the user was signed out; sign in with the new password.' })
export class ResetPasswordPayload {
  @Field(() => String, { description: 'The account’s sign-in email, to prefill the sign-in form.' })
  email!: string;
}

@ObjectType({ description: 'What the reset page needs to know about its link.' })
export class PasswordResetLinkStatus {
  @Field(() => PasswordResetLinkState, { description: 'Whether the link can be used.' })
  state!: PasswordResetLinkState;

  @Field(() => String, { nullable: true, description: 'The account’s email while the link is valid; null otherwise.' })
  email!: string | null;
}

@InputType({ description: 'A password reset link for a member of the current workspace.' })
export class CreatePasswordResetLinkInput {
  @Field(() => ID, { description: 'The member’s membership.' })
  membershipId!: string;
}

@ObjectType({ description: 'A reset link to hand to the member; contains a secret and is shown only once.' })
export class CreatePasswordResetLinkPayload {
  @Field(() => String, { description: 'The link; it works once, for one hour.' })
  resetUrl!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the link stops working.' })
  expiresAt!: Date;
}
