import type { Pool } from 'pg';
import { ContentChannel } from '../content/content.types.js';
import { ChannelProvider, type OutgoingMessage, type SendOutcome, type SmtpSettings, type WebhookSettings } from './channel.types.js';
import { InboxProvider } from './providers/inbox.provider.js';
import { SmtpProvider } from './providers/smtp.provider.js';
import { WebhookProvider } from './providers/webhook.provider.js';
import type { SecretBox } from './secret-box.js';

export type ChannelConfig = { provider: ChannelProvider; settings: Record<string, unknown>; secret: string | null };

/** The context a channel's secret is sealed with: it opens only on its own row. */
export const secretContext = (workspaceId: string, channel: ContentChannel) => `channel:${workspaceId}:${channel}`;

/** The inbox when nothing else is configured, and always for the channels no provider serves. */
const INBOX: ChannelConfig = { provider: ChannelProvider.INBOX, settings: {}, secret: null };

/** Hands a rendered message to the workspace's provider for its channel. */
export class ChannelDelivery {
  readonly inbox: InboxProvider;
  private readonly smtp = new SmtpProvider();
  private readonly webhook: WebhookProvider;

  constructor(
    private readonly pool: Pool,
    private readonly box: SecretBox,
    publicUrl: string,
    /** Applied to journey messages as they go out (tracking); test sends do not pass through it. */
    private readonly track: (messages: OutgoingMessage[]) => Promise<OutgoingMessage[]> = (messages) => Promise.resolve(messages),
    /** How long a webhook provider may take to answer (WEBHOOK_TIMEOUT_MS). */
    webhookTimeoutMs = 10_000,
  ) {
    this.inbox = new InboxProvider(pool);
    this.webhook = new WebhookProvider((ws, channel) => `${publicUrl}/v1/channels/${ws}/${channel.toLowerCase()}/status`, webhookTimeoutMs);
  }

  /** The configured provider of each (workspace, channel) asked for, with its secret opened. */
  async configs(keys: { workspaceId: string; channel: ContentChannel }[]): Promise<Map<string, ChannelConfig>> {
    const unique = [...new Map(keys.map((k) => [`${k.workspaceId}|${k.channel}`, k])).values()];
    const out = new Map<string, ChannelConfig>(unique.map((k) => [`${k.workspaceId}|${k.channel}`, INBOX]));
    if (unique.length === 0) return out;
    const { rows } = await this.pool.query<{ workspace_id: string; channel: ContentChannel; provider: ChannelProvider; settings: Record<string, unknown>; secret: string | null }>(
      `SELECT s.workspace_id, s.channel, s.provider, s.settings, s.secret FROM channel_settings s JOIN unnest($1::uuid[], $2::text[]) AS q(ws, ch) ON s.workspace_id = q.ws AND s.channel = q.ch`,
      [unique.map((k) => k.workspaceId), unique.map((k) => k.channel)],
    );
    for (const r of rows) {
      out.set(`${r.workspace_id}|${r.channel}`, {
        provider: r.provider,
        settings: r.settings,
        secret: r.secret === null ? null : this.box.open(r.secret, secretContext(r.workspace_id, r.channel)),
      });
    }
    return out;
  }

  /** Journey messages as they go out: with tracking applied and their links stored (one statement for the batch). */
  prepare(messages: OutgoingMessage[]): Promise<OutgoingMessage[]> {
    return this.track(messages);
  }

  async send(m: OutgoingMessage, config: ChannelConfig, now: Date): Promise<SendOutcome> {
    switch (config.provider) {
      case ChannelProvider.SMTP:
        if (m.channel !== ContentChannel.EMAIL) return { outcome: 'FAILED', reason: 'PROVIDER_MISMATCH: SMTP delivers email only.' };
        return this.smtp.send(m, config.settings as SmtpSettings, config.secret);
      case ChannelProvider.WEBHOOK:
        return this.webhook.send(m, config.settings as WebhookSettings, config.secret ?? '', Math.floor(now.getTime() / 1000));
      case ChannelProvider.INBOX:
        return this.inbox.send(m, now);
    }
  }

  close() {
    this.smtp.close();
  }
}
