import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { abandonedCartSetup, markReady } from '../../test/journeys.js';

const HOUR = 3_600_000;
const clock = new FakeClock();
let t: TestServer;
let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;

beforeAll(async () => {
  // A database of its own: the clock moves days ahead and every due run in it is moved.
  scratch = await createMigratedScratchDatabase();
  t = await startTestServer({ clock, databaseUrl: scratch.url, env: { FLARE_ROLE: 'api' } });
});
afterAll(async () => {
  await t.close();
  await scratch.drop();
});

const idle = () => t.server.services.runtime.runUntilIdle();
const RECORD = `mutation($input: RecordMessageInteractionInput!) { recordMessageInteraction(input: $input) { interactions } }`;
const ANALYTICS = `query($id: ID!, $range: AnalyticsRangeInput!) { journeyAnalytics(journeyId: $id, range: $range) {
  totals { entered customers active waiting completed exited exitedByReason { reason count } stopped failed refused refusedByReason { reason count } goalReached goalPercent goalTarget }
  tiles { stepId inflow processing processed exited }
  messages { stepId channel sent delivered opened openedHuman clicked bounced blocked blockedByReason { reason count } failed deliveryRate openRate clickRate }
  series { at entered completed exited goalReached sent delivered opened } } }`;

/** The seed's abandoned-cart journey (email → opened? → text → wait a day → push), live, with an ingestion key. */
async function liveCartJourney() {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const setup = await abandonedCartSetup(t, admin);
  for (const c of [setup.email, setup.text, setup.push]) await markReady(admin, c.id);
  const definition = { ...setup.definition, startAt: new Date(clock.now().getTime() - 60_000).toISOString() };
  const { createJourney } = await admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, {
    input: { name: 'Abandoned cart', definition },
  });
  const id = createJourney.journey.id as string;
  await admin.data(`mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`, { id });
  const key = await createIngestionKey(admin);
  const send = async (events: Record<string, unknown>[]) => {
    const res = await postEvents(t, key.secret, { events });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
  };
  const cart = (authId: string, extra: Record<string, unknown> = {}) => ({
    trigger: setup.cart.key,
    authId,
    contactpoint_email: `${authId}@example.com`,
    attributes: { cartValue: 10, cartUrl: `https://shop.example/${authId}` },
    ...extra,
  });
  const purchase = (authId: string, extra: Record<string, unknown> = {}) => ({ trigger: setup.purchase.key, authId, attributes: { total: 10 }, ...extra });
  return { ws, admin, setup, id, send, cart, purchase };
}

type Count = Record<string, number>;
const keyed = (rows: { k: string; n: number | string }[]): Count => Object.fromEntries(rows.filter((r) => Number(r.n) !== 0).map((r) => [r.k, Number(r.n)]));

/** Every rollup of the journey, by bucket, step, metric and reason. */
async function rollups(journeyId: string) {
  const journey = keyed(
    await t.dataSource.query(
      `SELECT bucket::text || '|' || metric || '|' || reason AS k, count AS n FROM journey_stats_hourly WHERE journey_id = $1 AND metric NOT IN ('WAITING_STARTED', 'WAITING_ENDED')`,
      [journeyId],
    ),
  );
  const steps = keyed(
    await t.dataSource.query(
      `SELECT bucket::text || '|' || step_id || '|' || metric || '|' || reason AS k, count AS n FROM journey_step_stats_hourly WHERE journey_id = $1 AND metric NOT LIKE 'MESSAGE_%'`,
      [journeyId],
    ),
  );
  const messages = keyed(
    await t.dataSource.query(
      `SELECT step_id || '|' || metric || '|' || reason AS k, sum(count) AS n FROM journey_step_stats_hourly WHERE journey_id = $1 AND metric LIKE 'MESSAGE_%' GROUP BY 1`,
      [journeyId],
    ),
  );
  const [{ waiting }] = await t.dataSource.query<{ waiting: string }[]>(
    `SELECT coalesce(sum(count) FILTER (WHERE metric = 'WAITING_STARTED'), 0) - coalesce(sum(count) FILTER (WHERE metric = 'WAITING_ENDED'), 0) AS waiting
       FROM journey_stats_hourly WHERE journey_id = $1`,
    [journeyId],
  );
  return { journey, steps, messages, waiting: Number(waiting) };
}

