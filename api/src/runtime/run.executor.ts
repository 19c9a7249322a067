import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { ContentChannel } from '../content/content.types.js';
import { CONTACT_FIELDS, renderTemplate } from '../content/templates.js';
import type { JourneyDefinition } from '../journeys/journey.types.js';
import type { Clock } from '../ops/clock.js';
import type { Logger } from '../ops/logger.js';
import type { AttributeDefinition, AttributeType } from '../triggers/trigger.types.js';
import { advance, recipientOf, type LogEntry, type RunState, type SendIntent } from './run.rules.js';
import { ExitReason, MessageStatus, RunLogKind, RunStatus, WaitKind } from './run.types.js';
import type { JourneyRef, RunsChanged } from './runs-changed.js';
import type { RuntimeObserver } from './journey-runtime.js';

/** Claims a run has had without committing a transition before it is given up as FAILED. */
export const MAX_ATTEMPTS = 5;

type RunRow = {
  workspace_id: string;
  id: string;
  journey_id: string;
  customer_id: string;
  status: RunStatus;
  step_id: string | null;
  step_started_at: Date;
  timer_at: Date | null;
  wait_kind: WaitKind | null;
  wait_trigger_id: string | null;
  wait_step_id: string | null;
  wait_matched: boolean;
  trigger_version: number;
  attributes: Record<string, unknown>;
  contactpoint_email: string | null;
  contactpoint_phone: string | null;
  version: number;
  attempts: number;
};
type JourneyFacts = { definition: JourneyDefinition; attributeTypes: Map<string, AttributeType> };
type Rendered = {
  ws: string;
  run_id: string;
  journey_id: string;
  step_id: string;
  customer_id: string;
  channel: ContentChannel;
  content_id: string;
  recipient: string | null;
  sender_name: string | null;
  subject: string | null;
  html_body: string | null;
  text_body: string | null;
  body: string | null;
  title: string | null;
  link: string | null;
  status: MessageStatus;
  reason: string | null;
};

export type ExecutorOptions = { pool: Pool; clock: Clock; logger: Logger; leaseMs: number; batchSize: number; onRunsChanged?: RunsChanged };

/**
 * Moves due runs, in every process: claims a batch with FOR UPDATE SKIP LOCKED (the claim pushes `wake_at` to
 * the end of a short lease, so a process that dies leaves its runs due again seconds later), computes each run's
 * transition with the pure `advance`, renders the messages it sends, and commits every transition of the batch in
 * one statement that updates only runs still at the version it claimed (fencing), appends their step log and
 * queues their messages in the outbox (unique per run and step).
 */
export class RunExecutor {
  readonly owner = `executor-${randomUUID().slice(0, 8)}`;
  private readonly journeys = new Map<string, JourneyFacts>();
  private readonly interactionTriggers = new Map<string, Map<string, string>>();

  observer: RuntimeObserver | null = null;

  constructor(private readonly o: ExecutorOptions) {}

  /** Claims and moves one batch of due runs; returns how many were claimed. */
  async tick(): Promise<number> {
    const now = this.o.clock.now();
    const { rows } = await this.o.pool.query<RunRow>(
      `UPDATE journey_runs r SET wake_at = $2::timestamptz + $3 * interval '1 millisecond', lease_owner = $4, version = r.version + 1, attempts = r.attempts + 1
         FROM (SELECT workspace_id, id FROM journey_runs WHERE status IN ('ACTIVE', 'WAITING') AND wake_at <= $2 ORDER BY wake_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
        WHERE r.workspace_id = due.workspace_id AND r.id = due.id
        RETURNING r.workspace_id, r.id, r.journey_id, r.customer_id, r.status, r.step_id, r.step_started_at, r.timer_at, r.wait_kind, r.wait_trigger_id,
                  r.wait_step_id, r.wait_matched, r.trigger_version, r.attributes, r.contactpoint_email, r.contactpoint_phone, r.version, r.attempts`,
      [this.o.batchSize, now, this.o.leaseMs, this.owner],
    );
    if (rows.length === 0) return 0;
    this.observer?.claimed(rows.length);
    this.observer?.lag(rows.map((r) => lagSeconds(r, now)).filter((x): x is number => x !== null));
    await this.process(rows, now);
    return rows.length;
  }

