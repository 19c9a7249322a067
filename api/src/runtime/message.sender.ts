import type { Pool } from 'pg';
import type { ChannelDelivery } from '../channels/channel-delivery.js';
import { applySendPolicies } from '../channels/send-policy.gate.js';
import type { OutgoingMessage, SendOutcome } from '../channels/channel.types.js';
import { ContentChannel } from '../content/content.types.js';
import { consentAllows, DEFAULT_CONSENT_MODELS } from '../customers/customer.rules.js';
import { ConsentPurpose, ConsentStatus, type ConsentModel } from '../customers/customer.types.js';
import type { EventTx } from '../ingestion/ingestion.writer.js';
import type { RaisedEvent } from '../ingestion/ingestion.pipeline.js';
import type { Clock } from '../ops/clock.js';
import type { Logger } from '../ops/logger.js';
import { withEventTx } from './event-tx.js';
import type { RuntimeObserver } from './journey-runtime.js';
import { MessageStatus, RunStatus } from './run.types.js';
import type { RunsChanged } from './runs-changed.js';

/** Sends of one message before it is given up as FAILED. */
export const MAX_SEND_ATTEMPTS = 8;
/** How long a message taken by a sender stays with it: a sender that dies mid-send leaves it to another after this. */
const SEND_LEASE_MS = 60_000;
/** Messages sent at the same time by one process. */
const PARALLEL_SENDS = 8;

type Claimed = {
  workspace_id: string;
  id: string;
  journey_id: string;
  run_id: string;
  step_id: string;
  customer_id: string;
  channel: ContentChannel;
  recipient: string | null;
  sender_name: string | null;
  subject: string | null;
  html_body: string | null;
  text_body: string | null;
  body: string | null;
  title: string | null;
  link: string | null;
  attempts: number;
  run_status: RunStatus | null;
  auth_id: string | null;
  model: ConsentModel | null;
  consent: ConsentStatus | null;
};

/** What the send-time checks decide before any provider is called: null means send. */
export function sendDecision(m: Pick<Claimed, 'channel' | 'run_status' | 'auth_id' | 'model' | 'consent'>): { status: MessageStatus; reason: string } | null {
  // The run ended (exit trigger, stop) before the message went out: it is not sent.
  if (m.run_status !== RunStatus.ACTIVE && m.run_status !== RunStatus.WAITING && m.run_status !== RunStatus.COMPLETED)
    return { status: MessageStatus.CANCELLED, reason: `RUN_${m.run_status ?? 'GONE'}` };
  if (m.auth_id === null) return { status: MessageStatus.BLOCKED, reason: 'CUSTOMER_ERASED' };
  const model = m.model ?? DEFAULT_CONSENT_MODELS[m.channel];
  if (!consentAllows(model, m.channel, ConsentPurpose.COMMERCIAL, m.consent ?? ConsentStatus.UNKNOWN))
    return { status: MessageStatus.BLOCKED, reason: m.consent === ConsentStatus.OPTED_OUT ? 'CONSENT_OPTED_OUT' : 'CONSENT_MISSING' };
  return null;
}

/** When a transient failure is tried again: 30 s, 1, 2, 4… minutes, at most an hour, with ±20 % jitter so retries spread. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** How a provider's answer is recorded: the status, the reason, and whether it is tried again later. */
export function recordedOutcome(result: SendOutcome, attempts: number): { status: MessageStatus; reason: string | null; retry: boolean } {
  switch (result.outcome) {
    case 'DELIVERED':
      return { status: MessageStatus.DELIVERED, reason: null, retry: false };
    case 'SENT':
      return { status: MessageStatus.SENT, reason: null, retry: false };
    case 'BOUNCED':
      return { status: MessageStatus.BOUNCED, reason: result.reason, retry: false };
    case 'FAILED':
      return { status: MessageStatus.FAILED, reason: result.reason, retry: false };
    case 'RETRY':
      return attempts >= MAX_SEND_ATTEMPTS
        ? { status: MessageStatus.FAILED, reason: `GAVE_UP after ${attempts} attempts: ${result.reason}`, retry: false }
        : { status: MessageStatus.QUEUED, reason: `RETRY: ${result.reason}`, retry: true };
  }
}

export type SenderOptions = {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  batchSize: number;
  delivery: ChannelDelivery;
  /** Writes Flare-raised events (delivered, bounced) in the sender's transaction, through ingestion and its hooks. */
  raise(tx: EventTx, events: RaisedEvent[]): Promise<void>;
  /** Told after commit which journeys' messages changed (live views refresh). */
  onRunsChanged?: RunsChanged;
};

