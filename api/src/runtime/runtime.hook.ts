import type { EventTx, StoredEventForHooks } from '../ingestion/ingestion.writer.js';
import type { ValidatorCache } from '../ingestion/validator-cache.js';
import { JourneyStatus, type JourneyDefinition } from '../journeys/journey.types.js';
import { CATALOG } from '../triggers/trigger.catalog.js';
import { TriggerKind } from '../triggers/trigger.types.js';
import { bindingActs, bindingActsSql, NO_BINDING, parseBinding, type Binding } from './binding.rules.js';
import { batchRefusal, entryRefusal, nextAllowedAt, repeatRefusal } from './enrolment.rules.js';
import { reachable } from './run.rules.js';
import { EntryRefusal, ExitReason, RunLogKind, RunStatus } from './run.types.js';
import type { JourneyRef, RunsChanged } from './runs-changed.js';

/** After a run completes, its goal still counts for this long (Dynamics 365's listening window). */
export const GOAL_WINDOW_MS = 3 * 24 * 3600 * 1000;
const INTERACTION_KEYS = new Set(CATALOG.filter((c) => c.kind === TriggerKind.INTERACTION).map((c) => c.key));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sent inside the transaction (so only on commit) on the channel every process listens to: runs are due now. */
export const RUNTIME_DUE_NOTIFY = `SELECT pg_notify('flare_events', '{"topic":"RUNTIME_DUE","payload":{}}')`;

type JourneyRow = { id: string; workspace_id: string; status: JourneyStatus; definition: JourneyDefinition; start_kind: TriggerKind | null };
type Acting = StoredEventForHooks & { customerId: string; binding: Binding | null };

/**
 * The journey runtime's part of storing events, called by ingestion inside the transaction that stores them:
 * what an event causes — a goal, an exit, a wait ended, an enrolment — commits with the event or not at all.
 * Set-based whatever the batch size: a handful of statements per batch, each over all its events.
 */
export class RuntimeHook {
  constructor(
    private readonly validators: ValidatorCache,
    private readonly onRunsChanged: RunsChanged = () => undefined,
  ) {}

  async onEventsStored(tx: EventTx, events: StoredEventForHooks[]): Promise<void> {
    const live = events.filter((e) => e.accepted && !e.test && e.triggerId !== null);
    if (live.length === 0) return;
    const acting: Acting[] = live.filter((e): e is Acting => e.customerId !== null).map((e) => ({ ...e, binding: parseBinding(e.payload.bindingId) }));
    const changed: JourneyRef[] = [];
    const interacted = await this.interactions(tx, live);
    let due = interacted.woken;
    // A message's interactions changed (opened, clicked…): its journey's analytics did too, woken run or not.
    changed.push(...interacted.journeys);
    const journeys = await this.journeysFor(tx, live);
    if (journeys.length > 0) {
      changed.push(...(await this.goals(tx, acting, journeys)));
      changed.push(...(await this.exits(tx, acting, journeys)));
    }
    due += await this.triggerWaits(tx, acting);
    if (journeys.length > 0) {
      const enrolled = await this.enrol(tx, live, journeys);
      due += enrolled.filter((r) => r.status === RunStatus.ACTIVE).length;
      changed.push(...enrolled);
    }
    if (due > 0) await tx.client.query(RUNTIME_DUE_NOTIFY);
    if (changed.length > 0) tx.afterCommit(() => this.onRunsChanged(changed));
  }