  private async process(runs: RunRow[], now: Date) {
    await this.loadJourneys(runs);
    await this.loadInteractionTriggers(runs);
    const interactions = await this.loadInteractions(runs);
    const updates: Record<string, unknown>[] = [];
    const log: (LogEntry & { ws: string; run_id: string; journey_id: string })[] = [];
    const intents: { run: RunRow; send: SendIntent }[] = [];
    for (const run of runs) {
      const journey = this.journeys.get(run.journey_id);
      let state: RunState;
      let entries: LogEntry[];
      let sends: SendIntent[] = [];
      if (run.attempts > MAX_ATTEMPTS || !journey) {
        const error = journey ? `Gave up after ${MAX_ATTEMPTS} attempts: the step kept failing or the process handling it stopped.` : 'The journey no longer exists.';
        state = { ...stateOf(run), status: RunStatus.FAILED, endReason: ExitReason.FAILED, error };
        entries = [{ stepId: run.step_id, kind: RunLogKind.FAILED, detail: { error }, at: now }];
      } else {
        const t = advance(journey.definition, stateOf(run), {
          now,
          attributes: run.attributes,
          attributeTypes: journey.attributeTypes,
          interactions: interactions.get(run.id) ?? new Set(),
          triggerIdByKey: this.interactionTriggers.get(run.workspace_id) ?? new Map(),
        });
        ({ state, log: entries, sends } = t);
      }
      updates.push(rowOf(run, state, now));
      for (const e of entries) log.push({ ...e, ws: run.workspace_id, run_id: run.id, journey_id: run.journey_id });
      for (const send of sends) intents.push({ run, send });
    }
    const { messages, failures } = await this.render(intents);
    // A message that cannot be rendered fails its run (with the error), not the batch.
    for (const [runId, error] of failures) {
      const u = updates.find((x) => x.id === runId)!;
      Object.assign(u, { status: RunStatus.FAILED, end_reason: ExitReason.FAILED, error, wake_at: null, ended_at: now.toISOString() });
      const run = runs.find((r) => r.id === runId)!;
      log.push({ ws: run.workspace_id, run_id: runId, journey_id: run.journey_id, stepId: null, kind: RunLogKind.FAILED, detail: { error }, at: now });
    }
    await this.commit(
      updates,
      log.map((l, n) => ({ n, ws: l.ws, run_id: l.run_id, journey_id: l.journey_id, step_id: l.stepId, kind: l.kind, detail: l.detail, at: l.at.toISOString() })),
      messages.filter((m) => !failures.has(m.run_id)),
      now,
    );
  }

