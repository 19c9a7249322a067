import type { Pool, PoolClient } from 'pg';
import type { CustomerIdentity, TriggerKind } from '../triggers/trigger.types.js';
import { clipText } from './event-text.rules.js';
import type { Rejection } from './event-validation.rules.js';
import type { ValidatorCache } from './validator-cache.js';

export type PreparedEvent = {
  workspaceId: string;
  keyId: string | null;
  test: boolean;
  receivedAt: Date;
  occurredAt: Date;
  triggerKey: string;
  requestedVersion: number | null;
  messageId: string | null;
  event: Record<string, unknown>;
  /** Filled in here: accepted, duplicate and reasons are what the sender is told. */
  outcome: { accepted: boolean; duplicate: boolean; reasons: Rejection[] };
  /** Raised by Flare itself (business triggers): built to the catalog's definition, so not checked against it. */
  raisedByFlare?: boolean;
  /** The customer, when the raiser knows it (business triggers); the hooks resolve the others. */
  customerId?: string | null;
};

export type StoredEvent = { id: string; workspaceId: string; triggerId: string | null; accepted: boolean; test: boolean };
export type WriteOutcome = {
  stored: StoredEvent[];
  readied: { workspaceId: string; triggerId: string }[];
  counted: { workspaceId: string; triggerId: string }[];
  /** Audit entries written in the same transaction (the Ready-to-use transitions), to announce after commit. */
  audited: { workspaceId: string; entryId: string }[];
};
/** A committed batch, with the work its hooks left for after the commit (publishing what they wrote). */
export type BatchOutcome = WriteOutcome & { afterCommit: (() => void)[] };

/** The transaction events are written in, and work to run once it has committed. */
export type EventTx = { client: PoolClient; now: Date; afterCommit(fn: () => void): void };

/**
 * A stored event as hooks see it. `identity` is what the trigger version's `authId` names (null when no trigger
 * matched). A hook may set `customerId`; the writer records it on the event before the transaction commits.
 */
export type StoredEventForHooks = {
  id: string;
  workspaceId: string;
  triggerId: string | null;
  triggerKey: string;
  triggerVersion: number | null;
  identity: CustomerIdentity | null;
  authId: string | null;
  contactpointEmail: string | null;
  contactpointPhone: string | null;
  payload: Record<string, unknown>;
  accepted: boolean;
  test: boolean;
  raisedByFlare: boolean;
  occurredAt: Date;
  receivedAt: Date;
  customerId: string | null;
};

/**
 * Told of newly stored events inside the transaction that stores them (duplicates are not passed again), so
 * what features do with an event (resolve its customer, enrol it in journeys) commits with it or not at all.
 * A throw rolls the batch back: the pipeline then isolates the event the database refused (see the pipeline).
 */
export type EventsStoredHook = (tx: EventTx, events: StoredEventForHooks[]) => Promise<void>;

/** Several hooks, run one after the other in the order given (customers first: later hooks read `customerId`). */
export function composeHooks(...hooks: EventsStoredHook[]): EventsStoredHook {
  return async (tx, events) => {
    for (const hook of hooks) await hook(tx, events);
  };
}

type TriggerRow = { id: string; workspace_id: string; key: string; kind: TriggerKind; latest_version: number; hidden_at: Date | null };
type Resolved = { trigger: TriggerRow; version: number; identity: CustomerIdentity | null } | null;

const MAX_REJECTIONS_KEPT = 10;

/**
 * Validates prepared events against their trigger versions and writes the batch in one transaction with
 * set-based statements: one INSERT for all events, one upsert for all counters, one UPDATE for readiness,
 * one for key usage, plus what the hook does (set-based too). Only after COMMIT does the caller answer the senders.
 */
export async function writeBatch(pool: Pool, validators: ValidatorCache, events: PreparedEvent[], now: Date, onStored?: EventsStoredHook): Promise<BatchOutcome> {
  const resolved = await checkEvents(pool, validators, events);
  const client = await pool.connect();
  // A connection lost while checked out emits 'error' on the client; unheard, that would crash the process.
  // The statement in flight fails as well, and the client is then dropped rather than returned to the pool.
  let lost: Error | undefined;
  const onLost = (error: Error) => void (lost ??= error);
  client.on('error', onLost);
  try {
    await client.query('BEGIN');
    const afterCommit: (() => void)[] = [];
    const outcome = await storeEvents({ client, now, afterCommit: (fn) => void afterCommit.push(fn) }, events, resolved, onStored);
    await client.query('COMMIT');
    return { ...outcome, afterCommit };
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => void (lost ??= rollbackFailed));
    throw error;
  } finally {
    client.off('error', onLost);
    client.release(lost);
  }
}