  /** Interaction events (`deliveryId` = a message's id) mark the message, and wake a run waiting for that interaction on it. */
  private async interactions(tx: EventTx, events: StoredEventForHooks[]): Promise<{ woken: number; journeys: JourneyRef[] }> {
    const rows = events
      .filter((e) => INTERACTION_KEYS.has(e.triggerKey))
      .map((e) => ({ ws: e.workspaceId, trigger_id: e.triggerId, key: e.triggerKey, delivery: (e.payload.attributes as Record<string, unknown> | undefined)?.deliveryId }))
      .filter((r) => typeof r.delivery === 'string' && UUID.test(r.delivery));
    if (rows.length === 0) return { woken: 0, journeys: [] };
    // Two statements, so the runs are found by key from what the first returns (never by a plan over all open runs).
    const { rows: marked } = await tx.client.query<{ workspace_id: string; run_id: string; step_id: string; id: string; journey_id: string }>(
      `WITH i AS (SELECT DISTINCT * FROM jsonb_to_recordset($1::jsonb) AS i(ws uuid, key text, delivery uuid))
       UPDATE journey_messages m SET interactions = m.interactions || ARRAY(SELECT i.key FROM i WHERE i.ws = m.workspace_id AND i.delivery = m.id AND NOT i.key = ANY(m.interactions)), updated_at = $2
         FROM (SELECT DISTINCT ws, delivery FROM i) d
        WHERE m.workspace_id = d.ws AND m.id = d.delivery
        RETURNING m.workspace_id, m.run_id, m.step_id, m.id, m.journey_id`,
      [JSON.stringify(rows.map(({ ws, key, delivery }) => ({ ws, key, delivery }))), tx.now],
    );
    if (marked.length === 0) return { woken: 0, journeys: [] };
    const journeys = [...new Map(marked.map((m) => [m.journey_id, { workspaceId: m.workspace_id, journeyId: m.journey_id }])).values()];
    const byMessage = new Map(marked.map((m) => [`${m.workspace_id}|${m.id}`, m]));
    const wakes = rows.flatMap((r) => {
      const m = byMessage.get(`${r.ws}|${r.delivery as string}`);
      return m ? [{ ws: m.workspace_id, run: m.run_id, step: m.step_id, trigger: r.trigger_id }] : [];
    });
    const { rows: woken } = await tx.client.query(
      `UPDATE journey_runs r SET wait_matched = true, wake_at = $5, version = r.version + 1, updated_at = $5
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[]) AS w(ws, run, step, trigger)
        WHERE r.workspace_id = w.ws AND r.id = w.run AND r.status = 'WAITING' AND r.wait_kind = 'INTERACTION'
          AND r.wait_step_id = w.step AND r.wait_trigger_id = w.trigger AND NOT r.wait_matched AND r.timer_at > $5
        RETURNING r.id`,
      [wakes.map((w) => w.ws), wakes.map((w) => w.run), wakes.map((w) => w.step), wakes.map((w) => w.trigger), tx.now],
    );
    return { woken: woken.length, journeys };
  }

  /** Live journeys (and journeys stopped in the last 3 days, for goals) that start, aim at or exit on these events' triggers. */
  private async journeysFor(tx: EventTx, events: StoredEventForHooks[]): Promise<JourneyRow[]> {
    const { rows } = await tx.client.query<JourneyRow>(
      `SELECT j.id, j.workspace_id, j.status, j.definition,
              (SELECT t.kind FROM triggers t WHERE t.workspace_id = j.workspace_id AND t.id::text = j.definition->>'startTriggerId') AS start_kind
         FROM journeys j
        WHERE j.workspace_id = ANY($1::uuid[])
          AND (j.status = 'LIVE' OR (j.status = 'STOPPED' AND j.stopped_at > $3::timestamptz - interval '3 days'))
          AND (j.definition->>'startTriggerId' = ANY($2::text[]) OR j.definition->>'goalTriggerId' = ANY($2::text[]) OR j.definition->'exitTriggerIds' ?| $2::text[])`,
      [[...new Set(events.map((e) => e.workspaceId))], [...new Set(events.map((e) => e.triggerId!))], tx.now],
    );
    return rows;
  }