/** The same numbers recounted from the runs, the step log, refusals, entries and messages with GROUP BY. */
async function recount(journeyId: string) {
  const h = (col: string) => `date_trunc('hour', ${col}, 'UTC')::text`;
  const journey = keyed(
    await t.dataSource.query(
      `SELECT k, count(*) AS n FROM (
         SELECT ${h('entered_at')} || '|ENTERED|' AS k FROM journey_runs WHERE journey_id = $1
         UNION ALL SELECT ${h('ended_at')} || '|' || status || '|' || coalesce(end_reason, '') FROM journey_runs WHERE journey_id = $1 AND status IN ('COMPLETED', 'EXITED', 'STOPPED', 'FAILED')
         UNION ALL SELECT ${h('at')} || '|REFUSED|' || reason FROM journey_entry_refusals WHERE journey_id = $1
         UNION ALL SELECT ${h('first_entered_at')} || '|CUSTOMERS|' FROM journey_entries WHERE journey_id = $1
         UNION ALL SELECT ${h('min(goal_reached_at)')} || '|GOAL_REACHED|' FROM journey_runs WHERE journey_id = $1 AND goal_reached_at IS NOT NULL GROUP BY customer_id) x
        GROUP BY k`,
      [journeyId],
    ),
  );
  const steps = keyed(
    await t.dataSource.query(
      `SELECT k, count(*) AS n FROM (
         SELECT ${h('at')} || '|' || step_id || '|' || CASE kind WHEN 'STEP_STARTED' THEN 'INFLOW' ELSE 'PROCESSED' END || '|' AS k
           FROM journey_run_log WHERE journey_id = $1 AND kind IN ('STEP_STARTED', 'STEP_DONE') AND step_id IS NOT NULL
         UNION ALL SELECT ${h('r.entered_at')} || '|' || r.step_id || '|INFLOW|' FROM journey_runs r
          WHERE r.journey_id = $1 AND r.step_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM journey_run_log l WHERE l.run_id = r.id AND l.kind = 'STEP_STARTED')
         UNION ALL SELECT ${h('ended_at')} || '|' || step_id || '|' || status || '|' || coalesce(end_reason, '') FROM journey_runs
          WHERE journey_id = $1 AND status IN ('EXITED', 'STOPPED', 'FAILED') AND step_id IS NOT NULL) x
        GROUP BY k`,
      [journeyId],
    ),
  );
  const messages = keyed(
    await t.dataSource.query(
      `SELECT m.step_id || '|' || k || '|' || CASE WHEN k IN ('MESSAGE_BLOCKED', 'MESSAGE_FAILED', 'MESSAGE_CANCELLED') THEN coalesce(m.reason, '') ELSE '' END AS k, count(*) AS n
         FROM journey_messages m, unnest(journey_message_metrics(m.status, m.sent_at, m.interactions)) k WHERE m.journey_id = $1 GROUP BY 1`,
      [journeyId],
    ),
  );
  const [{ waiting }] = await t.dataSource.query<{ waiting: string }[]>(`SELECT count(*) AS waiting FROM journey_runs WHERE journey_id = $1 AND status = 'WAITING'`, [journeyId]);
  return { journey, steps, messages, waiting: Number(waiting) };
}

/** Per tile: runs moving or waiting there now. */
async function openAtSteps(journeyId: string): Promise<Count> {
  return keyed(
    await t.dataSource.query(`SELECT step_id AS k, count(*) AS n FROM journey_runs WHERE journey_id = $1 AND status IN ('ACTIVE', 'WAITING') GROUP BY step_id`, [journeyId]),
  );
}

async function analytics(admin: GqlClient, id: string, range = { from: new Date(clock.now().getTime() - 5 * 24 * HOUR), to: clock.now(), granularity: 'HOUR' }) {
  return (await admin.data(ANALYTICS, { id, range: { ...range, from: range.from.toISOString(), to: new Date(range.to.getTime() + HOUR).toISOString() } })).journeyAnalytics as {
    totals: Record<string, unknown>;
    tiles: { stepId: string; inflow: number; processing: number; processed: number; exited: number }[];
    messages: Record<string, unknown>[];
    series: { at: string; entered: number; completed: number; exited: number; goalReached: number; sent: number; delivered: number; opened: number }[];
  };
}

