import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { abandonedCartSetup, markReady } from '../../test/journeys.js';
import { collect, wsClient } from '../../test/ws.js';
import { until } from '../../test/db-faults.js';

/** Polls every 50 ms for up to 15 s. */
async function until2(check: () => Promise<boolean>) {
  for (let i = 0; i < 300; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met within 15 s');
}

/**
 * Two processes on one database, real clock: one serves the API only (FLARE_ROLE=api), the other only runs
 * journeys (FLARE_ROLE=worker) and polls once a minute — so a run that moves within seconds was woken by the
 * NOTIFY sent in the transaction that enrolled it, across processes.
 */
let api: TestServer;
let worker: TestServer;
let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;
let admin: GqlClient;
let journeyId: string;
let send: (authId: string) => Promise<void>;
let setup: Awaited<ReturnType<typeof abandonedCartSetup>>;
let ingestionKey: string;

beforeAll(async () => {
  scratch = await createMigratedScratchDatabase();
  api = await startTestServer({ databaseUrl: scratch.url, env: { FLARE_ROLE: 'api' } });
  worker = await startTestServer({ databaseUrl: scratch.url, env: { FLARE_ROLE: 'worker', RUNTIME_POLL_MS: '60000' } });
  const ws = await createWorkspace(api);
  admin = await GqlClient.signedIn(api, ws.admin);
  setup = await abandonedCartSetup(api, admin);
  for (const c of [setup.email, setup.text, setup.push]) await markReady(admin, c.id);
  const { createJourney } = await admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, {
    input: { name: 'Abandoned cart', definition: setup.definition },
  });
  journeyId = createJourney.journey.id;
  await admin.data(`mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`, { id: journeyId });
  const key = await createIngestionKey(admin);
  ingestionKey = key.secret;
  send = async (authId: string) => {
    const res = await postEvents(api, key.secret, {
      events: [
        {
          trigger: setup.cart.key,
          authId,
          contactpoint_email: `${authId}@example.com`,
          bindingId: `cart/${authId}`,
          attributes: { cartValue: 9.5, cartUrl: 'https://shop.example/c' },
        },
      ],
    });
    expect(res.body.accepted).toBe(1);
  };
});
afterAll(async () => {
  await worker.close();
  await api.close();
  await scratch.drop();
});