  /** Runs of the customer in journeys whose goal is this trigger (binding permitting): still in it, or completed in the last 3 days. */
  private async goals(tx: EventTx, events: Acting[], journeys: JourneyRow[]): Promise<JourneyRef[]> {
    const pairs = this.pairs(events, journeys, (def, triggerId) => def.goalTriggerId === triggerId);
    if (pairs.length === 0) return [];
    return this.refs(
      tx,
      `WITH p AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(ws uuid, journey_id uuid, customer_id uuid, btype text, bid text, event_id bigint, trigger_id uuid)),
       hit AS (
         UPDATE journey_runs r SET goal_reached_at = $2, updated_at = $2 FROM p
          WHERE r.workspace_id = p.ws AND r.customer_id = p.customer_id AND r.journey_id = p.journey_id AND r.goal_reached_at IS NULL
            AND ${bindingActsSql('r', 'p.btype', 'p.bid')}
            AND (r.status IN ('ACTIVE', 'WAITING') OR (r.status = 'COMPLETED' AND r.ended_at >= $2::timestamptz - interval '3 days'))
          RETURNING r.workspace_id, r.id, r.journey_id, r.step_id, p.event_id, p.trigger_id)
       INSERT INTO journey_run_log (workspace_id, run_id, journey_id, step_id, kind, detail, at)
       SELECT DISTINCT ON (workspace_id, id) workspace_id, id, journey_id, step_id, '${RunLogKind.GOAL_REACHED}', jsonb_build_object('eventId', event_id::text, 'triggerId', trigger_id), $2 FROM hit
       RETURNING workspace_id, journey_id`,
      [JSON.stringify(pairs), tx.now],
    );
  }

  /** Exit triggers end the customer's open runs in those journeys at once, wherever they are (binding permitting). */
  private async exits(tx: EventTx, events: Acting[], journeys: JourneyRow[]): Promise<JourneyRef[]> {
    const pairs = this.pairs(events, journeys, (def, triggerId, status) => status === JourneyStatus.LIVE && def.exitTriggerIds.includes(triggerId));
    if (pairs.length === 0) return [];
    return this.refs(
      tx,
      `WITH p AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(ws uuid, journey_id uuid, customer_id uuid, btype text, bid text, event_id bigint, trigger_id uuid)),
       ended AS (
         UPDATE journey_runs r SET status = '${RunStatus.EXITED}', end_reason = '${ExitReason.EXIT_TRIGGER}', ended_at = $2, wake_at = NULL,
                version = r.version + 1, updated_at = $2
           FROM p
          WHERE r.workspace_id = p.ws AND r.customer_id = p.customer_id AND r.journey_id = p.journey_id AND r.status IN ('ACTIVE', 'WAITING')
            AND ${bindingActsSql('r', 'p.btype', 'p.bid')}
          RETURNING r.workspace_id, r.id, r.journey_id, r.step_id, p.event_id, p.trigger_id)
       INSERT INTO journey_run_log (workspace_id, run_id, journey_id, step_id, kind, detail, at)
       SELECT DISTINCT ON (workspace_id, id) workspace_id, id, journey_id, step_id, '${RunLogKind.EXITED}', jsonb_build_object('reason', '${ExitReason.EXIT_TRIGGER}', 'eventId', event_id::text, 'triggerId', trigger_id), $2 FROM ended
       RETURNING workspace_id, journey_id`,
      [JSON.stringify(pairs), tx.now],
    );
  }

  /** Runs a statement returning (workspace_id, journey_id) rows: the journeys whose runs it changed. */
  private async refs(tx: EventTx, sql: string, params: unknown[]): Promise<JourneyRef[]> {
    const { rows } = await tx.client.query<{ workspace_id: string; journey_id: string }>(sql, params);
    return rows.map((r) => ({ workspaceId: r.workspace_id, journeyId: r.journey_id }));
  }

