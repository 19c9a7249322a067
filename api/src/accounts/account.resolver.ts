import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { Public } from '../auth/auth-checker.js';
import type { Context } from '../graphql/context.js';
import { badInput } from '../graphql/errors.js';
import type { NewSession } from './account.service.js';
import { AcceptInvitationInput, JoinWorkspaceInput, JoinWorkspacePayload, SignInInput, SignInPayload, SignOutPayload } from './account.inputs.js';
import { User } from './user.entity.js';
import { ViewerInfo, ViewerKind } from './viewer.types.js';

function startSession(ctx: Context, session: NewSession): SignInPayload {
  ctx.setSessionCookie!(session.token, session.expiresAt);
  return { user: session.user, workspace: session.workspace };
}

function requireHttp(ctx: Context) {
  if (!ctx.setSessionCookie) throw badInput('Sign in over HTTP; WebSocket connections authenticate when they open.', { reason: 'HTTP_ONLY' });
}

@Resolver()
export class AccountResolver {
  @Authorized()
  @Query(() => ViewerInfo, { description: 'The caller: user or API key, current workspace, role and permissions.' })
  async viewer(@Ctx() ctx: Context): Promise<ViewerInfo> {
    const viewer = ctx.viewer!;
    const { dataSource } = ctx.services;
    const [workspace, memberships] = await Promise.all([ctx.services.workspaces.current(viewer), ctx.services.workspaces.membershipsOf(viewer)]);
    return {
      kind: viewer.kind === 'USER' ? ViewerKind.USER : ViewerKind.API_KEY,
      user: viewer.kind === 'USER' ? await dataSource.getRepository(User).findOneByOrFail({ id: viewer.userId }) : null,
      apiKey: viewer.kind === 'API_KEY' ? await dataSource.getRepository(ApiKey).findOneByOrFail({ id: viewer.apiKeyId }) : null,
      workspace,
      role: viewer.kind === 'USER' ? viewer.role : null,
      permissions: [...viewer.permissions].sort(),
      memberships,
    };
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'Signs in with email and password and sets an httpOnly session cookie. Public.' })
  async signIn(@Ctx() ctx: Context, @Arg('input', () => SignInInput, { description: 'Credentials.' }) input: SignInInput): Promise<SignInPayload> {
    requireHttp(ctx);
    return startSession(ctx, await ctx.services.accounts.signIn(input, { ip: ctx.clientIp, userAgent: ctx.userAgent }));
  }

  @Authorized()
  @Mutation(() => SignOutPayload, { description: 'Revokes the current session server-side and clears the cookie.' })
  async signOut(@Ctx() ctx: Context): Promise<SignOutPayload> {
    await ctx.services.accounts.signOut(ctx.viewer!);
    ctx.setSessionCookie?.(null);
    return { signedOut: true };
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'Accepts an invitation link and signs in. Public.' })
  async acceptInvitation(
    @Ctx() ctx: Context,
    @Arg('input', () => AcceptInvitationInput, { description: 'Token from the link, and account details.' }) input: AcceptInvitationInput,
  ): Promise<SignInPayload> {
    requireHttp(ctx);
    return startSession(ctx, await ctx.services.accounts.acceptInvitation(input, { ip: ctx.clientIp, userAgent: ctx.userAgent }));
  }

  @Authorized()
  @Mutation(() => JoinWorkspacePayload, {
    description: 'Accepts an invitation addressed to the signed-in user’s email, without asking for the password again. Not available to API keys.',
  })
  async joinWorkspace(
    @Ctx() ctx: Context,
    @Arg('input', () => JoinWorkspaceInput, { description: 'Token from the link.' }) input: JoinWorkspaceInput,
  ): Promise<JoinWorkspacePayload> {
    return { membership: await ctx.services.accounts.joinWorkspace(ctx.viewer!, input) };
  }
}
