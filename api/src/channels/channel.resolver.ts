import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import { ContentChannel } from '../content/content.types.js';
import type { Context } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import {
  ChannelSetting,
  InboxMessageConnection,
  SendTestMessageInput,
  SendTestMessagePayload,
  SetChannelPayload,
  SetSmtpChannelInput,
  SetWebhookChannelInput,
} from './channel.objects.js';
import { InboxMessage } from './inbox-message.entity.js';

@Resolver()
export class ChannelResolver {
  @Authorized('workspace:manage')
  @Query(() => [ChannelSetting], { description: 'Who delivers email, text and push for the workspace (secrets are never returned). Admins only.' })
  channelSettings(@Ctx() ctx: Context) {
    return ctx.services.channels.list(ctx.viewer!);
  }

  @Authorized('workspace:manage')
  @Mutation(() => SetChannelPayload, { description: 'Deliver email through an SMTP server. The password is stored encrypted and never returned.' })
  setSmtpChannel(@Ctx() ctx: Context, @Arg('input', () => SetSmtpChannelInput, { description: 'The server.' }) input: SetSmtpChannelInput) {
    return ctx.services.channels.setSmtp(ctx.viewer!, input);
  }

  @Authorized('workspace:manage')
  @Mutation(() => SetChannelPayload, { description: 'Deliver text or push through a signed webhook; the signing secret is returned once.' })
  setWebhookChannel(@Ctx() ctx: Context, @Arg('input', () => SetWebhookChannelInput, { description: 'The webhook.' }) input: SetWebhookChannelInput) {
    return ctx.services.channels.setWebhook(ctx.viewer!, input);
  }

  @Authorized('workspace:manage')
  @Mutation(() => SetChannelPayload, { description: 'Deliver a channel to the built-in Flare inbox (nothing leaves Flare).' })
  useInboxChannel(@Ctx() ctx: Context, @Arg('channel', () => ContentChannel, { description: 'The channel.' }) channel: ContentChannel) {
    return ctx.services.channels.useInbox(ctx.viewer!, channel);
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => SendTestMessagePayload, { description: 'Sends one message now through the channel (content and a customer optional), without journey policies.' })
  sendTestMessage(@Ctx() ctx: Context, @Arg('input', () => SendTestMessageInput, { description: 'What and where.' }) input: SendTestMessageInput) {
    return ctx.services.channels.sendTest(ctx.viewer!, input);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => InboxMessageConnection, { description: 'The Flare inbox: messages delivered by the built-in provider, newest first.' })
  inboxMessages(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('channel', () => ContentChannel, { nullable: true, description: 'Only this channel.' }) channel?: ContentChannel | null,
  ) {
    return ctx.services.channels.inbox(ctx.viewer!, page, channel ?? null);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => InboxMessage, { description: 'One message of the Flare inbox.' })
  inboxMessage(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The message.' }) id: string) {
    return ctx.services.channels.inboxMessage(ctx.viewer!, id);
  }
}
