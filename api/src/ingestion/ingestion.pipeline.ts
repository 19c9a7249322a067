import type { Pool } from 'pg';
import type { Clock } from '../ops/clock.js';
import type { Logger } from '../ops/logger.js';
import type { RateLimiter } from '../ops/rate-limit.js';
import type { AuthFailures } from '../auth/auth-failures.js';
import { eventSizeProblem, messageIdProblem, occurredAt, versionProblem, type Rejection } from './event-validation.rules.js';
import { checkEventText, clipText } from './event-text.rules.js';
import { flushFailure } from './flush-failure.rules.js';
import { admitKeys, type Admission, type Credential, type KeyRequest } from './key-admission.js';
import { writeBatch, writeEventsInTransaction, type BatchOutcome, type EventsStoredHook, type EventTx, type PreparedEvent, type WriteOutcome } from './ingestion.writer.js';
import type { RefusalEntry, RefusalLog } from './refusal-log.js';
import type { ValidatorCache } from './validator-cache.js';

export type Submission = { credential: Credential; events: unknown[]; receivedAt: Date; test: boolean };
export type EventOutcome = { index: number; accepted: boolean; duplicate: boolean; messageId: string | null; reasons: Rejection[] };
export type SubmissionResult =
  | { ok: true; workspaceId: string; allowedOrigin: string | null; results: EventOutcome[] }
  | { ok: false; status: 401 | 403 | 429 | 503; code: string; message: string; retryAfterSeconds?: number };

type Pending = { submission: Submission; resolve(result: SubmissionResult): void };
type Admitted = { pending: Pending; workspaceId: string; keyId: string | null; keyPrefix: string | null; allowedOrigin: string | null };

const MAX_EVENTS_PER_FLUSH = 5_000;
/** Flushes in flight at once. Measured: more than one adds latency without adding throughput (bench/README.md). */
const MAX_PARALLEL_FLUSHES = 1;

const refuse = (status: 401 | 403 | 429 | 503, code: string, message: string, retryAfterSeconds?: number): SubmissionResult => ({
  ok: false,
  status,
  code,
  message,
  retryAfterSeconds,
});
/** Seconds a sender is told to wait (Retry-After) when the database is unavailable. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
const unavailable = (partly: boolean) =>
  refuse(
    503,
    'UNAVAILABLE',
    partly
      ? 'Some events could not be stored right now. Retry with the same messageIds: events already stored are answered as duplicates.'
      : 'Events could not be stored right now; nothing was accepted. Retry with the same messageIds.',
    UNAVAILABLE_RETRY_AFTER_SECONDS,
  );

const shuttingDown = refuse(503, 'UNAVAILABLE', 'The server is shutting down; nothing was accepted. Retry with the same messageIds.', UNAVAILABLE_RETRY_AFTER_SECONDS);

export type PipelineDeps = {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  limiter: RateLimiter;
  authFailures: AuthFailures;
  validators: ValidatorCache;
  /** Called after each committed flush, never inside the transaction. */
  onCommitted(outcome: WriteOutcome): void;
  /**
   * Called inside each flush's transaction with the newly stored events (customers, later journeys): what it
   * writes commits with the events. A data error it raises is isolated like one of the INSERT's (bisection).
   */
  onStored?: EventsStoredHook;
  /** Off: every request gets its own concurrent transaction (the baseline benchmarks compare with). */
  groupCommit?: boolean;
  /** The workspaces' log of refused requests: key refusals and events that named no trigger of the workspace. */
  refusals?: RefusalLog;
};

/** Event rejections that mean the event reached no trigger, so no trigger's debugger shows it: logged as refusals. */
const NO_TRIGGER_REASONS = new Set(['UNKNOWN_TRIGGER', 'MISSING_TRIGGER', 'INVALID_EVENT']);

/**
 * Group commit: requests arriving while a flush runs wait and are written together by the next one, so
 * concurrent single-event requests share statements and commits. Each request is answered once, only after the
 * transaction holding its events has committed. An event the database refuses is isolated (see write), so it
 * never fails the other requests of its flush.
 */
export class IngestionPipeline {
  private queue: Pending[] = [];
  private flushing = 0;
  /** Submitted and not answered yet (queued or being written). */
  private unanswered = 0;
  private closing = false;

  constructor(private readonly deps: PipelineDeps) {}