async function expectConsistent(j: Awaited<ReturnType<typeof liveCartJourney>>) {
  expect(await rollups(j.id)).toEqual(await recount(j.id));
  const a = await analytics(j.admin, j.id);
  const open = await openAtSteps(j.id);
  for (const tile of a.tiles) {
    expect(tile.inflow, tile.stepId).toBe(tile.processing + tile.processed + tile.exited);
    expect(tile.processing, tile.stepId).toBe(open[tile.stepId] ?? 0);
  }
  const [runs] = await t.dataSource.query<Record<string, number>[]>(
    `SELECT count(*)::int AS entered, count(*) FILTER (WHERE status IN ('ACTIVE', 'WAITING'))::int AS active, count(*) FILTER (WHERE status = 'WAITING')::int AS waiting,
            count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed, count(*) FILTER (WHERE status = 'EXITED')::int AS exited,
            count(*) FILTER (WHERE status = 'STOPPED')::int AS stopped, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
            count(DISTINCT customer_id) FILTER (WHERE goal_reached_at IS NOT NULL)::int AS "goalReached", count(DISTINCT customer_id)::int AS customers
       FROM journey_runs WHERE journey_id = $1`,
    [j.id],
  );
  expect(a.totals).toMatchObject(runs);
  return a;
}

