import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import type { Context } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { Workspace } from './workspace.entity.js';
import {
  ChangeMemberRoleInput,
  ChangeMemberRolePayload,
  CreateWorkspaceInput,
  CreateWorkspacePayload,
  InviteMemberInput,
  InviteMemberPayload,
  RemoveMemberInput,
  RemoveMemberPayload,
} from './workspace.inputs.js';

@ObjectType({ description: 'A page of workspace members, oldest first.' })
export class MembershipConnection extends Connection(Membership, 'Membership', 'membership') {}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => User, { description: 'The member.' })
  async user(@Root() membership: Membership, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(membership.userId))!;
  }

  @FieldResolver(() => Workspace, { description: 'The workspace.' })
  async workspace(@Root() membership: Membership, @Ctx() ctx: Context): Promise<Workspace> {
    return (await ctx.loaders.workspaceById.load(membership.workspaceId))!;
  }
}

@Resolver()
export class WorkspaceResolver {
  @Authorized('workspace:read')
  @Query(() => MembershipConnection, { description: 'Members of the current workspace.' })
  members(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs) {
    return ctx.services.workspaces.members(ctx.viewer!, page);
  }

  @Authorized('members:manage')
  @Query(() => [Invitation], { description: 'Invitations not yet accepted nor revoked (expired ones included, to resend), newest first. ADMIN only.' })
  pendingInvitations(@Ctx() ctx: Context) {
    return ctx.services.invitations.pending(ctx.viewer!);
  }

  @Authorized()
  @Mutation(() => CreateWorkspacePayload, { description: 'Creates a workspace; the signed-in user becomes its ADMIN. Not available to API keys.' })
  createWorkspace(@Ctx() ctx: Context, @Arg('input', () => CreateWorkspaceInput, { description: 'The workspace.' }) input: CreateWorkspaceInput) {
    return ctx.services.workspaces.create(ctx.viewer!, input);
  }

  @Authorized('members:manage')
  @Mutation(() => InviteMemberPayload, {
    description:
      'Invites someone by a one-time link, also emailed through the workspace’s email channel; they become a member when they accept. The answer does not reveal whether the email has an account. ADMIN only.',
  })
  async inviteMember(@Ctx() ctx: Context, @Arg('input', () => InviteMemberInput, { description: 'Who and with which role.' }) input: InviteMemberInput) {
    return { membership: null, ...(await ctx.services.invitations.invite(ctx.viewer!, input)) };
  }

  @Authorized('members:manage')
  @Mutation(() => ChangeMemberRolePayload, { description: 'Changes a member’s role; the last ADMIN cannot be demoted. ADMIN only.' })
  async changeMemberRole(@Ctx() ctx: Context, @Arg('input', () => ChangeMemberRoleInput, { description: 'Member and new role.' }) input: ChangeMemberRoleInput) {
    return { membership: await ctx.services.workspaces.changeRole(ctx.viewer!, input) };
  }

  @Authorized('members:manage')
  @Mutation(() => RemoveMemberPayload, { description: 'Removes a member; the last ADMIN cannot be removed. ADMIN only.' })
  async removeMember(@Ctx() ctx: Context, @Arg('input', () => RemoveMemberInput, { description: 'The membership to remove.' }) input: RemoveMemberInput) {
    return { removedMembershipId: await ctx.services.workspaces.remove(ctx.viewer!, input) };
  }
}
