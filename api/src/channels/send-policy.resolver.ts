import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { ContentChannel } from '../content/content.types.js';
import type { Context } from '../graphql/context.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { ChannelSetting } from './channel.objects.js';
import { FrequencyCapInfo, QuietHoursInfo, SetFrequencyCapInput, SetQuietHoursInput, SetWorkspaceTimeZoneInput } from './send-policy.objects.js';
import type { ChannelPolicyView } from './send-policy.service.js';

/** One read of the workspace's policies per request, shared by the channels' field resolvers. */
const perRequest = new WeakMap<Context, Promise<Map<ContentChannel, ChannelPolicyView>>>();
const policiesOf = (ctx: Context) => {
  let p = perRequest.get(ctx);
  if (!p) {
    p = ctx.services.sendPolicies.all(ctx.viewer!);
    perRequest.set(ctx, p);
  }
  return p;
};

@Resolver(() => ChannelSetting)
export class SendPolicyResolver {
  @FieldResolver(() => FrequencyCapInfo, { nullable: true, description: 'Limits on commercial messages per contact point (null: none).' })
  async frequencyCap(@Root() setting: ChannelSetting, @Ctx() ctx: Context) {
    return (await policiesOf(ctx)).get(setting.channel)?.frequencyCap ?? null;
  }

  @FieldResolver(() => QuietHoursInfo, { nullable: true, description: 'When messages are held (null: never).' })
  async quietHours(@Root() setting: ChannelSetting, @Ctx() ctx: Context) {
    return (await policiesOf(ctx)).get(setting.channel)?.quietHours ?? null;
  }

  private async setting(ctx: Context, channel: ContentChannel) {
    perRequest.delete(ctx);
    return (await ctx.services.channels.list(ctx.viewer!)).find((s) => s.channel === channel)!;
  }

  @Authorized('workspace:manage')
  @Mutation(() => ChannelSetting, { description: 'Limits a channel’s commercial messages per contact point over 24 h / 7 d / 30 d (every window null: no cap). Admins only.' })
  async setFrequencyCap(@Ctx() ctx: Context, @Arg('input', () => SetFrequencyCapInput, { description: 'Channel and limits.' }) input: SetFrequencyCapInput) {
    await ctx.services.sendPolicies.setFrequencyCap(ctx.viewer!, input);
    return this.setting(ctx, input.channel);
  }

  @Authorized('workspace:manage')
  @Mutation(() => ChannelSetting, { description: 'Sets when a channel’s messages are held until morning (start and end null: never). Admins only.' })
  async setQuietHours(@Ctx() ctx: Context, @Arg('input', () => SetQuietHoursInput, { description: 'Channel and window.' }) input: SetQuietHoursInput) {
    await ctx.services.sendPolicies.setQuietHours(ctx.viewer!, input);
    return this.setting(ctx, input.channel);
  }

  @Authorized('workspace:manage')
  @Mutation(() => Workspace, { description: 'Sets the workspace’s time zone (quiet hours for customers without one). Admins only.' })
  setWorkspaceTimeZone(@Ctx() ctx: Context, @Arg('input', () => SetWorkspaceTimeZoneInput, { description: 'The zone.' }) input: SetWorkspaceTimeZoneInput) {
    return ctx.services.sendPolicies.setWorkspaceTimeZone(ctx.viewer!, input);
  }
}
