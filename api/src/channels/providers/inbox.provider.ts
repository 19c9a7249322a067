import type { Pool } from 'pg';
import type { OutgoingMessage, SendOutcome } from '../channel.types.js';

/**
 * The built-in Flare inbox: keeps the message exactly as it would have gone out and shows it in the app, like a
 * mail catcher. Sending the same journey message twice keeps one copy (unique per message).
 */
export class InboxProvider {
  constructor(private readonly pool: Pool) {}

  async send(m: OutgoingMessage, now: Date): Promise<SendOutcome> {
    const { rows } = await this.pool.query<{ id: string }>(
      `WITH added AS (
         INSERT INTO inbox_messages (workspace_id, message_id, channel, recipient, from_name, subject, html_body, text_body, body, title, link, headers, test, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (workspace_id, message_id) WHERE message_id IS NOT NULL DO NOTHING
         RETURNING id)
       SELECT id FROM added UNION ALL SELECT id FROM inbox_messages WHERE workspace_id = $1 AND message_id = $2`,
      [m.workspaceId, m.test ? null : m.id, m.channel, m.to, m.fromName, m.subject, m.html, m.text, m.body, m.title, m.link, JSON.stringify(m.headers), m.test, now],
    );
    return { outcome: 'DELIVERED', providerMessageId: rows[0]?.id ?? null };
  }
}
