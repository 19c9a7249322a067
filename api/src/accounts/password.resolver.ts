import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Public } from '../auth/auth-checker.js';
import type { Context } from '../graphql/context.js';
import {
  ChangePasswordInput,
  ChangePasswordPayload,
  CreatePasswordResetLinkInput,
  CreatePasswordResetLinkPayload,
  PasswordResetLinkState,
  PasswordResetLinkStatus,
  RequestPasswordResetInput,
  RequestPasswordResetPayload,
  ResetPasswordInput,
  ResetPasswordPayload,
} from './password.inputs.js';

const client = (ctx: Context) => ({ ip: ctx.clientIp, userAgent: ctx.userAgent });

@Resolver()
export class PasswordResolver {
  @Authorized()
  @Mutation(() => ChangePasswordPayload, { description: 'Changes the signed-in user’s password; signs out their other sessions. Not available to API keys.' })
  async changePassword(@Ctx() ctx: Context, @Arg('input', () => ChangePasswordInput, { description: 'Current and new password.' }) input: ChangePasswordInput) {
    return { signedOutSessions: await ctx.services.passwords.change(ctx.viewer!, input, client(ctx)) };
  }

  @Public()
  @Mutation(() => RequestPasswordResetPayload, {
    description: 'Emails a one-hour reset link if the address has an account; answers the same either way. Limited per address and per client. Public.',
  })
  async requestPasswordReset(@Ctx() ctx: Context, @Arg('input', () => RequestPasswordResetInput, { description: 'The account’s email.' }) input: RequestPasswordResetInput) {
    await ctx.services.passwords.requestReset(input, client(ctx));
    return { accepted: true };
  }

  @Public()
  @Query(() => PasswordResetLinkStatus, { description: 'Whether a password reset link can still be used. Public.' })
  async passwordResetLink(@Arg('token', () => String, { description: 'The token from the reset link.' }) token: string, @Ctx() ctx: Context): Promise<PasswordResetLinkStatus> {
    const { state, email } = await ctx.services.passwords.linkState(token);
    return { state: state as PasswordResetLinkState, email };
  }

  @Public()
  @Mutation(() => ResetPasswordPayload, { description: 'Sets a new password with a reset link; the link stops working and every session of the user is signed out. Public.' })
  async resetPassword(@Ctx() ctx: Context, @Arg('input', () => ResetPasswordInput, { description: 'Token and new password.' }) input: ResetPasswordInput) {
    return { email: await ctx.services.passwords.reset(input, client(ctx)) };
  }

  @Authorized('members:manage')
  @Mutation(() => CreatePasswordResetLinkPayload, {
    description:
      'Creates a one-hour password reset link for a member, to hand over when no email arrives. Refused for members of workspaces the admin does not administer. ADMIN only.',
  })
  async createPasswordResetLink(
    @Ctx() ctx: Context,
    @Arg('input', () => CreatePasswordResetLinkInput, { description: 'The member.' }) input: CreatePasswordResetLinkInput,
  ): Promise<CreatePasswordResetLinkPayload> {
    const link = await ctx.services.passwords.issueForMember(ctx.viewer!, input);
    return { resetUrl: link.url, expiresAt: link.expiresAt };
  }
}