/**
 * Writes events Flare raises itself (business triggers) into the caller's transaction with writeBatch's
 * statements: stored, counted, readiness updated, hooks told. The caller publishes the outcome after commit.
 */
export async function writeEventsInTransaction(tx: EventTx, validators: ValidatorCache, events: PreparedEvent[], onStored?: EventsStoredHook): Promise<WriteOutcome> {
  return storeEvents(tx, events, await checkEvents(tx.client, validators, events), onStored);
}

/** Resolves each event's trigger and version and fills in its outcome (accepted, reasons). */
async function checkEvents(db: Pool | PoolClient, validators: ValidatorCache, events: PreparedEvent[]): Promise<Resolved[]> {
  const triggers = await lookupTriggers(db, events);
  const wanted = new Map<string, { triggerId: string; version: number; kind: TriggerKind }>();
  const resolved = events.map((e) => {
    if (!e.triggerKey) return null;
    const trigger = triggers.get(`${e.workspaceId}:${e.triggerKey}`);
    // Refused by the envelope checks: linked to its trigger (the debugger shows it), validated no further.
    const refused = e.outcome.reasons.length > 0;
    if (!trigger) {
      if (!refused) e.outcome.reasons.push({ code: 'UNKNOWN_TRIGGER', field: 'trigger', message: `No trigger has the key “${e.triggerKey}” in this workspace.` });
      return null;
    }
    let version = e.requestedVersion ?? trigger.latest_version;
    if (refused) version = e.requestedVersion !== null && e.requestedVersion >= 1 && e.requestedVersion <= trigger.latest_version ? e.requestedVersion : trigger.latest_version;
    else if (trigger.hidden_at) {
      e.outcome.reasons.push({ code: 'TRIGGER_HIDDEN', field: 'trigger', message: `Trigger “${e.triggerKey}” is hidden and accepts no events.` });
      version = trigger.latest_version;
    } else if (version > trigger.latest_version) {
      e.outcome.reasons.push({ code: 'UNKNOWN_VERSION', field: 'version', message: `Trigger “${e.triggerKey}” has no version ${version} (latest is ${trigger.latest_version}).` });
      version = trigger.latest_version;
    }
    // Loaded for rejected events too: their identity links them to an existing customer's timeline.
    wanted.set(`${trigger.id}:${version}`, { triggerId: trigger.id, version, kind: trigger.kind });
    return { trigger, version };
  });
  const compiled = await validators.load(db, [...wanted.values()]);
  return events.map((e, i) => {
    const r = resolved[i];
    const version = r ? compiled.get(`${r.trigger.id}:${r.version}`)! : undefined;
    if (version && e.outcome.reasons.length === 0 && !e.raisedByFlare) e.outcome.reasons.push(...version.validate(e.event));
    e.outcome.accepted = e.outcome.reasons.length === 0;
    return r ? { ...r, identity: version?.identity ?? null } : null;
  });
}

async function storeEvents(tx: EventTx, events: PreparedEvent[], resolved: Resolved[], onStored: EventsStoredHook | undefined): Promise<WriteOutcome> {
  const { client, now } = tx;
  // A messageId repeated inside the batch is stored once; later copies are duplicates of the first.
  const firstByMessage = new Map<string, number>();
  const toStore: number[] = [];
  events.forEach((e, i) => {
    if (e.messageId === null) return void toStore.push(i);
    const key = `${e.workspaceId}:${e.messageId}`;
    if (firstByMessage.has(key)) e.outcome.duplicate = true;
    else {
      firstByMessage.set(key, i);
      toStore.push(i);
    }
  });

  const stored = await insertEvents(client, events, resolved, toStore);
  const storedIndexes = new Set(stored.map((s) => s.index));
  await markDuplicates(
    client,
    events,
    toStore.filter((i) => !storedIndexes.has(i)),
    firstByMessage,
  );
  if (onStored && stored.length > 0) await runHooks(tx, onStored, events, resolved, stored);
  const counted = await upsertStats(
    client,
    events,
    resolved,
    stored.map((s) => s.index),
  );
  const readyCandidates = [
    ...new Set(stored.filter((s) => events[s.index].outcome.accepted && !events[s.index].test && resolved[s.index]).map((s) => resolved[s.index]!.trigger.id)),
  ];
  const readied = readyCandidates.length ? await markReady(client, readyCandidates, now) : [];
  await countKeyUsage(
    client,
    events,
    stored.map((s) => s.index),
    now,
  );
  return {
    stored: stored.map((s) => ({
      id: s.id,
      workspaceId: events[s.index].workspaceId,
      triggerId: resolved[s.index]?.trigger.id ?? null,
      accepted: events[s.index].outcome.accepted,
      test: events[s.index].test,
    })),
    readied: readied.map((r) => ({ workspaceId: r.workspace_id, triggerId: r.id })),
    audited: readied.map((r) => ({ workspaceId: r.workspace_id, entryId: r.audit_id })),
    counted,
  };
}

