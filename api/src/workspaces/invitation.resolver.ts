import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Public } from '../auth/auth-checker.js';
import type { Context } from '../graphql/context.js';
import { InvitationLinkState, InvitationLinkStatus, InvitationRefInput, ResendInvitationPayload, RevokeInvitationPayload } from './invitation.inputs.js';

@Resolver()
export class InvitationResolver {
  @Public()
  @Query(() => InvitationLinkStatus, { description: 'Whether an invitation link can still be accepted, and to which workspace. Public.' })
  async invitationLink(@Arg('token', () => String, { description: 'The token from the invitation link.' }) token: string, @Ctx() ctx: Context): Promise<InvitationLinkStatus> {
    const { state, invitation, workspace } = await ctx.services.invitations.state(token);
    return { state: state as InvitationLinkState, email: invitation?.email ?? null, role: invitation?.role ?? null, workspaceName: workspace?.name ?? null };
  }

  @Authorized('members:manage')
  @Mutation(() => ResendInvitationPayload, { description: 'Renews an invitation for 7 days with a new link (the old one stops working) and emails it again. ADMIN only.' })
  resendInvitation(@Ctx() ctx: Context, @Arg('input', () => InvitationRefInput, { description: 'The invitation.' }) input: InvitationRefInput) {
    return ctx.services.invitations.resend(ctx.viewer!, input);
  }

  @Authorized('members:manage')
  @Mutation(() => RevokeInvitationPayload, { description: 'Revokes an invitation: its link stops working at once. ADMIN only.' })
  async revokeInvitation(@Ctx() ctx: Context, @Arg('input', () => InvitationRefInput, { description: 'The invitation.' }) input: InvitationRefInput) {
    return { invitation: await ctx.services.invitations.revoke(ctx.viewer!, input) };
  }
}