  /** One statement, so one transaction: runs still at their claimed version move, and only their log and messages are written. */
  private async commit(updates: Record<string, unknown>[], log: Record<string, unknown>[], messages: Rendered[], now: Date) {
    const { rows } = await retryConflicts(() =>
      this.o.pool.query<{ journeys: JourneyRef[]; statuses: string[] }>(
        `WITH locked AS (
         -- Rows are locked in key order, as ingestion's hook does: two transactions never wait on each other crosswise.
         SELECT r.workspace_id, r.id FROM journey_runs r JOIN jsonb_to_recordset($1::jsonb) AS k(ws uuid, id uuid) ON r.workspace_id = k.ws AND r.id = k.id
          ORDER BY r.workspace_id, r.id FOR UPDATE OF r),
       moved AS (
         UPDATE journey_runs r SET status = u.status, step_id = u.step_id, step_started_at = u.step_started_at, wake_at = u.wake_at, timer_at = u.timer_at,
                wait_kind = u.wait_kind, wait_trigger_id = u.wait_trigger_id, wait_step_id = u.wait_step_id, wait_matched = u.wait_matched,
                ended_at = u.ended_at, end_reason = u.end_reason, error = u.error, attempts = 0, lease_owner = NULL, updated_at = $4
           FROM jsonb_to_recordset($1::jsonb) AS u(ws uuid, id uuid, version int, status text, step_id text, step_started_at timestamptz, wake_at timestamptz,
                timer_at timestamptz, wait_kind text, wait_trigger_id uuid, wait_step_id text, wait_matched boolean, ended_at timestamptz, end_reason text, error text)
          WHERE r.workspace_id = u.ws AND r.id = u.id AND r.version = u.version AND EXISTS (SELECT 1 FROM locked l WHERE l.workspace_id = r.workspace_id AND l.id = r.id)
          RETURNING r.workspace_id, r.id, r.journey_id, r.status),
       logged AS (
         INSERT INTO journey_run_log (workspace_id, run_id, journey_id, step_id, kind, detail, at)
         SELECT l.ws, l.run_id, l.journey_id, l.step_id, l.kind, l.detail, l.at
           FROM jsonb_to_recordset($2::jsonb) AS l(n int, ws uuid, run_id uuid, journey_id uuid, step_id text, kind text, detail jsonb, at timestamptz)
           JOIN moved m ON m.workspace_id = l.ws AND m.id = l.run_id
          ORDER BY l.n
         RETURNING 1),
       queued AS (
         INSERT INTO journey_messages (workspace_id, journey_id, run_id, step_id, customer_id, channel, content_id, recipient, sender_name, subject, html_body,
                text_body, body, title, link, status, reason, due_at, created_at, updated_at)
         SELECT q.ws, q.journey_id, q.run_id, q.step_id, q.customer_id, q.channel, q.content_id, q.recipient, q.sender_name, q.subject, q.html_body,
                q.text_body, q.body, q.title, q.link, q.status, q.reason, CASE WHEN q.status = 'QUEUED' THEN $4::timestamptz END, $4, $4
           FROM jsonb_to_recordset($3::jsonb) AS q(ws uuid, journey_id uuid, run_id uuid, step_id text, customer_id uuid, channel text, content_id uuid,
                recipient text, sender_name text, subject text, html_body text, text_body text, body text, title text, link text, status text, reason text)
           JOIN moved m ON m.workspace_id = q.ws AND m.id = q.run_id
         ON CONFLICT (workspace_id, run_id, step_id) DO NOTHING
         RETURNING status)
       SELECT (SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('workspaceId', workspace_id, 'journeyId', journey_id)), '[]') FROM moved) AS journeys,
              (SELECT coalesce(array_agg(status), '{}') FROM moved) AS statuses,
              (SELECT count(*) FROM logged) AS logged,
              CASE WHEN EXISTS (SELECT 1 FROM queued WHERE status = 'QUEUED') OR EXISTS (SELECT 1 FROM jsonb_to_recordset($1::jsonb) AS u(wake_at timestamptz) WHERE u.wake_at <= $4)
                   THEN pg_notify('flare_events', '{"topic":"RUNTIME_DUE","payload":{}}') END AS notified`,
        [JSON.stringify(updates), JSON.stringify(log), JSON.stringify(messages), now],
      ),
    );
    this.o.onRunsChanged?.(rows[0].journeys);
    this.observer?.moved(rows[0].statuses);
    this.observer?.fenced(updates.length - rows[0].statuses.length);
  }