  /** Requests waiting for the next flush. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * Shutdown, before the database pool closes: what is submitted from now on is refused (503, nothing stored);
   * resolves once every request already submitted has been answered. `shed` (the grace period is over) also
   * answers the queued requests 503 at once; a flush already writing still commits and answers.
   */
  async close(opts: { shed?: boolean } = {}): Promise<void> {
    this.closing = true;
    if (opts.shed) for (const pending of this.queue.splice(0)) pending.resolve(shuttingDown);
    while (this.unanswered > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.deps.refusals?.idle();
  }

  submit(submission: Submission): Promise<SubmissionResult> {
    return new Promise((answer) => {
      if (this.closing) return answer(shuttingDown);
      this.unanswered += 1;
      let answered = false;
      const resolve = (result: SubmissionResult) => {
        if (answered) return;
        answered = true;
        this.unanswered -= 1;
        answer(result);
      };
      if (this.deps.groupCommit === false) return void this.flushSafely([{ submission, resolve }]);
      this.queue.push({ submission, resolve });
      if (this.flushing < MAX_PARALLEL_FLUSHES) void this.drain();
    });
  }

  private async drain() {
    this.flushing += 1;
    try {
      while (this.queue.length > 0) {
        let events = 0;
        let take = 0;
        while (take < this.queue.length && (take === 0 || events + this.queue[take].submission.events.length <= MAX_EVENTS_PER_FLUSH)) {
          events += this.queue[take].submission.events.length;
          take += 1;
        }
        await this.flushSafely(this.queue.splice(0, take));
      }
    } finally {
      this.flushing -= 1;
    }
  }

  private async flushSafely(batch: Pending[]) {
    try {
      await this.flush(batch);
    } catch (error) {
      this.deps.logger.error('ingestion flush failed', { error });
      for (const p of batch) p.resolve(unavailable(false));
    }
  }

  /** Answers every admitted request once: 202 when all its events are settled (committed or refused), else 503. */
  private async flush(batch: Pending[]) {
    const admitted = await this.admit(batch);
    if (admitted.length === 0) return;
    const prepared: PreparedEvent[] = [];
    const perRequest = new Map<Admitted, { outcomes: EventOutcome[]; events: PreparedEvent[] }>();
    for (const a of admitted) {
      const mine = { outcomes: [] as EventOutcome[], events: [] as PreparedEvent[] };
      perRequest.set(a, mine);
      a.pending.submission.events.forEach((event, index) => {
        const outcome: EventOutcome = { index, accepted: false, duplicate: false, messageId: null, reasons: [] };
        const e = prepare(event, a, outcome);
        mine.outcomes.push(outcome);
        mine.events.push(e);
        prepared.push(e);
      });
    }
    const settled = new Set<PreparedEvent>();
    try {
      await this.write(prepared, settled);
    } catch (error) {
      this.deps.logger.error('ingestion flush failed', { error });
    }
    this.logNoTrigger(admitted, perRequest, settled);
    for (const a of admitted) {
      const { outcomes, events } = perRequest.get(a)!;
      const done = events.filter((e) => settled.has(e)).length;
      a.pending.resolve(done === events.length ? { ok: true, workspaceId: a.workspaceId, allowedOrigin: a.allowedOrigin, results: outcomes } : unavailable(done > 0));
    }
  }

  /** Per request sent with a key: its stored events that reached no trigger, one log entry per reason and trigger key. */
  private logNoTrigger(admitted: Admitted[], perRequest: Map<Admitted, { events: PreparedEvent[] }>, settled: Set<PreparedEvent>) {
    if (!this.deps.refusals) return;
    const entries: RefusalEntry[] = [];
    for (const a of admitted) {
      const { credential, receivedAt } = a.pending.submission;
      if (credential.kind !== 'key') continue;
      const groups = new Map<string, RefusalEntry>();
      for (const e of perRequest.get(a)!.events) {
        const reason = settled.has(e) && !e.outcome.accepted ? e.outcome.reasons.find((r) => NO_TRIGGER_REASONS.has(r.code)) : undefined;
        if (!reason) continue;
        const group = `${reason.code}\u0000${e.triggerKey}`;
        const entry = groups.get(group);
        if (entry) entry.items += 1;
        else
          groups.set(group, {
            workspaceId: a.workspaceId,
            receivedAt,
            endpoint: '/v1/events',
            reason: reason.code,
            message: reason.message,
            origin: credential.origin,
            keyPrefix: a.keyPrefix,
            triggerKey: e.triggerKey || null,
            items: 1,
          });
      }
      entries.push(...groups.values());
    }
    if (entries.length > 0) this.deps.refusals.record(entries);
  }

  /**
   * Writes the events in one transaction. A data error means one of them cannot be stored: the halves are
   * written separately (bisection) until the culprit is alone, so every other event commits and the culprit
   * alone is refused. One culprit among n events costs about 2·log2(n) extra, smaller transactions.
   * Unavailability is thrown: the events not yet written stay unsettled and their requests get 503.
   */
  private async write(events: PreparedEvent[], settled: Set<PreparedEvent>, conflicts = 0): Promise<void> {
    const envelope = events.map((e) => e.outcome.reasons.slice()); // writeBatch adds to the outcomes; a retry starts over
    let written: BatchOutcome;
    try {
      written = await writeBatch(this.deps.pool, this.deps.validators, events, this.deps.clock.now(), this.deps.onStored);
    } catch (error) {
      const failure = flushFailure(error);
      const reset = () => events.forEach((e, i) => Object.assign(e.outcome, { accepted: false, duplicate: false, reasons: envelope[i] }));
      if (failure === 'CONFLICT' && conflicts < MAX_CONFLICT_RETRIES) {
        reset();
        this.deps.logger.info('ingestion flush met a concurrent transaction (deadlock); writing it again', { events: events.length, attempt: conflicts + 1 });
        return this.write(events, settled, conflicts + 1);
      }
      if (failure !== 'DATA') throw error;
      reset();
      if (events.length === 1) return this.refuseUnstorable(events[0], error, settled);
      this.deps.logger.warn('ingestion flush refused by the database; isolating the event', { events: events.length, error });
      const half = Math.ceil(events.length / 2);
      await this.write(events.slice(0, half), settled);
      await this.write(events.slice(half), settled);
      return;
    }
    for (const e of events) settled.add(e);
    this.deps.onCommitted(written);
    for (const run of written.afterCommit) {
      try {
        run();
      } catch (error) {
        this.deps.logger.error('after-commit work of an ingestion hook failed', { error });
      }
    }
  }

  /**
   * The one event the database refused: rejected with STORE_FAILED and stored as a stub the debugger shows, if
   * even that is possible. The stub is written without the hook (which may be what failed): a rejected event
   * resolves no customer and enrols nowhere.
   */
  private async refuseUnstorable(e: PreparedEvent, error: unknown, settled: Set<PreparedEvent>) {
    const code = (error as { code?: unknown }).code;
    this.deps.logger.error('ingestion event refused by the database', { error, workspaceId: e.workspaceId, triggerKey: e.triggerKey });
    e.outcome.reasons = [
      ...e.outcome.reasons,
      {
        code: 'STORE_FAILED',
        field: null,
        message: `Flare could not store this event${typeof code === 'string' ? ` (database error ${code})` : ''}; it is rejected, and sending it again gets the same answer.`,
      },
    ];
    const stub: PreparedEvent = { ...e, event: { trigger: e.triggerKey, note: 'Not stored as sent: the database refused this event.' } };
    let written: WriteOutcome | null = null;
    try {
      written = await writeBatch(this.deps.pool, this.deps.validators, [stub], this.deps.clock.now());
    } catch (again) {
      if (flushFailure(again) === 'UNAVAILABLE') throw again;
      this.deps.logger.error('ingestion event could not be stored even as a stub', { error: again, workspaceId: e.workspaceId });
    }
    settled.add(e);
    if (written) this.deps.onCommitted(written);
  }

  /** Resolves keys for the whole batch in one statement (admitKeys); answers refused requests at once. */
  private async admit(all: Pending[]): Promise<Admitted[]> {
    const decisions = await admitKeys(
      this.deps,
      all.map((p) => ({ credential: p.submission.credential, units: p.submission.events.length, noun: 'events' as const, triggerKey: firstTriggerKey(p.submission.events) })),
    );
    const admitted: Admitted[] = [];
    all.forEach((pending, i) => {
      const decision = decisions[i];
      if (decision.ok) admitted.push({ pending, workspaceId: decision.workspaceId, keyId: decision.keyId, keyPrefix: decision.keyPrefix, allowedOrigin: decision.allowedOrigin });
      else pending.resolve(decision);
    });
    return admitted;
  }

  /**
   * The same key check for another ingestion endpoint (`/v1/identify`): failed-authentication budget, allowed
   * origins, and this pipeline's per-key rate limit, shared with events. Throws when the database is unavailable.
   */
  admitKey(request: KeyRequest): Promise<Admission> {
    return admitKeys(this.deps, [request]).then(([decision]) => decision);
  }

  /**
   * Events Flare raises itself (business triggers), written into the caller's transaction with the flush's
   * statements and hook: stored, counted, readiness updated; announced like a flush once that transaction commits.
   */
  async writeRaised(tx: EventTx, raised: RaisedEvent[]): Promise<void> {
    if (raised.length === 0) return;
    const events: PreparedEvent[] = raised.map((r) => ({
      workspaceId: r.workspaceId,
      keyId: null,
      test: false,
      receivedAt: tx.now,
      occurredAt: tx.now,
      triggerKey: r.event.trigger,
      requestedVersion: null,
      messageId: null,
      event: r.event,
      outcome: { accepted: false, duplicate: false, reasons: [] },
      raisedByFlare: true,
      customerId: r.customerId,
    }));
    const written = await writeEventsInTransaction(tx, this.deps.validators, events, this.deps.onStored);
    tx.afterCommit(() => this.deps.onCommitted(written));
  }
}

/** Deadlocks a flush is written again after before its requests are answered 503. */
const MAX_CONFLICT_RETRIES = 3;

/** An event Flare raises, naming the customer it is about. */
export type RaisedEvent = { workspaceId: string; customerId: string; event: Record<string, unknown> & { trigger: string } };

/** The trigger the first event of a request names, for the refused-requests log. */
function firstTriggerKey(events: unknown[]): string | null {
  const first = events[0] as { trigger?: unknown } | null | undefined;
  return typeof first === 'object' && first !== null && typeof first.trigger === 'string' && first.trigger.length > 0 ? first.trigger.slice(0, 64) : null;
}

/** Envelope checks that need no trigger; the writer adds the trigger-specific ones. */
function prepare(event: unknown, a: Admitted, outcome: EventOutcome): PreparedEvent {
  const receivedAt = a.pending.submission.receivedAt;
  const base = { workspaceId: a.workspaceId, keyId: a.keyId, test: a.pending.submission.test, receivedAt, outcome };
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    outcome.reasons.push({ code: 'INVALID_EVENT', field: null, message: 'Each event must be a JSON object.' });
    return { ...base, event: {}, triggerKey: '', occurredAt: receivedAt, messageId: null, requestedVersion: null };
  }
  const sent = event as Record<string, unknown>;
  // First text PostgreSQL refuses and nesting too deep to serialise: the later checks and the store see a sanitised copy.
  const text = checkEventText(sent);
  const e = text ? text.sanitized : sent;
  const reasons: Rejection[] = text ? text.reasons : [];
  const size = eventSizeProblem(e);
  if (size) reasons.push(size);
  const idProblem = messageIdProblem(e.messageId);
  if (idProblem) reasons.push(idProblem);
  if (typeof e.trigger !== 'string' || e.trigger.length === 0 || e.trigger.length > 64)
    reasons.push({ code: 'MISSING_TRIGGER', field: 'trigger', message: 'Name the trigger by its key, e.g. "order_placed".' });
  const version = e.version;
  const versionIssue = versionProblem(version);
  if (versionIssue) reasons.push(versionIssue);
  const time = occurredAt(e, receivedAt);
  if ('rejection' in time) reasons.push(time.rejection);
  outcome.reasons.push(...reasons);
  // The sender gets its messageId back as sent; the stored one (the idempotency key) is sanitised.
  outcome.messageId = idProblem ? null : ((sent.messageId as string | undefined) ?? null);
  return {
    ...base,
    event: size ? { truncated: true, note: size.message } : e,
    triggerKey: typeof e.trigger === 'string' ? clipText(e.trigger, 64) : '',
    occurredAt: 'at' in time ? time.at : receivedAt,
    messageId: idProblem ? null : ((e.messageId as string | undefined) ?? null),
    requestedVersion: typeof version === 'number' && Number.isInteger(version) ? version : null,
  };
}
