import { registerEnumType } from 'type-graphql';
import type { ContentChannel } from '../content/content.types.js';

/** Who delivers a channel's messages for a workspace. */
export enum ChannelProvider {
  /** The built-in Flare inbox: stores the fully rendered message and shows it in the app, sends nothing out. */
  INBOX = 'INBOX',
  /** An SMTP server (email). */
  SMTP = 'SMTP',
  /** A signed HTTPS webhook to the workspace's text or push provider. */
  WEBHOOK = 'WEBHOOK',
}

export enum SmtpSecurity {
  /** Plain connection, upgraded with STARTTLS when the server offers it. */
  NONE = 'NONE',
  /** STARTTLS is required. */
  STARTTLS = 'STARTTLS',
  /** TLS from the first byte (usually port 465). */
  TLS = 'TLS',
}

registerEnumType(ChannelProvider, {
  name: 'ChannelProvider',
  description: 'Who delivers a channel’s messages.',
  valuesConfig: {
    INBOX: { description: 'The built-in Flare inbox: messages are stored fully rendered and shown in the app; nothing leaves Flare.' },
    SMTP: { description: 'An SMTP server (email only).' },
    WEBHOOK: { description: 'A signed webhook to a text or push provider (HMAC-SHA256), with a status callback.' },
  },
});
registerEnumType(SmtpSecurity, {
  name: 'SmtpSecurity',
  description: 'How the SMTP connection is secured.',
  valuesConfig: {
    NONE: { description: 'Plain, upgraded with STARTTLS if offered.' },
    STARTTLS: { description: 'STARTTLS required.' },
    TLS: { description: 'TLS from the start (port 465).' },
  },
});

/** Non-secret settings of a provider, stored as given; secrets (SMTP password, webhook signing secret) are stored encrypted apart. */
export type SmtpSettings = {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string | null;
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
};
export type WebhookSettings = { url: string };
export type ProviderSettings = SmtpSettings | WebhookSettings | Record<string, never>;

/** A message ready for a provider: rendered, with tracking applied and headers set. */
export type OutgoingMessage = {
  id: string;
  workspaceId: string;
  channel: ContentChannel;
  to: string;
  /** Email. */
  fromName: string | null;
  subject: string | null;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
  /** Text and push. */
  body: string | null;
  title: string | null;
  link: string | null;
  /** For journey messages: where it came from (the webhook payload carries them). */
  journeyId: string | null;
  stepId: string | null;
  test: boolean;
};

/**
 * What a provider made of a message. DELIVERED: the receiving side has it (SMTP 250, the inbox stored it);
 * SENT: the provider took it and will report delivery on the status callback; BOUNCED: refused for good by the
 * recipient's side (SMTP 5xx); FAILED: refused for good by the provider (bad request, rejected); RETRY: a
 * transient failure (timeout, 4xx, 5xx from a webhook) — sent again later with backoff.
 */
export type SendOutcome = { outcome: 'DELIVERED' | 'SENT'; providerMessageId: string | null } | { outcome: 'BOUNCED' | 'FAILED' | 'RETRY'; reason: string };