  /** A waiting run whose trigger happened (its customer, binding permitting, before the time limit) is due now, on its yes path. */
  private async triggerWaits(tx: EventTx, events: Acting[]): Promise<number> {
    const rows = events
      .filter((e) => !INTERACTION_KEYS.has(e.triggerKey))
      .map((e) => ({ ws: e.workspaceId, trigger_id: e.triggerId, customer_id: e.customerId, btype: e.binding?.type ?? null, bid: e.binding?.id ?? null }));
    if (rows.length === 0) return 0;
    const { rows: woken } = await tx.client.query(
      `UPDATE journey_runs r SET wait_matched = true, wake_at = $2, version = r.version + 1, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS e(ws uuid, trigger_id uuid, customer_id uuid, btype text, bid text)
        WHERE r.workspace_id = e.ws AND r.wait_trigger_id = e.trigger_id AND r.customer_id = e.customer_id
          AND r.status = 'WAITING' AND r.wait_kind = 'TRIGGER' AND NOT r.wait_matched AND r.timer_at > $2
          AND ${bindingActsSql('r', 'e.btype', 'e.bid')}
        RETURNING r.id`,
      [JSON.stringify(rows), tx.now],
    );
    return woken.length;
  }

  /** (event, journey) pairs where the event's trigger plays the role `is` says in the journey. */
  private pairs(events: Acting[], journeys: JourneyRow[], is: (def: JourneyDefinition, triggerId: string, status: JourneyStatus) => boolean) {
    return events.flatMap((e) =>
      journeys
        .filter((j) => j.workspace_id === e.workspaceId && is(j.definition, e.triggerId!, j.status))
        .map((j) => ({
          ws: e.workspaceId,
          journey_id: j.id,
          customer_id: e.customerId,
          btype: e.binding?.type ?? null,
          bid: e.binding?.id ?? null,
          event_id: e.id,
          trigger_id: e.triggerId,
        })),
    );
  }