/**
 * Delivers queued messages in every process. A batch is taken with FOR UPDATE SKIP LOCKED and checked (the run
 * still open, the customer's consent under the workspace's model): what may not go is recorded at once; the rest
 * is leased (due again after SEND_LEASE_MS should this process die) and handed to the workspace's provider outside
 * any transaction, with the message id as idempotency key. The outcomes are recorded in one transaction, fenced by
 * the attempt number, with the interaction events they raise (delivered, bounced): a run waiting for them wakes.
 * Transient failures are retried with backoff up to MAX_SEND_ATTEMPTS; permanent ones keep their reason.
 */
export class MessageSender {
  observer: RuntimeObserver | null = null;

  constructor(private readonly o: SenderOptions) {}

  /** Sends one batch; returns how many messages it took. */
  async tick(): Promise<number> {
    const now = this.o.clock.now();
    const claimed = await withEventTx(this.o.pool, now, (tx) => this.claim(tx));
    if (claimed.length === 0) return 0;
    const configs = await this.o.delivery.configs(claimed.map((m) => ({ workspaceId: m.workspace_id, channel: m.channel })));
    // Tracking applied (links, open pixel, unsubscribe) and the links stored; the stored render stays untracked.
    const ready = await this.o.delivery.prepare(claimed.map(outgoing));
    const results: SendOutcome[] = new Array<SendOutcome>(claimed.length);
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const i = next++;
        const m = claimed[i];
        try {
          results[i] = await this.o.delivery.send(ready[i], configs.get(`${m.workspace_id}|${m.channel}`)!, this.o.clock.now());
        } catch (error) {
          results[i] = { outcome: 'RETRY', reason: `SEND_ERROR: ${(error as Error).message.slice(0, 200)}` };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, claimed.length) }, worker));
    await withEventTx(this.o.pool, this.o.clock.now(), (tx) =>
      this.record(
        tx,
        claimed.map((m, i) => ({ m, result: results[i], provider: configs.get(`${m.workspace_id}|${m.channel}`)!.provider })),
      ),
    );
    return claimed.length;
  }

  /** Takes due messages; records at once those the checks stop; leases and returns the others. */
  private async claim(tx: EventTx): Promise<Claimed[]> {
    const { rows } = await tx.client.query<Claimed>(
      `WITH due AS (
         SELECT workspace_id, id FROM journey_messages WHERE status = 'QUEUED' AND due_at <= $2 ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       SELECT m.workspace_id, m.id, m.journey_id, m.run_id, m.step_id, m.customer_id, m.channel, m.recipient, m.sender_name, m.subject, m.html_body,
              m.text_body, m.body, m.title, m.link, m.attempts, r.status AS run_status,
              CASE WHEN c.erased_at IS NULL THEN c.auth_id END AS auth_id, p.model, k.status AS consent
         FROM due JOIN journey_messages m ON m.workspace_id = due.workspace_id AND m.id = due.id
         LEFT JOIN journey_runs r ON r.workspace_id = m.workspace_id AND r.id = m.run_id
         LEFT JOIN customers c ON c.workspace_id = m.workspace_id AND c.id = m.customer_id
         LEFT JOIN consent_policies p ON p.workspace_id = m.workspace_id AND p.channel = m.channel
         LEFT JOIN customer_consents k ON k.workspace_id = m.workspace_id AND k.customer_id = m.customer_id AND k.channel = m.channel AND k.purpose = '${ConsentPurpose.COMMERCIAL}'`,
      [this.o.batchSize, tx.now],
    );
    if (rows.length === 0) return [];
    const stopped = rows.flatMap((m) => {
      const d = sendDecision(m);
      return d ? [{ ws: m.workspace_id, id: m.id, status: d.status, reason: d.reason }] : [];
    });
    if (stopped.length > 0) {
      await tx.client.query(
        `UPDATE journey_messages m SET status = d.status, reason = d.reason, reason_detail = NULL, due_at = NULL, updated_at = $2
           FROM jsonb_to_recordset($1::jsonb) AS d(ws uuid, id uuid, status text, reason text) WHERE m.workspace_id = d.ws AND m.id = d.id`,
        [JSON.stringify(stopped), tx.now],
      );
      this.announce(
        tx,
        rows,
        stopped.map((s) => s.status),
      );
    }
    const stoppedIds = new Set(stopped.map((s) => s.id));
    const open = rows.filter((m) => !stoppedIds.has(m.id));
    // Quiet hours hold (still QUEUED, due when they end), frequency caps block: see channels/send-policy.gate.ts.
    const policy = await applySendPolicies(tx, open);
    const sending = open.filter((m) => policy.send.has(m.id));
    if (sending.length < open.length)
      this.announce(
        tx,
        open.filter((m) => !policy.send.has(m.id)),
        policy.blocked.map(() => MessageStatus.BLOCKED),
      );
    if (sending.length === 0) return [];
    const { rows: leased } = await tx.client.query<{ id: string; attempts: number }>(
      `UPDATE journey_messages SET due_at = $3::timestamptz + $4 * interval '1 millisecond', attempts = attempts + 1, updated_at = $3
        WHERE (workspace_id, id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) RETURNING id, attempts`,
      [sending.map((m) => m.workspace_id), sending.map((m) => m.id), tx.now, SEND_LEASE_MS],
    );
    const attempts = new Map(leased.map((l) => [l.id, l.attempts]));
    return sending.map((m) => ({ ...m, attempts: attempts.get(m.id)! }));
  }

  /** Records what the providers said, fenced by the attempt (a message another sender took meanwhile is left to it). */
  private async record(tx: EventTx, sent: { m: Claimed; result: SendOutcome; provider: string }[]) {
    const rows = sent.map(({ m, result, provider }) => {
      const r = recordedOutcome(result, m.attempts);
      return {
        ws: m.workspace_id,
        id: m.id,
        attempts: m.attempts,
        status: r.status,
        reason: r.reason,
        provider,
        provider_message_id: 'providerMessageId' in result ? result.providerMessageId : null,
        due_at: r.retry ? new Date(tx.now.getTime() + retryDelayMs(m.attempts)).toISOString() : null,
      };
    });
    const { rows: recorded } = await tx.client.query<{ id: string; status: MessageStatus }>(
      `UPDATE journey_messages m SET status = d.status, reason = d.reason, provider = d.provider, provider_message_id = coalesce(d.provider_message_id, m.provider_message_id),
              due_at = d.due_at, sent_at = CASE WHEN d.status IN ('DELIVERED', 'SENT') THEN $2::timestamptz ELSE m.sent_at END, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS d(ws uuid, id uuid, attempts int, status text, reason text, provider text, provider_message_id text, due_at timestamptz)
        WHERE m.workspace_id = d.ws AND m.id = d.id AND m.attempts = d.attempts AND m.status = 'QUEUED'
        RETURNING m.id, m.status`,
      [JSON.stringify(rows), tx.now],
    );
    const done = new Map(recorded.map((r) => [r.id, r.status]));
    const events: RaisedEvent[] = [];
    for (const { m } of sent) {
      const status = done.get(m.id);
      const attributes = { journeyId: m.journey_id, stepId: m.step_id, deliveryId: m.id };
      if (status === MessageStatus.DELIVERED)
        events.push({ workspaceId: m.workspace_id, customerId: m.customer_id, event: { trigger: `${m.channel.toLowerCase()}_delivered`, authId: m.auth_id!, attributes } });
      if (status === MessageStatus.BOUNCED && m.channel === ContentChannel.EMAIL)
        events.push({
          workspaceId: m.workspace_id,
          customerId: m.customer_id,
          event: { trigger: 'email_bounced', authId: m.auth_id!, attributes: { ...attributes, bounceType: 'hard' } },
        });
    }
    await this.o.raise(tx, events);
    this.announce(
      tx,
      sent.map((s) => s.m),
      [...done.values()],
    );
  }

  private announce(tx: EventTx, messages: Claimed[], statuses: MessageStatus[]) {
    const journeys = new Map(messages.map((m) => [m.journey_id, { workspaceId: m.workspace_id, journeyId: m.journey_id }]));
    tx.afterCommit(() => {
      this.o.onRunsChanged?.([...journeys.values()]);
      this.observer?.messages(statuses);
    });
  }
}

/** The stored, rendered message as a provider takes it. */
function outgoing(m: Claimed): OutgoingMessage {
  return {
    id: m.id,
    workspaceId: m.workspace_id,
    channel: m.channel,
    to: m.recipient ?? '',
    fromName: m.sender_name,
    subject: m.subject,
    html: m.html_body,
    text: m.text_body,
    headers: {},
    body: m.body,
    title: m.title,
    link: m.link,
    journeyId: m.journey_id,
    stepId: m.step_id,
    test: false,
  };
}