/** Tells the hook of the stored events, then records the customers it resolved with one statement. */
async function runHooks(tx: EventTx, onStored: EventsStoredHook, events: PreparedEvent[], resolved: Resolved[], stored: { id: string; index: number }[]) {
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? clipText(String(v), 320) : null);
  const told: StoredEventForHooks[] = stored.map(({ id, index }) => {
    const e = events[index];
    const r = resolved[index];
    return {
      id,
      workspaceId: e.workspaceId,
      triggerId: r?.trigger.id ?? null,
      triggerKey: e.triggerKey,
      triggerVersion: r?.version ?? null,
      identity: r?.identity ?? null,
      authId: str(e.event.authId),
      contactpointEmail: str(e.event.contactpoint_email),
      contactpointPhone: str(e.event.contactpoint_phone),
      payload: e.event,
      accepted: e.outcome.accepted,
      test: e.test,
      raisedByFlare: e.raisedByFlare === true,
      occurredAt: e.occurredAt,
      receivedAt: e.receivedAt,
      customerId: e.customerId ?? null,
    };
  });
  await onStored(tx, told);
  const resolvedNow = told.filter((t, i) => t.customerId !== null && t.customerId !== (events[stored[i].index].customerId ?? null));
  if (resolvedNow.length === 0) return;
  await tx.client.query(`UPDATE trigger_events e SET customer_id = r.customer_id FROM unnest($1::bigint[], $2::uuid[]) AS r(id, customer_id) WHERE e.id = r.id`, [
    resolvedNow.map((t) => t.id),
    resolvedNow.map((t) => t.customerId),
  ]);
}

/**
 * The first valid event makes a trigger Ready to use: the transition and its audit entry (actor: Flare
 * itself) are written by one statement, so a trigger never becomes ready without a trace in the log.
 */
async function markReady(client: PoolClient, triggerIds: string[], now: Date): Promise<{ id: string; workspace_id: string; audit_id: string }[]> {
  const { rows } = await client.query(
    `WITH readied AS (
       UPDATE triggers SET status = 'READY_TO_USE', ready_at = $2
        WHERE id = ANY($1::uuid[]) AND status = 'AWAITING_FIRST_EVENT'
        RETURNING id, workspace_id, key, title
     ), audited AS (
       INSERT INTO audit_entries (workspace_id, actor_type, actor_id, actor_label, action, target_type, target_id, details, created_at)
       SELECT workspace_id, 'SYSTEM', NULL, 'Flare', 'trigger.ready', 'Trigger', id::text, jsonb_build_object('key', key, 'title', title), $2 FROM readied
       RETURNING id, target_id
     )
     SELECT r.id, r.workspace_id, a.id AS audit_id FROM readied r JOIN audited a ON a.target_id = r.id::text`,
    [triggerIds, now],
  );
  return rows;
}

async function lookupTriggers(db: Pool | PoolClient, events: PreparedEvent[]): Promise<Map<string, TriggerRow>> {
  const pairs = new Map<string, [string, string]>();
  for (const e of events) if (e.triggerKey) pairs.set(`${e.workspaceId}:${e.triggerKey}`, [e.workspaceId, e.triggerKey]);
  if (pairs.size === 0) return new Map();
  const list = [...pairs.values()];
  const { rows } = await db.query<TriggerRow>(
    `SELECT t.id, t.workspace_id, t.key, t.kind, t.latest_version, t.hidden_at
       FROM triggers t JOIN unnest($1::uuid[], $2::text[]) AS q(ws, key) ON t.workspace_id = q.ws AND t.key = q.key`,
    [list.map((p) => p[0]), list.map((p) => p[1])],
  );
  return new Map(rows.map((r) => [`${r.workspace_id}:${r.key}`, r]));
}