  /**
   * Events of live journeys' start triggers enrol their customers. Checks that need no lock are decided here;
   * the repeat policy is decided by the database, per (journey, customer) row in journey_entries, and the open-run
   * unique index keeps one open run per binding — so concurrent batches in several processes cannot both enrol.
   * Events that do not enrol are recorded with the reason.
   */
  private async enrol(tx: EventTx, events: StoredEventForHooks[], journeys: JourneyRow[]): Promise<(JourneyRef & { status: RunStatus })[]> {
    const starts = events.flatMap((e) =>
      journeys.filter((j) => j.status === JourneyStatus.LIVE && j.workspace_id === e.workspaceId && j.definition.startTriggerId === e.triggerId).map((j) => ({ e, j })),
    );
    if (starts.length === 0) return [];
    const fits = await this.versionFits(tx, starts);
    const addresses = await this.addresses(tx, starts);
    type Candidate = {
      i: number;
      ws: string;
      journey_id: string;
      customer_id: string;
      binding: string | null;
      btype: string;
      bid: string;
      event_id: string;
      version: number;
      attributes: unknown;
      cp_email: string | null;
      cp_phone: string | null;
      first_step: string | null;
      next_allowed_at: string;
      status: RunStatus;
      exit_trigger: string | null;
      ended_at: string | null;
      end_reason: string | null;
      goal_at: string | null;
    };
    const refusals: { ws: string; journey_id: string; event_id: string; customer_id: string | null; reason: EntryRefusal }[] = [];
    const candidates: Candidate[] = [];
    const seen = new Map<string, Binding[]>();
    const byCustomer = new Map<string, StoredEventForHooks[]>();
    for (const x of events) {
      if (!x.customerId) continue;
      const list = byCustomer.get(`${x.workspaceId}|${x.customerId}`);
      if (list) list.push(x);
      else byCustomer.set(`${x.workspaceId}|${x.customerId}`, [x]);
    }
    starts.forEach(({ e, j }, i) => {
      const def = j.definition;
      const a = e.customerId ? addresses.get(e.customerId) : undefined;
      const refusal = entryRefusal(
        def,
        {
          customerId: e.customerId,
          fitsPinnedVersion: fits.get(i) ?? false,
          reachable: reachable(def, {
            email: a?.email ?? null,
            phone: a?.phone ?? null,
            devices: a?.devices ?? 0,
            contactpointEmail: e.contactpointEmail,
            contactpointPhone: e.contactpointPhone,
          }),
        },
        new Date(tx.now),
      );
      const binding = parseBinding(e.payload.bindingId) ?? NO_BINDING;
      const key = `${j.id}:${e.customerId}`;
      const earlier = seen.get(key) ?? [];
      const inBatch = refusal
        ? null
        : batchRefusal(
            def,
            earlier.some((b) => b.type === binding.type && b.id === binding.id),
            earlier.length > 0,
          );
      const reason = refusal ?? inBatch;
      if (reason) return void refusals.push({ ws: e.workspaceId, journey_id: j.id, event_id: e.id, customer_id: e.customerId, reason });
      seen.set(key, [...earlier, binding]);
      // A later event of this batch may already end the run or reach its goal: applied as the run is created.
      const later = (byCustomer.get(`${e.workspaceId}|${e.customerId}`) ?? []).filter(
        (x) => BigInt(x.id) > BigInt(e.id) && bindingActs(parseBinding(x.payload.bindingId), binding),
      );
      const exit = later.find((x) => def.exitTriggerIds.includes(x.triggerId!));
      const goal = later.find((x) => def.goalTriggerId === x.triggerId);
      candidates.push({
        i,
        ws: e.workspaceId,
        journey_id: j.id,
        customer_id: e.customerId!,
        binding: typeof e.payload.bindingId === 'string' && binding !== NO_BINDING ? e.payload.bindingId : null,
        btype: binding.type,
        bid: binding.id,
        event_id: e.id,
        version: e.triggerVersion!,
        attributes: e.payload.attributes ?? {},
        cp_email: e.contactpointEmail,
        cp_phone: e.contactpointPhone,
        first_step: def.firstStepId,
        next_allowed_at: nextAllowedAt(def, tx.now),
        status: exit ? RunStatus.EXITED : RunStatus.ACTIVE,
        exit_trigger: exit?.triggerId ?? null,
        ended_at: exit ? tx.now.toISOString() : null,
        end_reason: exit ? ExitReason.EXIT_TRIGGER : null,
        goal_at: goal ? tx.now.toISOString() : null,
      });
    });
    const enrolled: (JourneyRef & { status: RunStatus })[] = [];
    if (candidates.length > 0) {
      const { rows } = await tx.client.query<{ workspace_id: string; journey_id: string; start_event_id: string; status: RunStatus }>(
        `WITH c AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(i int, ws uuid, journey_id uuid, customer_id uuid, binding text, btype text, bid text,
                event_id bigint, version int, attributes jsonb, cp_email text, cp_phone text, first_step text, next_allowed_at timestamptz, status text,
                ended_at timestamptz, end_reason text, goal_at timestamptz)),
         free AS (
           SELECT c.* FROM c WHERE NOT EXISTS (
             SELECT 1 FROM journey_runs r WHERE r.workspace_id = c.ws AND r.journey_id = c.journey_id AND r.customer_id = c.customer_id
                AND r.binding_type = c.btype AND r.binding_id = c.bid AND r.status IN ('ACTIVE', 'WAITING'))),
         ledger AS (
           INSERT INTO journey_entries AS l (workspace_id, journey_id, customer_id, first_entered_at, last_entered_at, next_allowed_at, entries)
           SELECT ws, journey_id, customer_id, $2, $2, max(next_allowed_at), count(*) FROM free GROUP BY ws, journey_id, customer_id
           ON CONFLICT (workspace_id, journey_id, customer_id) DO UPDATE
             SET last_entered_at = EXCLUDED.last_entered_at, next_allowed_at = EXCLUDED.next_allowed_at, entries = l.entries + EXCLUDED.entries
             WHERE l.next_allowed_at <= EXCLUDED.last_entered_at
           RETURNING l.workspace_id, l.journey_id, l.customer_id)
         INSERT INTO journey_runs (workspace_id, journey_id, customer_id, status, step_id, step_started_at, wake_at, binding, binding_type, binding_id,
                start_event_id, trigger_version, attributes, contactpoint_email, contactpoint_phone, entered_at, ended_at, end_reason, goal_reached_at, updated_at)
         SELECT f.ws, f.journey_id, f.customer_id, f.status, f.first_step, $2, CASE WHEN f.status = 'ACTIVE' THEN $2::timestamptz END, f.binding, f.btype, f.bid,
                f.event_id, f.version, f.attributes, f.cp_email, f.cp_phone, $2, f.ended_at, f.end_reason, f.goal_at, $2
           FROM free f JOIN ledger l ON l.workspace_id = f.ws AND l.journey_id = f.journey_id AND l.customer_id = f.customer_id
          ORDER BY f.i
         ON CONFLICT (workspace_id, journey_id, customer_id, binding_type, binding_id) WHERE status IN ('ACTIVE', 'WAITING') DO NOTHING
         RETURNING workspace_id, id, journey_id, start_event_id, step_id, status`,
        [JSON.stringify(candidates), tx.now],
      );
      const created = new Set(rows.map((r) => `${r.journey_id}:${r.start_event_id}`));
      enrolled.push(...rows.map((r) => ({ workspaceId: r.workspace_id, journeyId: r.journey_id, status: r.status })));
      const exitTriggers = new Map(candidates.map((c) => [`${c.journey_id}:${c.event_id}`, c.exit_trigger]));
      await this.logEntries(
        tx,
        exitTriggers,
        rows as unknown as { workspace_id: string; id: string; journey_id: string; step_id: string | null; status: RunStatus; start_event_id: string }[],
      );
      const journeyById = new Map(journeys.map((j) => [j.id, j]));
      // Turned down by the ledger (the repeat policy) or by an open run with the same binding: one query says which.
      const missing = candidates.filter((c) => !created.has(`${c.journey_id}:${c.event_id}`));
      const open = await this.withOpenRun(tx, missing);
      for (const c of missing) {
        const reason = open.has(c.i) ? EntryRefusal.ALREADY_ACTIVE : repeatRefusal(journeyById.get(c.journey_id)!.definition);
        refusals.push({ ws: c.ws, journey_id: c.journey_id, event_id: c.event_id, customer_id: c.customer_id, reason });
      }
    }
    if (refusals.length > 0) {
      await tx.client.query(
        `INSERT INTO journey_entry_refusals (workspace_id, journey_id, event_id, customer_id, reason, at)
         SELECT ws, journey_id, event_id, customer_id, reason, $2 FROM jsonb_to_recordset($1::jsonb) AS r(ws uuid, journey_id uuid, event_id bigint, customer_id uuid, reason text)`,
        [JSON.stringify(refusals), tx.now],
      );
    }
    return enrolled;
  }