  /** Renders each message with the start event's attributes and the customer's fields; a run whose message fails to render fails. */
  private async render(intents: { run: RunRow; send: SendIntent }[]): Promise<{ messages: Rendered[]; failures: Map<string, string> }> {
    const failures = new Map<string, string>();
    if (intents.length === 0) return { messages: [], failures };
    const contentIds = [...new Set(intents.map((i) => i.send.contentId))];
    const customerKeys = [...new Set(intents.map((i) => `${i.run.workspace_id}|${i.run.customer_id}`))];
    const [{ rows: contents }, { rows: customers }] = await Promise.all([
      this.o.pool.query(`SELECT id, workspace_id, name, sender_name, subject, html_body, text_body, body, title, link FROM content_items WHERE id = ANY($1::uuid[])`, [contentIds]),
      this.o.pool.query(
        `SELECT c.*, (SELECT count(*)::int FROM customer_devices d WHERE d.workspace_id = c.workspace_id AND d.customer_id = c.id) AS devices
           FROM customers c JOIN unnest($1::uuid[], $2::uuid[]) AS q(ws, id) ON c.workspace_id = q.ws AND c.id = q.id`,
        [customerKeys.map((k) => k.split('|')[0]), customerKeys.map((k) => k.split('|')[1])],
      ),
    ]);
    const contentById = new Map(contents.map((c: Record<string, string | null>) => [c.id, c]));
    const customerById = new Map(customers.map((c: Record<string, unknown>) => [c.id as string, c]));
    const messages: Rendered[] = [];
    for (const { run, send } of intents) {
      const content = contentById.get(send.contentId);
      const customer = customerById.get(run.customer_id);
      if (!content || content.workspace_id !== run.workspace_id || !customer) {
        failures.set(run.id, `Step “${send.stepId}”: its ${content ? 'customer' : 'content'} no longer exists.`);
        continue;
      }
      const contact = { ...(customer.fields as Record<string, unknown>), ...Object.fromEntries(CONTACT_FIELDS.map((f) => [f, customer[snake(f)] ?? null])) };
      const scope = { trigger: run.attributes, contact };
      const recipient = recipientOf(send.sendTo, send.channel, {
        email: customer.email as string | null,
        phone: customer.phone as string | null,
        contactpointEmail: run.contactpoint_email,
        contactpointPhone: run.contactpoint_phone,
        devices: customer.devices as number,
      });
      try {
        const r = async (t: string | null, kind: 'html' | 'text' = 'text') => (t ? await renderTemplate(t, scope, kind) : null);
        const email = send.channel === ContentChannel.EMAIL;
        messages.push({
          ws: run.workspace_id,
          run_id: run.id,
          journey_id: run.journey_id,
          step_id: send.stepId,
          customer_id: run.customer_id,
          channel: send.channel,
          content_id: send.contentId,
          recipient,
          sender_name: email ? content.sender_name : null,
          subject: email ? await r(content.subject) : null,
          html_body: email ? await r(content.html_body, 'html') : null,
          text_body: email ? await r(content.text_body) : null,
          body: email ? null : await r(content.body),
          title: send.channel === ContentChannel.PUSH ? await r(content.title) : null,
          link: send.channel === ContentChannel.PUSH ? content.link : null,
          // Without an address the message is blocked, and the customer goes on.
          status: recipient === null ? MessageStatus.BLOCKED : MessageStatus.QUEUED,
          reason: recipient === null ? 'NO_CONTACT_POINT' : null,
        });
      } catch (error) {
        failures.set(run.id, `Rendering “${content.name}” failed: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    return { messages, failures };
  }

  private async loadJourneys(runs: RunRow[]) {
    const missing = [...new Set(runs.map((r) => r.journey_id).filter((id) => !this.journeys.has(id)))];
    if (missing.length === 0) return;
    // Live journeys never change (and runs of stopped ones are never due), so what is loaded stays true.
    const { rows } = await this.o.pool.query<{ id: string; definition: JourneyDefinition; attributes: AttributeDefinition[] | null }>(
      `SELECT j.id, j.definition, v.attributes
         FROM journeys j LEFT JOIN trigger_versions v ON v.trigger_id::text = j.definition->>'startTriggerId' AND v.number = (j.definition->>'startTriggerVersion')::int
        WHERE j.id = ANY($1::uuid[])`,
      [missing],
    );
    for (const r of rows) this.journeys.set(r.id, { definition: r.definition, attributeTypes: new Map((r.attributes ?? []).map((a) => [a.name, a.type])) });
  }

  private async loadInteractionTriggers(runs: RunRow[]) {
    const missing = [...new Set(runs.map((r) => r.workspace_id).filter((ws) => !this.interactionTriggers.has(ws)))];
    if (missing.length === 0) return;
    const { rows } = await this.o.pool.query<{ workspace_id: string; key: string; id: string }>(
      `SELECT workspace_id, key, id FROM triggers WHERE workspace_id = ANY($1::uuid[]) AND kind = 'INTERACTION'`,
      [missing],
    );
    for (const ws of missing) this.interactionTriggers.set(ws, new Map(rows.filter((r) => r.workspace_id === ws).map((r) => [r.key, r.id])));
  }

  /** What has happened to each run's messages so far (`${stepId}:${triggerKey}`), for runs about to wait on an interaction. */
  private async loadInteractions(runs: RunRow[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    const wanted = runs.filter((r) => this.journeys.get(r.journey_id)?.definition.steps.some((s) => s.interactionTriggerKey));
    if (wanted.length === 0) return out;
    const { rows } = await this.o.pool.query<{ run_id: string; step_id: string; interactions: string[] }>(
      `SELECT m.run_id, m.step_id, m.interactions FROM journey_messages m JOIN unnest($1::uuid[], $2::uuid[]) AS q(ws, id) ON m.workspace_id = q.ws AND m.run_id = q.id
        WHERE cardinality(m.interactions) > 0`,
      [wanted.map((r) => r.workspace_id), wanted.map((r) => r.id)],
    );
    for (const r of rows) {
      const set = out.get(r.run_id) ?? new Set<string>();
      for (const key of r.interactions) set.add(`${r.step_id}:${key}`);
      out.set(r.run_id, set);
    }
    return out;
  }
}

/**
 * Runs a statement again when PostgreSQL rolled it back for a deadlock or serialization failure (class 40): it
 * met a concurrent transaction on the same runs, and the fenced statement is safe to repeat.
 */
async function retryConflicts<T>(statement: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await statement();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !code.startsWith('40')) throw error;
    }
  }
}

/** How late a claimed run is: after its timer when a wait ended, after it reached its step when it was moving. */
function lagSeconds(run: RunRow, now: Date): number | null {
  const since = run.status === RunStatus.WAITING ? (run.wait_matched ? null : run.timer_at) : run.step_started_at;
  if (!since) return null;
  const seconds = (now.getTime() - new Date(since).getTime()) / 1000;
  return seconds >= 0 ? seconds : null;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function stateOf(run: RunRow): RunState {
  return {
    status: run.status,
    stepId: run.step_id,
    stepStartedAt: new Date(run.step_started_at),
    timerAt: run.timer_at ? new Date(run.timer_at) : null,
    waitKind: run.wait_kind,
    waitTriggerId: run.wait_trigger_id,
    waitStepId: run.wait_step_id,
    waitMatched: run.wait_matched,
    endReason: null,
    error: null,
  };
}

/** The run row after a transition: a waiting run wakes at its timer, an active one at once, an ended one never. */
function rowOf(run: RunRow, s: RunState, now: Date): Record<string, unknown> {
  const open = s.status === RunStatus.ACTIVE || s.status === RunStatus.WAITING;
  const wakeAt = s.status === RunStatus.ACTIVE ? now : s.status === RunStatus.WAITING ? s.timerAt : null;
  return {
    ws: run.workspace_id,
    id: run.id,
    version: run.version,
    status: s.status,
    step_id: s.stepId,
    step_started_at: s.stepStartedAt.toISOString(),
    wake_at: wakeAt?.toISOString() ?? null,
    timer_at: s.timerAt?.toISOString() ?? null,
    wait_kind: s.waitKind,
    wait_trigger_id: s.waitTriggerId,
    wait_step_id: s.waitStepId,
    wait_matched: s.waitMatched,
    ended_at: open ? null : now.toISOString(),
    end_reason: s.endReason,
    error: s.error,
  };
}