async function insertEvents(client: PoolClient, events: PreparedEvent[], resolved: Resolved[], indexes: number[]) {
  if (indexes.length === 0) return [];
  const rows = indexes.map((i) => {
    const e = events[i];
    const r = resolved[i];
    const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? clipText(String(v), 320) : null);
    return {
      i,
      workspace_id: e.workspaceId,
      trigger_id: r?.trigger.id ?? null,
      trigger_key: e.triggerKey,
      trigger_version: r?.version ?? null,
      ingestion_key_id: e.keyId,
      message_id: e.messageId,
      auth_id: str(e.event.authId),
      contactpoint_email: str(e.event.contactpoint_email),
      contactpoint_phone: str(e.event.contactpoint_phone),
      payload: e.event,
      occurred_at: e.occurredAt.toISOString(),
      received_at: e.receivedAt.toISOString(),
      accepted: e.outcome.accepted,
      reasons: e.outcome.reasons,
      test: e.test,
      customer_id: e.customerId ?? null,
    };
  });
  // One statement for the whole batch. RETURNING yields stored rows in insertion order (the input order,
  // minus rows skipped as duplicates), which maps ids back to input rows; message ids double-check it.
  const { rows: inserted } = await client.query(
    `INSERT INTO trigger_events (workspace_id, trigger_id, trigger_key, trigger_version, ingestion_key_id, message_id, auth_id, contactpoint_email,
       contactpoint_phone, payload, occurred_at, received_at, accepted, reasons, test, customer_id)
     SELECT workspace_id, trigger_id, trigger_key, trigger_version, ingestion_key_id, message_id, auth_id, contactpoint_email,
       contactpoint_phone, payload, occurred_at, received_at, accepted, reasons, test, customer_id
       FROM jsonb_to_recordset($1::jsonb) AS r(i int, workspace_id uuid, trigger_id uuid, trigger_key text, trigger_version int, ingestion_key_id uuid,
         message_id text, auth_id text, contactpoint_email text, contactpoint_phone text, payload jsonb, occurred_at timestamptz, received_at timestamptz,
         accepted boolean, reasons jsonb, test boolean, customer_id uuid)
      ORDER BY i
     ON CONFLICT (workspace_id, message_id) WHERE message_id IS NOT NULL DO NOTHING
     RETURNING id, workspace_id, message_id`,
    [JSON.stringify(rows)],
  );
  const stored: { id: string; index: number }[] = [];
  let next = 0;
  for (const row of rows) {
    const candidate = inserted[next];
    const matches = candidate && candidate.workspace_id === row.workspace_id && candidate.message_id === row.message_id;
    if (matches) {
      stored.push({ id: String(candidate.id), index: row.i });
      next += 1;
    } else if (row.message_id === null) {
      throw new Error('trigger_events RETURNING order did not follow the input order');
    }
  }
  if (next !== inserted.length) throw new Error('trigger_events RETURNING rows could not all be matched');
  return stored;
}

/** Duplicates are answered as their original was: stored earlier (another request) or first in this batch. */
async function markDuplicates(client: PoolClient, events: PreparedEvent[], conflicted: number[], firstByMessage: Map<string, number>) {
  if (conflicted.length > 0) {
    const { rows } = await client.query(
      `SELECT e.workspace_id, e.message_id, e.accepted, e.reasons FROM trigger_events e
         JOIN unnest($1::uuid[], $2::text[]) AS q(ws, mid) ON e.workspace_id = q.ws AND e.message_id = q.mid`,
      [conflicted.map((i) => events[i].workspaceId), conflicted.map((i) => events[i].messageId)],
    );
    const earlier = new Map(rows.map((r) => [`${r.workspace_id}:${r.message_id}`, r]));
    for (const i of conflicted) {
      const e = events[i];
      const previous = earlier.get(`${e.workspaceId}:${e.messageId}`);
      e.outcome.duplicate = true;
      if (previous) Object.assign(e.outcome, { accepted: previous.accepted, reasons: previous.reasons });
    }
  }
  for (const e of events) {
    if (!e.outcome.duplicate || e.messageId === null) continue;
    const first = events[firstByMessage.get(`${e.workspaceId}:${e.messageId}`)!];
    if (first !== e) Object.assign(e.outcome, { accepted: first.outcome.accepted, reasons: first.outcome.reasons });
  }
}

