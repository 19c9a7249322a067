import type { Pool } from 'pg';
import { withEventTx } from './event-tx.js';
import type { ContentChannel } from '../content/content.types.js';
import { consentAllows, DEFAULT_CONSENT_MODELS } from '../customers/customer.rules.js';
import { ConsentPurpose, ConsentStatus, type ConsentModel } from '../customers/customer.types.js';
import type { EventTx } from '../ingestion/ingestion.writer.js';
import type { RaisedEvent } from '../ingestion/ingestion.pipeline.js';
import type { Clock } from '../ops/clock.js';
import type { Logger } from '../ops/logger.js';
import { MessageStatus, RunStatus } from './run.types.js';
import type { RunsChanged } from './runs-changed.js';
import type { RuntimeObserver } from './journey-runtime.js';

type Claimed = {
  workspace_id: string;
  id: string;
  journey_id: string;
  run_id: string;
  step_id: string;
  customer_id: string;
  channel: ContentChannel;
  run_status: RunStatus | null;
  auth_id: string | null;
  model: ConsentModel | null;
  consent: ConsentStatus | null;
};

/** What the sender decides for a queued message at send time. */
export function sendDecision(m: Pick<Claimed, 'channel' | 'run_status' | 'auth_id' | 'model' | 'consent'>): { status: MessageStatus; reason: string | null } {
  // The run ended (exit trigger, stop) before the message went out: it is not sent.
  if (m.run_status !== RunStatus.ACTIVE && m.run_status !== RunStatus.WAITING && m.run_status !== RunStatus.COMPLETED)
    return { status: MessageStatus.CANCELLED, reason: `RUN_${m.run_status ?? 'GONE'}` };
  if (m.auth_id === null) return { status: MessageStatus.BLOCKED, reason: 'CUSTOMER_ERASED' };
  const model = m.model ?? DEFAULT_CONSENT_MODELS[m.channel];
  if (!consentAllows(model, m.channel, ConsentPurpose.COMMERCIAL, m.consent ?? ConsentStatus.UNKNOWN))
    return { status: MessageStatus.BLOCKED, reason: m.consent === ConsentStatus.OPTED_OUT ? 'CONSENT_OPTED_OUT' : 'CONSENT_MISSING' };
  return { status: MessageStatus.DELIVERED, reason: null };
}

export type SenderOptions = {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  batchSize: number;
  /** Writes Flare-raised events (the delivered interactions) in the sender's transaction, through ingestion and its hooks. */
  raise(tx: EventTx, events: RaisedEvent[]): Promise<void>;
  /** Told after commit which journeys' messages changed (live views refresh). */
  onRunsChanged?: RunsChanged;
};

/**
 * The built-in capture channel (until real channels exist): takes queued messages with FOR UPDATE SKIP LOCKED
 * in every process, applies the send-time checks (the run still open, the customer's consent under the
 * workspace's model), records each as delivered — the rendered message is already stored — and raises the
 * "delivered" interaction trigger for it, all in one transaction: a run waiting for the delivery wakes with it.
 */
export class MessageSender {
  observer: RuntimeObserver | null = null;

  constructor(private readonly o: SenderOptions) {}

  /** Sends one batch; returns how many messages it took. */
  async tick(): Promise<number> {
    return withEventTx(this.o.pool, this.o.clock.now(), (tx) => this.sendBatch(tx));
  }

  private async sendBatch(tx: EventTx): Promise<number> {
    const { rows } = await tx.client.query<Claimed>(
      `WITH due AS (
         SELECT workspace_id, id FROM journey_messages WHERE status = 'QUEUED' AND due_at <= $2 ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       SELECT m.workspace_id, m.id, m.journey_id, m.run_id, m.step_id, m.customer_id, m.channel, r.status AS run_status,
              CASE WHEN c.erased_at IS NULL THEN c.auth_id END AS auth_id, p.model, k.status AS consent
         FROM due JOIN journey_messages m ON m.workspace_id = due.workspace_id AND m.id = due.id
         LEFT JOIN journey_runs r ON r.workspace_id = m.workspace_id AND r.id = m.run_id
         LEFT JOIN customers c ON c.workspace_id = m.workspace_id AND c.id = m.customer_id
         LEFT JOIN consent_policies p ON p.workspace_id = m.workspace_id AND p.channel = m.channel
         LEFT JOIN customer_consents k ON k.workspace_id = m.workspace_id AND k.customer_id = m.customer_id AND k.channel = m.channel AND k.purpose = '${ConsentPurpose.COMMERCIAL}'`,
      [this.o.batchSize, tx.now],
    );
    if (rows.length === 0) return 0;
    const decided = rows.map((m) => ({ m, ...sendDecision(m) }));
    await tx.client.query(
      `UPDATE journey_messages m SET status = d.status, reason = d.reason, sent_at = CASE WHEN d.status = 'DELIVERED' THEN $2::timestamptz END,
              due_at = NULL, attempts = m.attempts + 1, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS d(ws uuid, id uuid, status text, reason text)
        WHERE m.workspace_id = d.ws AND m.id = d.id`,
      [JSON.stringify(decided.map((d) => ({ ws: d.m.workspace_id, id: d.m.id, status: d.status, reason: d.reason }))), tx.now],
    );
    const delivered = decided.filter((d) => d.status === MessageStatus.DELIVERED);
    await this.o.raise(
      tx,
      delivered.map(({ m }) => ({
        workspaceId: m.workspace_id,
        customerId: m.customer_id,
        event: { trigger: `${m.channel.toLowerCase()}_delivered`, authId: m.auth_id!, attributes: { journeyId: m.journey_id, stepId: m.step_id, deliveryId: m.id } },
      })),
    );
    const journeys = new Map(rows.map((m) => [m.journey_id, { workspaceId: m.workspace_id, journeyId: m.journey_id }]));
    tx.afterCommit(() => {
      this.o.onRunsChanged?.([...journeys.values()]);
      this.observer?.messages(decided.map((d) => d.status));
    });
    return rows.length;
  }
}