const delivered = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM journey_messages WHERE journey_id = $1 AND status = 'DELIVERED'`, [journeyId]))[0].n);

describe('journey runtime across processes', () => {
  it('a worker woken by NOTIFY moves the run and delivers its first message within seconds; it serves no API', async () => {
    await send('r1');
    await until(async () => (await delivered()) === 1);
    const refused = await fetch(`${worker.url}/graphql`, { method: 'POST' });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(await refused.json())).toMatch(/FLARE_ROLE=worker/);
    expect((await fetch(`${worker.url}/healthz`)).status).toBe(200);
    // The worker reports what it did on /metrics.
    const metrics = await (await fetch(`${worker.url}/metrics`)).text();
    expect(metrics).toMatch(/^flare_runtime_runs_claimed_total [1-9]/m);
    expect(metrics).toMatch(/^flare_runtime_runs_moved_total\{status="WAITING"\} [1-9]/m);
    expect(metrics).toMatch(/^flare_runtime_messages_total\{status="DELIVERED"\} 1$/m);
    expect(metrics).toMatch(/^flare_runtime_run_lag_seconds_count [1-9]/m);
    // The API-only process runs no executor: its own runtime never claimed anything.
    const [{ owners }] = await api.dataSource.query(`SELECT count(DISTINCT lease_owner) AS owners FROM journey_runs WHERE journey_id = $1 AND lease_owner IS NOT NULL`, [
      journeyId,
    ]);
    expect(Number(owners)).toBe(0);
  });
});

const RUN_FIELDS = `id status stepId binding enteredAt endedAt waitKind timerAt customer { authId } log { stepId kind detail at } messages { stepId channel status recipient subject interactions }`;

describe('runs API', () => {
  it('lists a journey’s runs, filters them, opens one with its step log and messages, and counts them', async () => {
    await until(async () => (await delivered()) >= 1);
    const { journeyRuns } = await admin.data(`query($id: ID!) { journeyRuns(journeyId: $id, first: 10) { totalCount nodes { ${RUN_FIELDS} } } }`, { id: journeyId });
    expect(journeyRuns.totalCount).toBe(1);
    const run = journeyRuns.nodes[0];
    expect(run).toMatchObject({ status: 'WAITING', stepId: 'opened', binding: 'cart/r1', waitKind: 'INTERACTION', customer: { authId: 'r1' } });
    expect(run.log.map((l: { kind: string }) => l.kind)).toEqual(['ENTERED', 'STEP_STARTED', 'MESSAGE_QUEUED', 'STEP_DONE', 'STEP_STARTED', 'WAITING']);
    expect(run.messages).toEqual([
      { stepId: 'email', channel: 'EMAIL', status: 'DELIVERED', recipient: 'r1@example.com', subject: 'You left 9.5 in your cart', interactions: ['email_delivered'] },
    ]);
    const filtered = await admin.data(`query($id: ID!) { journeyRuns(journeyId: $id, first: 10, filter: { status: [COMPLETED] }) { totalCount } }`, { id: journeyId });
    expect(filtered.journeyRuns.totalCount).toBe(0);
    const one = await admin.data(`query($id: ID!) { journeyRun(id: $id) { id journey { name } } }`, { id: run.id });
    expect(one.journeyRun.journey.name).toBe('Abandoned cart');
    const { journey } = await admin.data(
      `query($id: ID!) { journey(id: $id) { runCounts { entered waiting completed goalReached refused { reason count } } stepCounts { stepId entered waiting passedOn exited } } }`,
      {
        id: journeyId,
      },
    );
    expect(journey.runCounts).toEqual({ entered: 1, waiting: 1, completed: 0, goalReached: 0, refused: [] });
    expect(journey.stepCounts).toEqual([
      { stepId: 'email', entered: 1, waiting: 0, passedOn: 1, exited: 0 },
      { stepId: 'opened', entered: 1, waiting: 1, passedOn: 0, exited: 0 },
      { stepId: 'text', entered: 0, waiting: 0, passedOn: 0, exited: 0 },
      { stepId: 'wait', entered: 0, waiting: 0, passedOn: 0, exited: 0 },
      { stepId: 'push', entered: 0, waiting: 0, passedOn: 0, exited: 0 },
    ]);
    const { customers } = await admin.data(`{ customers(first: 5, filter: { search: "r1" }) { nodes { authId journeyRuns(first: 5) { nodes { id status } } } } }`);
    expect(customers.nodes[0].journeyRuns.nodes).toEqual([{ id: run.id, status: 'WAITING' }]);
  });

  it('a partner key with journeys:read reads runs, but not their messages or customers without customers:read', async () => {
    const { createApiKey } = await admin.data(`mutation { createApiKey(input: { label: "runs", scopes: [JOURNEYS_READ] }) { secret } }`);
    const partner = GqlClient.withKey(api, createApiKey.secret);
    const ok = await partner.data(`query($id: ID!) { journeyRuns(journeyId: $id, first: 5) { nodes { status customer { authId } } } }`, { id: journeyId });
    expect(ok.journeyRuns.nodes[0]).toEqual({ status: 'WAITING', customer: null });
    const refused = await partner.request(`query($id: ID!) { journeyRuns(journeyId: $id, first: 5) { nodes { messages { subject } } } }`, { id: journeyId });
    expect(refused.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const { createApiKey: other } = await admin.data(`mutation { createApiKey(input: { label: "triggers", scopes: [TRIGGERS_READ] }) { secret } }`);
    const none = await GqlClient.withKey(api, other.secret).request(`query($id: ID!) { journeyRuns(journeyId: $id, first: 5) { totalCount } }`, { id: journeyId });
    expect(none.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses interactions that do not fit the message', async () => {
    const [message] = await api.dataSource.query(`SELECT id FROM journey_messages WHERE journey_id = $1 LIMIT 1`, [journeyId]);
    const RECORD = `mutation($input: RecordMessageInteractionInput!) { recordMessageInteraction(input: $input) { interactions } }`;
    expect(await admin.error(RECORD, { input: { messageId: message.id, interaction: 'text_clicked' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INTERACTION_INVALID' });
    expect(await admin.error(RECORD, { input: { messageId: message.id, interaction: 'contact_created' } })).toMatchObject({ reason: 'INTERACTION_INVALID' });
    expect(await admin.error(RECORD, { input: { messageId: '00000000-0000-4000-8000-000000000000', interaction: 'email_opened' } })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('journeyRunUpdated: the journey at once, then again when a customer enters, without polling', async () => {
    const socket = wsClient(api.wsUrl, {}, { cookie: admin.cookie!, origin: 'http://localhost:4000' });
    const sub = collect(socket, `subscription($id: ID!) { journeyRunUpdated(journeyId: $id) { journey { runCounts { entered } } } }`, { id: journeyId });
    await sub.first(1);
    const before = sub.results[0].data!.journeyRunUpdated.journey.runCounts.entered as number;
    await send('r2');
    await until(() => sub.results.some((r) => r.data?.journeyRunUpdated.journey.runCounts.entered === before + 1));
    sub.dispose();
    await socket.dispose();
  });
});

describe('live analytics', () => {
  it('journeyAnalyticsUpdated fires when a message’s interactions change even though no run does (a click while the run waits for an open)', async () => {
    const socket = wsClient(api.wsUrl, {}, { cookie: admin.cookie!, origin: 'http://localhost:4000' });
    const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString(), granularity: 'HOUR' };
    const sub = collect(socket, `subscription($id: ID!, $range: AnalyticsRangeInput!) { journeyAnalyticsUpdated(journeyId: $id, range: $range) { messages { stepId clicked } } }`, {
      id: journeyId,
      range,
    });
    await sub.first(1);
    const clicked = (r: (typeof sub.results)[number]) =>
      (r.data?.journeyAnalyticsUpdated.messages as { stepId: string; clicked: number }[] | undefined)?.find((m) => m.stepId === 'email')?.clicked ?? 0;
    const before = clicked(sub.results[0]);
    const [message] = await api.dataSource.query(
      `SELECT id FROM journey_messages WHERE journey_id = $1 AND status = 'DELIVERED' AND NOT 'email_clicked' = ANY(interactions) LIMIT 1`,
      [journeyId],
    );
    await admin.data(`mutation($input: RecordMessageInteractionInput!) { recordMessageInteraction(input: $input) { interactions } }`, {
      input: { messageId: message.id, interaction: 'email_clicked', url: 'https://shop.example/c' },
    });
    await until(() => sub.results.some((r) => clicked(r) === before + 1));
    sub.dispose();
    await socket.dispose();
  });
});

// Last: its start event also enters the abandoned-cart journey the tests above count.
describe('timers', () => {
  it('a drained worker wakes when the next wait ends, not at its next poll (a minute away)', async () => {
    const until = new Date(Date.now() + 2_500);
    const { createJourney } = await admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, {
      input: {
        name: 'Timer',
        definition: {
          ...setup.definition,
          exitTriggerIds: [],
          goalTriggerId: null,
          goalPercent: null,
          firstStepId: 'pause',
          steps: [
            { id: 'pause', type: 'WAIT', waitUntil: until.toISOString(), next: 'push' },
            { id: 'push', type: 'SEND_EMAIL', contentId: setup.email.id, sendTo: 'CONTACTPOINT_EMAIL' },
          ],
        },
      },
    });
    const id = createJourney.journey.id as string;
    await admin.data(`mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`, { id });
    await postEvents(api, ingestionKey, { events: [{ trigger: setup.cart.key, authId: 'timer-1', contactpoint_email: 'timer-1@example.com', attributes: { cartValue: 1 } }] });
    const status = async () => (await api.dataSource.query(`SELECT status FROM journey_runs WHERE journey_id = $1`, [id]))[0]?.status as string | undefined;
    await until2(async () => (await status()) === 'WAITING');
    await until2(async () => (await status()) === 'COMPLETED');
    // Completed within a few seconds of the wait's end: the poll alone (60 s) would have taken up to a minute.
    expect(Date.now() - until.getTime()).toBeLessThan(10_000);
  });
});