  /** Which of these candidates (by `i`) find an open run of the journey for the customer and binding. */
  private async withOpenRun(tx: EventTx, candidates: { i: number; ws: string; journey_id: string; customer_id: string; btype: string; bid: string }[]): Promise<Set<number>> {
    if (candidates.length === 0) return new Set();
    const { rows } = await tx.client.query<{ i: number }>(
      `SELECT c.i FROM jsonb_to_recordset($1::jsonb) AS c(i int, ws uuid, journey_id uuid, customer_id uuid, btype text, bid text)
        WHERE EXISTS (SELECT 1 FROM journey_runs r WHERE r.workspace_id = c.ws AND r.journey_id = c.journey_id AND r.customer_id = c.customer_id
                        AND r.binding_type = c.btype AND r.binding_id = c.bid AND r.status IN ('ACTIVE', 'WAITING'))`,
      [JSON.stringify(candidates.map(({ i, ws, journey_id, customer_id, btype, bid }) => ({ i, ws, journey_id, customer_id, btype, bid })))],
    );
    return new Set(rows.map((r) => r.i));
  }

  /** ENTERED and STEP_STARTED (or, for a run an event of the same batch already ended, EXITED) for each new run. */
  private async logEntries(
    tx: EventTx,
    exitTriggers: Map<string, string | null>,
    runs: { workspace_id: string; id: string; journey_id: string; step_id: string | null; status: RunStatus; start_event_id: string }[],
  ) {
    if (runs.length === 0) return;
    const entries = runs.flatMap((r) => [
      { ws: r.workspace_id, run_id: r.id, journey_id: r.journey_id, step_id: null, kind: RunLogKind.ENTERED, detail: { eventId: r.start_event_id } },
      r.status === RunStatus.EXITED
        ? {
            ws: r.workspace_id,
            run_id: r.id,
            journey_id: r.journey_id,
            step_id: r.step_id,
            kind: RunLogKind.EXITED,
            detail: { reason: ExitReason.EXIT_TRIGGER, triggerId: exitTriggers.get(`${r.journey_id}:${r.start_event_id}`) ?? null },
          }
        : { ws: r.workspace_id, run_id: r.id, journey_id: r.journey_id, step_id: r.step_id, kind: RunLogKind.STEP_STARTED, detail: {} },
    ]);
    await tx.client.query(
      `INSERT INTO journey_run_log (workspace_id, run_id, journey_id, step_id, kind, detail, at)
       SELECT ws, run_id, journey_id, step_id, kind, detail, $2 FROM jsonb_to_recordset($1::jsonb) AS l(ws uuid, run_id uuid, journey_id uuid, step_id text, kind text, detail jsonb)`,
      [JSON.stringify(entries), tx.now],
    );
  }