async function upsertStats(client: PoolClient, events: PreparedEvent[], resolved: Resolved[], stored: number[]) {
  type Agg = {
    trigger_id: string;
    version: number;
    workspace_id: string;
    valid: number;
    invalid: number;
    first: string;
    last: string;
    first_valid: string | null;
    rejections: { at: string; reasons: Rejection[] }[];
  };
  const aggs = new Map<string, Agg>();
  for (const i of stored) {
    const e = events[i];
    const r = resolved[i];
    if (!r || e.test) continue;
    const key = `${r.trigger.id}:${r.version}`;
    const at = e.receivedAt.toISOString();
    const agg = aggs.get(key) ?? {
      trigger_id: r.trigger.id,
      version: r.version,
      workspace_id: e.workspaceId,
      valid: 0,
      invalid: 0,
      first: at,
      last: at,
      first_valid: null,
      rejections: [],
    };
    if (e.outcome.accepted) {
      agg.valid += 1;
      agg.first_valid ??= at;
    } else {
      agg.invalid += 1;
      agg.rejections.unshift({ at, reasons: e.outcome.reasons });
      agg.rejections.length = Math.min(agg.rejections.length, MAX_REJECTIONS_KEPT);
    }
    agg.last = at;
    aggs.set(key, agg);
  }
  if (aggs.size === 0) return [];
  await client.query(
    `INSERT INTO trigger_stats (trigger_id, version, workspace_id, valid_count, invalid_count, first_event_at, last_event_at, first_valid_at, last_rejections)
     SELECT trigger_id, version, workspace_id, valid, invalid, first, last, first_valid, rejections
       FROM jsonb_to_recordset($1::jsonb) AS r(trigger_id uuid, version int, workspace_id uuid, valid bigint, invalid bigint, first timestamptz, last timestamptz, first_valid timestamptz, rejections jsonb)
     ON CONFLICT (trigger_id, version) DO UPDATE SET
       valid_count = trigger_stats.valid_count + EXCLUDED.valid_count,
       invalid_count = trigger_stats.invalid_count + EXCLUDED.invalid_count,
       first_event_at = LEAST(trigger_stats.first_event_at, EXCLUDED.first_event_at),
       last_event_at = GREATEST(trigger_stats.last_event_at, EXCLUDED.last_event_at),
       first_valid_at = COALESCE(trigger_stats.first_valid_at, EXCLUDED.first_valid_at),
       last_rejections = (SELECT coalesce(jsonb_agg(x), '[]'::jsonb) FROM (SELECT x FROM jsonb_array_elements(EXCLUDED.last_rejections || trigger_stats.last_rejections) AS x LIMIT ${MAX_REJECTIONS_KEPT}) AS kept)`,
    [JSON.stringify([...aggs.values()])],
  );
  const touched = new Map([...aggs.values()].map((a) => [a.trigger_id, { workspaceId: a.workspace_id, triggerId: a.trigger_id }]));
  return [...touched.values()];
}

async function countKeyUsage(client: PoolClient, events: PreparedEvent[], stored: number[], now: Date) {
  const perKey = new Map<string, { id: string; a: number; r: number }>();
  for (const i of stored) {
    const e = events[i];
    if (!e.keyId) continue;
    const c = perKey.get(e.keyId) ?? { id: e.keyId, a: 0, r: 0 };
    if (e.outcome.accepted) c.a += 1;
    else c.r += 1;
    perKey.set(e.keyId, c);
  }
  const keyIds = [...new Set(events.map((e) => e.keyId).filter((k): k is string => k !== null))];
  if (keyIds.length === 0) return;
  for (const id of keyIds) if (!perKey.has(id)) perKey.set(id, { id, a: 0, r: 0 });
  await client.query(
    `UPDATE ingestion_keys k SET accepted_count = k.accepted_count + r.a, rejected_count = k.rejected_count + r.r, last_used_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, a int, r int) WHERE k.id = r.id`,
    [JSON.stringify([...perKey.values()]), now],
  );
}
