import type { Pool } from 'pg';
import { ContentChannel } from '../content/content.types.js';
import type { EventTx } from '../ingestion/ingestion.writer.js';
import type { RaisedEvent } from '../ingestion/ingestion.pipeline.js';
import type { Clock } from '../ops/clock.js';
import { withEventTx } from '../runtime/event-tx.js';
import type { ChannelDelivery } from './channel-delivery.js';
import { ChannelProvider } from './channel.types.js';
import { verifySignature } from './providers/webhook.provider.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A provider's delivery report, checked: the message id and what became of it. */
export function parseReport(raw: string): { id: string; status: 'delivered' | 'failed'; reason: string | null } | null {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { id, status, reason } = body as Record<string, unknown>;
  if (typeof id !== 'string' || !UUID.test(id) || (status !== 'delivered' && status !== 'failed')) return null;
  return { id, status, reason: typeof reason === 'string' ? reason.slice(0, 300) : null };
}

/**
 * Delivery reports from webhook providers: a SENT message becomes DELIVERED (raising text_delivered or
 * push_delivered, so a waiting run wakes) or FAILED with the provider's reason, in one transaction.
 */
export class DeliveryReports {
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly delivery: ChannelDelivery,
    private readonly raise: (tx: EventTx, events: RaisedEvent[]) => Promise<void>,
  ) {}

  async report(
    workspaceId: string,
    channel: ContentChannel,
    raw: string,
    signatureHeader: string | undefined,
  ): Promise<'RECORDED' | 'UNAUTHORIZED' | 'MALFORMED' | 'UNKNOWN_MESSAGE'> {
    const config = (await this.delivery.configs([{ workspaceId, channel }])).get(`${workspaceId}|${channel}`)!;
    const now = this.clock.now();
    if (config.provider !== ChannelProvider.WEBHOOK || !config.secret || !verifySignature(config.secret, signatureHeader, raw, Math.floor(now.getTime() / 1000)))
      return 'UNAUTHORIZED';
    const report = parseReport(raw);
    if (!report) return 'MALFORMED';
    return withEventTx(this.pool, now, async (tx) => {
      const { rows } = await tx.client.query<{ id: string; status: string; journey_id: string; step_id: string; customer_id: string; auth_id: string | null; changed: boolean }>(
        `WITH m AS (SELECT * FROM journey_messages WHERE workspace_id = $1 AND id = $2 AND channel = $3 FOR UPDATE),
         changed AS (
           UPDATE journey_messages j SET status = CASE WHEN $4 = 'delivered' THEN 'DELIVERED' ELSE 'FAILED' END,
                  reason = CASE WHEN $4 = 'failed' THEN 'PROVIDER: ' || coalesce($5, 'failed') END, updated_at = $6
             FROM m WHERE j.workspace_id = m.workspace_id AND j.id = m.id AND m.status = 'SENT'
             RETURNING j.id)
         SELECT m.id, m.status, m.journey_id, m.step_id, m.customer_id, c.auth_id, EXISTS (SELECT 1 FROM changed) AS changed
           FROM m LEFT JOIN customers c ON c.workspace_id = m.workspace_id AND c.id = m.customer_id`,
        [workspaceId, report.id, channel, report.status, report.reason, now],
      );
      const m = rows[0];
      if (!m) return 'UNKNOWN_MESSAGE';
      if (m.changed && report.status === 'delivered' && m.auth_id) {
        await this.raise(tx, [
          {
            workspaceId,
            customerId: m.customer_id,
            event: { trigger: `${channel.toLowerCase()}_delivered`, authId: m.auth_id, attributes: { journeyId: m.journey_id, stepId: m.step_id, deliveryId: m.id } },
          },
        ]);
      }
      return 'RECORDED';
    });
  }
}