  /** Per start: does the event fit the journey's pinned version? Its own version always does; another must validate against the pinned one. */
  private async versionFits(tx: EventTx, starts: { e: StoredEventForHooks; j: JourneyRow }[]): Promise<Map<number, boolean>> {
    const pinnedOf = (j: JourneyRow) => j.definition.startTriggerVersion;
    const wanted = new Map<string, { triggerId: string; version: number; kind: TriggerKind }>();
    for (const { e, j } of starts) {
      const pinned = pinnedOf(j);
      if (pinned !== null && pinned !== e.triggerVersion)
        wanted.set(`${e.triggerId}:${pinned}`, { triggerId: e.triggerId!, version: pinned, kind: j.start_kind ?? TriggerKind.CUSTOM });
    }
    const compiled = wanted.size > 0 ? await this.validators.load(tx.client, [...wanted.values()]) : new Map();
    return new Map(
      starts.map(({ e, j }, i) => {
        const pinned = pinnedOf(j);
        if (pinned === null || pinned === e.triggerVersion) return [i, true];
        if (e.raisedByFlare) return [i, true];
        const version = compiled.get(`${e.triggerId}:${pinned}`);
        return [i, version ? version.validate({ ...e.payload, version: pinned }).length === 0 : false];
      }),
    );
  }

  /** Email, phone and number of push devices of the customers starts name (only when some journey sends). */
  private async addresses(tx: EventTx, starts: { e: StoredEventForHooks; j: JourneyRow }[]) {
    const ids = [...new Set(starts.filter(({ e, j }) => e.customerId && j.definition.steps.some((s) => s.contentId)).map(({ e }) => `${e.workspaceId}|${e.customerId}`))];
    const out = new Map<string, { email: string | null; phone: string | null; devices: number }>();
    if (ids.length === 0) return out;
    const { rows } = await tx.client.query<{ id: string; email: string | null; phone: string | null; devices: number }>(
      `SELECT c.id, c.email, c.phone, (SELECT count(*)::int FROM customer_devices d WHERE d.workspace_id = c.workspace_id AND d.customer_id = c.id) AS devices
         FROM customers c JOIN unnest($1::uuid[], $2::uuid[]) AS q(ws, id) ON c.workspace_id = q.ws AND c.id = q.id`,
      [ids.map((k) => k.split('|')[0]), ids.map((k) => k.split('|')[1])],
    );
    for (const r of rows) out.set(r.id, r);
    return out;
  }
}
