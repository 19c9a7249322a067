import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ContentChannel } from '../content/content.types.js';
import { Connection } from '../graphql/connection.js';
import { ChannelProvider, SmtpSecurity } from './channel.types.js';
import { InboxMessage } from './inbox-message.entity.js';

@ObjectType({ description: 'SMTP settings (the password is never returned).' })
export class SmtpSettingsInfo {
  @Field(() => String, { description: 'Host.' }) host!: string;
  @Field(() => Int, { description: 'Port.' }) port!: number;
  @Field(() => SmtpSecurity, { description: 'How the connection is secured.' }) security!: SmtpSecurity;
  @Field(() => String, { nullable: true, description: 'User name, if the server wants a login.' }) username!: string | null;
  @Field(() => Boolean, { description: 'Whether a password is stored.' }) hasPassword!: boolean;
  @Field(() => String, { description: 'Sender name.' }) fromName!: string;
  @Field(() => String, { description: 'Sender address.' }) fromAddress!: string;
  @Field(() => String, { nullable: true, description: 'Reply-to address.' }) replyTo!: string | null;
}

@ObjectType({ description: 'Webhook settings (the signing secret is shown once, when set).' })
export class WebhookSettingsInfo {
  @Field(() => String, { description: 'Where Flare POSTs each message.' }) url!: string;
  @Field(() => String, { description: 'Where the provider reports delivery (signed with the same secret).' }) statusCallbackUrl!: string;
}

@ObjectType({ description: 'Who delivers one channel’s messages.' })
export class ChannelSetting {
  @Field(() => ContentChannel, { description: 'EMAIL, TEXT or PUSH.' }) channel!: ContentChannel;
  @Field(() => ChannelProvider, { description: 'INBOX (the default), SMTP or WEBHOOK.' }) provider!: ChannelProvider;
  @Field(() => SmtpSettingsInfo, { nullable: true, description: 'For SMTP.' }) smtp!: SmtpSettingsInfo | null;
  @Field(() => WebhookSettingsInfo, { nullable: true, description: 'For WEBHOOK.' }) webhook!: WebhookSettingsInfo | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was last changed (null: never, the inbox).' }) updatedAt!: Date | null;
}

@InputType({ description: 'Deliver email through an SMTP server.' })
export class SetSmtpChannelInput {
  @Field(() => String, { description: 'Host, e.g. smtp.example.com.' }) host!: string;
  @Field(() => Int, { description: 'Port: 587 (STARTTLS), 465 (TLS), 25.' }) port!: number;
  @Field(() => SmtpSecurity, { description: 'NONE, STARTTLS or TLS.' }) security!: SmtpSecurity;
  @Field(() => String, { nullable: true, description: 'User name; none: no login.' }) username?: string | null;
  @Field(() => String, { nullable: true, description: 'Password: omitted keeps the stored one, "" removes it. Stored encrypted; never returned.' })
  password?: string | null;
  @Field(() => String, { description: 'Sender name.' }) fromName!: string;
  @Field(() => String, { description: 'Sender address.' }) fromAddress!: string;
  @Field(() => String, { nullable: true, description: 'Reply-to address.' }) replyTo?: string | null;
}

@InputType({ description: 'Deliver text messages or push notifications through a signed webhook.' })
export class SetWebhookChannelInput {
  @Field(() => ContentChannel, { description: 'TEXT or PUSH.' }) channel!: ContentChannel;
  @Field(() => String, { description: 'https URL Flare POSTs each message to.' }) url!: string;
  @Field(() => Boolean, { defaultValue: false, description: 'Make a new signing secret (the old one stops working).' }) rotateSecret!: boolean;
}

@ObjectType({ description: 'The channel, and the webhook signing secret when one was made (shown only now).' })
export class SetChannelPayload {
  @Field(() => ChannelSetting, { description: 'The channel.' }) channel!: ChannelSetting;
  @Field(() => String, { nullable: true, description: 'The new signing secret: store it in the provider now, it is not shown again.' }) signingSecret!: string | null;
}

@InputType({ description: 'A test send of one channel, to an address or a customer.' })
export class SendTestMessageInput {
  @Field(() => ContentChannel, { description: 'EMAIL, TEXT or PUSH.' }) channel!: ContentChannel;
  @Field(() => ID, { nullable: true, description: 'The content to send (default: a short test message).' }) contentId?: string | null;
  @Field(() => String, { nullable: true, description: 'An email address or phone number.' }) to?: string | null;
  @Field(() => ID, { nullable: true, description: 'A customer: their address, and their fields in the content.' }) customerId?: string | null;
}

@ObjectType({ description: 'What the provider made of the test send.' })
export class SendTestMessagePayload {
  @Field(() => String, { description: 'DELIVERED, SENT, BOUNCED, FAILED or RETRY (a transient failure: try again).' }) outcome!: string;
  @Field(() => String, { nullable: true, description: 'Why, when not delivered or sent.' }) reason!: string | null;
  @Field(() => String, { description: 'Where it went.' }) to!: string;
  @Field(() => ChannelProvider, { description: 'Who delivered it.' }) provider!: ChannelProvider;
}

@ObjectType({ description: 'A page of the Flare inbox, newest first.' })
export class InboxMessageConnection extends Connection(InboxMessage, 'InboxMessage', 'message') {}