describe('journey analytics rollups', () => {
  it('equal a recount from the runs, log and messages after a chaotic run; every tile keeps inflow = processing + processed + exited', async () => {
    const j = await liveCartJourney();
    const customers = Array.from({ length: 40 }, (_, i) => `c${i}`);
    // Every customer enters; half have a phone for the text; a third try again with the same cart (refused) or a second cart (a second run).
    await j.send(customers.map((c, i) => j.cart(c, i % 2 === 0 ? { contactpoint_phone: `+49151000${String(i).padStart(4, '0')}` } : {})));
    await j.send(customers.filter((_, i) => i % 3 === 0).map((c, i) => j.cart(c, i % 2 === 0 ? {} : { bindingId: `cart/${c}/2` })));
    // Some runs are claimed by three executors at once, a few times over.
    const executor = t.server.services.runtime.executor;
    for (let round = 0; round < 3; round += 1) {
      await Promise.all([executor.tick(), executor.tick(), executor.tick()]);
      await t.dataSource.query(`UPDATE journey_runs SET wake_at = $2 WHERE journey_id = $1 AND status IN ('ACTIVE', 'WAITING')`, [j.id, clock.now()]);
    }
    await idle();
    await expectConsistent(j);

    // Opens and clicks on some emails (twice for some: counted once), purchases (exit and goal) by others.
    const emails = await t.dataSource.query<{ id: string; auth_id: string }[]>(
      `SELECT m.id, c.auth_id FROM journey_messages m JOIN customers c ON c.id = m.customer_id WHERE m.journey_id = $1 AND m.step_id = 'email' AND m.status = 'DELIVERED' ORDER BY c.auth_id`,
      [j.id],
    );
    for (const [n, m] of emails.entries()) {
      if (n % 4 === 0) await j.admin.data(RECORD, { input: { messageId: m.id, interaction: 'email_opened' } });
      if (n % 8 === 0) await j.admin.data(RECORD, { input: { messageId: m.id, interaction: 'email_opened' } });
      if (n % 8 === 0) await j.admin.data(RECORD, { input: { messageId: m.id, interaction: 'email_clicked', url: 'https://shop.example/' } });
    }
    clock.advance(HOUR);
    await j.send(customers.filter((_, i) => i % 5 === 1).map((c) => j.purchase(c)));
    // A few runs keep failing their claims and are given up.
    await t.dataSource.query(
      `UPDATE journey_runs SET attempts = 10, wake_at = $2 WHERE id IN (SELECT id FROM journey_runs WHERE journey_id = $1 AND status = 'WAITING' ORDER BY id LIMIT 3)`,
      [j.id, clock.now()],
    );
    await Promise.all([executor.tick(), executor.tick()]);
    await idle();
    await expectConsistent(j);

    // The text can no longer be rendered: runs reaching it fail after passing it on (the failure is logged without a step).
    await t.dataSource.query(`UPDATE content_items SET body = '{{ trigger.cartValue | no_such_filter }}' WHERE id = $1`, [j.setup.text.id]);
    clock.advance(25 * HOUR);
    await t.dataSource.query(`UPDATE journey_runs SET wake_at = $2 WHERE journey_id = $1 AND status IN ('ACTIVE', 'WAITING')`, [j.id, clock.now()]);
    await Promise.all([executor.tick(), executor.tick(), executor.tick(), idle()]);
    await idle();
    await j.send([...customers.slice(0, 4).map((c) => j.cart(c, { bindingId: `cart/${c}/3` })), ...customers.slice(30).map((c) => j.purchase(c))]);
    await idle();
    const middle = await expectConsistent(j);
    expect(middle.totals.failed).toBeGreaterThan(3);
    expect(middle.totals.exited).toBeGreaterThan(0);
    expect(middle.totals.refused).toBeGreaterThan(0);
    expect(middle.tiles.find((x) => x.stepId === 'text')!.processed).toBeGreaterThan(0);

    // Stopping ends every open run where it is.
    await j.admin.data(`mutation($id: ID!) { stopJourney(input: { id: $id }) { journey { status } } }`, { id: j.id });
    await idle();
    const end = await expectConsistent(j);
    expect(end.totals).toMatchObject({ active: 0, waiting: 0 });
    expect(end.tiles.every((x) => x.processing === 0)).toBe(true);
    const email = end.messages.find((m) => m.stepId === 'email')!;
    expect(email).toMatchObject({ channel: 'EMAIL', opened: Math.ceil(emails.length / 4), openedHuman: Math.ceil(emails.length / 4), clicked: Math.ceil(emails.length / 8) });
    expect(email.sent).toBe(email.delivered);
    expect(email.deliveryRate).toBe(1);
    expect(email.openRate).toBeCloseTo(Math.ceil(emails.length / 4) / (email.delivered as number));
  });

  it('counts a goal once per customer however many of their runs reach it', async () => {
    const j = await liveCartJourney();
    await j.send([j.cart('g1', { bindingId: 'cart/a' }), j.cart('g1', { bindingId: 'cart/b' }), j.cart('g2')]);
    await idle();
    // One purchase reaches both of g1's runs (an event with no binding acts on every binding).
    await j.send([j.purchase('g1')]);
    await idle();
    const goals = await t.dataSource.query(`SELECT customer_id FROM journey_runs WHERE journey_id = $1 AND goal_reached_at IS NOT NULL`, [j.id]);
    expect(goals).toHaveLength(2);
    const a = await expectConsistent(j);
    expect(a.totals).toMatchObject({ entered: 3, customers: 2, goalReached: 1, goalPercent: 50, goalTarget: 50 });
    const { journey } = await j.admin.data(`query($id: ID!) { journey(id: $id) { runCounts { goalReached } } }`, { id: j.id });
    expect(journey.runCounts.goalReached).toBe(1);
  });

  it('buckets the time series by UTC hour and day', async () => {
    const j = await liveCartJourney();
    const start = clock.now();
    await j.send([j.cart('s1'), j.cart('s2')]);
    await idle();
    clock.advance(2 * HOUR);
    await j.send([j.cart('s3')]);
    await idle();
    const hourly = await analytics(j.admin, j.id, { from: start, to: clock.now(), granularity: 'HOUR' });
    const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / HOUR) * HOUR).toISOString();
    expect(hourly.series.map((p) => p.at)).toEqual([0, 1, 2, 3].map((n) => hourOf(new Date(start.getTime() + n * HOUR))));
    expect(hourly.series.map((p) => p.entered)).toEqual([2, 0, 1, 0]);
    expect(hourly.series.map((p) => p.sent)).toEqual([2, 0, 1, 0]);
    const daily = await analytics(j.admin, j.id, { from: start, to: clock.now(), granularity: 'DAY' });
    expect(daily.series.reduce((n, p) => n + p.entered, 0)).toBe(3);
    expect(daily.series.every((p) => p.at.endsWith('T00:00:00.000Z'))).toBe(true);
    const tooLong = await j.admin.request(ANALYTICS, { id: j.id, range: { from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', granularity: 'HOUR' } });
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RANGE_TOO_LONG' });
  });

  it('exports the customers at a step as CSV, defusing formulas', async () => {
    const j = await liveCartJourney();
    await j.admin.data(`mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { created } }`, {
      input: { kind: 'PROFILE', authId: 'x1', email: 'x1@example.com', firstName: '=HYPERLINK("http://evil")', lastName: 'O"Brien' },
    });
    await j.send([j.cart('x1')]);
    await idle();
    const { journeyStepCustomersCsv: csv } = await j.admin.data(`query($id: ID!) { journeyStepCustomersCsv(journeyId: $id, stepId: "opened") }`, { id: j.id });
    const [header, row, end] = (csv as string).split('\r\n');
    expect(header).toBe('"customerId","authId","email","phone","firstName","lastName","runId","status","enteredAt","atStepSince"');
    expect(row).toContain(`"x1","x1@example.com","","'=HYPERLINK(""http://evil"")","O""Brien"`);
    expect(row).toContain('"WAITING"');
    expect(end).toBe('');
    const none = await j.admin.request(`query($id: ID!) { journeyStepCustomersCsv(journeyId: $id, stepId: "nope") }`, { id: j.id });
    expect(none.body.errors?.[0]?.extensions).toMatchObject({ reason: 'STEP_NOT_FOUND' });
  });
});
