import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey } from '../../test/ingestion.js';
import { abandonedCartSetup, createContent, markReady } from '../../test/journeys.js';
import { startMainInGroup, type Grouped } from '../../test/process-group.js';

/**
 * Several API processes on one database behave as one, and a process killed mid-work loses nothing: three real
 * processes (FLARE_ROLE=all, real clock, short leases) share 10,000 runs of a send → wait-until → send journey
 * while one of them is SIGKILLed three times and restarted: during enrolment, while the first emails go out, and
 * right after the wait date passes, while the executors move the runs on. Every run completes exactly once, with
 * exactly one message per send step, each delivered once with one `email_delivered` event.
 */
const RUNS = 10_000;
const BATCH = 500;
const PROCESSES = 3;
/** The slot that is killed and restarted. */
const VICTIM = 1;
const LEASE_MS = 1_500;
/** From publishing to the wait date: long enough to enrol every run and send its first email, so runs park as WAITING. */
const WAIT_MS = 25_000;

let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;
let t: TestServer;
const started: Grouped[] = [];
/** The URL of each slot's current process, or null while it is down. */
const slots: (string | null)[] = Array.from({ length: PROCESSES }, () => null);
const procs: Grouped[] = [];

const env = () => ({
  DATABASE_URL: scratch.url,
  PORT: '0',
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  FLARE_SEED_DEMO: 'false',
  FLARE_ROLE: 'all',
  RUNTIME_LEASE_MS: String(LEASE_MS),
  RUNTIME_POLL_MS: '200',
  INGEST_RATE_LIMIT_PER_MINUTE: '10000000',
});

async function start(slot: number) {
  const p = startMainInGroup(env());
  started.push(p);
  procs[slot] = p;
  slots[slot] = await p.ready(60_000);
}

function kill(slot: number) {
  slots[slot] = null;
  procs[slot].signal('SIGKILL');
  return procs[slot].exited;
}

beforeAll(async () => {
  scratch = await createMigratedScratchDatabase();
  // Set-up over GraphQL through an in-process server without runtime loops; the child processes do all the work.
  const server = startTestServer({ databaseUrl: scratch.url, env: { FLARE_ROLE: 'api' } });
  await Promise.all(Array.from({ length: PROCESSES }, (_, i) => start(i)));
  t = await server;
}, 120_000);

afterAll(async () => {
  for (const p of started) p.signal('SIGKILL');
  await Promise.all(started.map((p) => p.exited));
  await t?.close();
  await scratch?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const q = async <T = Record<string, number>>(sql: string, params: unknown[] = []): Promise<T> => (await t.dataSource.query<T[]>(sql, params))[0];

/** Posts a batch to the live processes in turn; a process that dies mid-request is retried elsewhere (`messageId` makes retries safe). */
async function post(key: string, events: Record<string, unknown>[], first: number) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const alive = slots.map((url, i) => ({ url, i })).filter((s) => s.url !== null);
    const { url } = alive[(first + attempt) % alive.length];
    try {
      const res = await fetch(`${url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-flare-key': key }, body: JSON.stringify({ events }) });
      const body = await res.json();
      if (res.status === 202) {
        expect(body.rejected, JSON.stringify(body)).toBe(0);
        return;
      }
      if (res.status < 500) throw new Error(`ingestion refused the batch: ${res.status} ${JSON.stringify(body)}`);
    } catch (error) {
      if ((error as Error).message.startsWith('ingestion refused')) throw error;
    }
    await sleep(200);
  }
  throw new Error('no process accepted the batch');
}

async function state(journeyId: string) {
  return q(
    `SELECT count(*)::int AS runs,
            count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
            count(*) FILTER (WHERE status = 'WAITING')::int AS waiting,
            count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
            count(*) FILTER (WHERE status IN ('ACTIVE', 'WAITING') AND lease_owner IS NOT NULL AND wake_at > now())::int AS leased,
            (SELECT count(*)::int FROM journey_messages WHERE journey_id = $1 AND status = 'QUEUED') AS queued,
            (SELECT count(*)::int FROM journey_messages WHERE journey_id = $1 AND status = 'DELIVERED') AS delivered
       FROM journey_runs WHERE journey_id = $1`,
    [journeyId],
  );
}

describe(`${PROCESSES} API processes on one database, one of them killed three times`, () => {
  it(`complete ${RUNS.toLocaleString('en')} runs exactly once: one message per send step, each delivered once`, { timeout: 240_000 }, async () => {
    const t0 = Date.now();
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const setup = await abandonedCartSetup(t, admin);
    const reminder = await createContent(admin, {
      channel: 'EMAIL',
      name: 'Reminder email',
      subject: 'Still {{ trigger.cartValue }} in your cart',
      senderName: 'Shop',
      htmlBody: '<p><a href="{{ trigger.cartUrl }}">Your cart</a></p>',
      textBody: 'Your cart: {{ trigger.cartUrl }}',
    });
    for (const c of [setup.email, reminder]) await markReady(admin, c.id);
    const waitUntil = new Date(Date.now() + WAIT_MS);
    const definition = {
      ...setup.definition,
      steps: [
        { id: 'email', type: 'SEND_EMAIL', contentId: setup.email.id, sendTo: 'CONTACTPOINT_EMAIL', next: 'wait' },
        { id: 'wait', type: 'WAIT', waitUntil: waitUntil.toISOString(), next: 'reminder' },
        { id: 'reminder', type: 'SEND_EMAIL', contentId: reminder.id, sendTo: 'CONTACTPOINT_EMAIL' },
      ],
    };
    const { createJourney } = await admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, {
      input: { name: 'Abandoned cart at scale', definition },
    });
    const journeyId = createJourney.journey.id as string;
    await admin.data(`mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`, { id: journeyId });
    const key = (await createIngestionKey(admin)).secret;
    const marks: Record<string, unknown> = { setupMs: Date.now() - t0 };
    // Runs a dead process had claimed are claimed again once its lease ends: until they move, they show attempts ≥ 2.
    let reclaimed = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        reclaimed = Math.max(reclaimed, (await q(`SELECT count(*) FILTER (WHERE attempts >= 2)::int AS n FROM journey_runs WHERE journey_id = $1`, [journeyId])).n);
        await sleep(100);
      }
    })();

    // Enrol: batches of 500 to the live processes in turn, three in flight. Meanwhile the victim is killed once a
    // fifth is posted, restarted, and killed again 300 ms after it serves again (its loops start before it listens);
    // a killed process's claimed runs are due again when their lease ends, its open transactions roll back.
    const tEnrol = Date.now();
    const batches = Array.from({ length: RUNS / BATCH }, (_, b) =>
      Array.from({ length: BATCH }, (_, k) => {
        const id = `c-${b * BATCH + k}`;
        return {
          trigger: setup.cart.key,
          authId: id,
          contactpoint_email: `${id}@example.com`,
          messageId: `cart-${id}`,
          attributes: { cartValue: 42.5, cartUrl: `https://shop.example/${id}` },
        };
      }),
    );
    let next = 0;
    let posted = 0;
    const enrolled = Promise.all(
      Array.from({ length: PROCESSES }, async () => {
        while (next < batches.length) {
          const b = next++;
          await post(key, batches[b], b);
          posted += 1;
        }
      }),
    ).then(() => (marks.enrolMs = Date.now() - tEnrol));
    const note = async (label: string) => {
      const s = await state(journeyId);
      marks[label] = { atMs: Date.now() - tEnrol, ...s };
      return s;
    };
    while (posted < batches.length / 5) await sleep(25);
    expect((await note('kill1')).runs).toBeLessThan(RUNS);
    await kill(VICTIM);
    await start(VICTIM);
    await sleep(300);
    await note('kill2');
    await kill(VICTIM);
    const restarted = start(VICTIM);
    await enrolled;
    await restarted;
    expect((await state(journeyId)).runs).toBe(RUNS);

    // Runs park at the wait; kill the victim again as soon as the executors are moving them on after the date.
    while (Date.now() < waitUntil.getTime()) {
      marks.beforeDate = await state(journeyId);
      await sleep(Math.min(250, Math.max(0, waitUntil.getTime() - Date.now())));
    }
    for (let s = await state(journeyId); s.completed === 0; s = await state(journeyId)) await sleep(25);
    expect((await note('kill3')).completed).toBeLessThan(RUNS);
    await kill(VICTIM);
    await start(VICTIM);
    const deadline = Date.now() + 150_000;
    for (;;) {
      const s = await state(journeyId);
      if ((s.completed + s.failed === RUNS && s.queued === 0) || Date.now() > deadline) break;
      await sleep(250);
    }
    marks.doneMsAfterDate = Date.now() - waitUntil.getTime();
    marks.totalMs = Date.now() - t0;
    watching = false;
    await watcher;
    marks.reclaimedPeak = reclaimed;
    console.log(`runtime.process: ${JSON.stringify(marks)}`);

    await t.dataSource.query('ANALYZE journey_runs, journey_run_log, journey_messages, trigger_events');
    // Exactly the runs enrolled, all completed, none failed.
    const final = await q(
      `SELECT count(*)::int AS runs, count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
              count(DISTINCT customer_id)::int AS customers
         FROM journey_runs WHERE journey_id = $1`,
      [journeyId],
    );
    expect(final).toEqual({ runs: RUNS, completed: RUNS, failed: 0, customers: RUNS });

    // Every run's step log is one of the two possible histories, each transition applied exactly once.
    const history = (waited: boolean) =>
      [
        'ENTERED',
        'STEP_STARTED@email',
        'MESSAGE_QUEUED@email',
        'STEP_DONE@email',
        'STEP_STARTED@wait',
        ...(waited ? ['WAITING@wait'] : []),
        'STEP_DONE@wait',
        'STEP_STARTED@reminder',
        'MESSAGE_QUEUED@reminder',
        'STEP_DONE@reminder',
        'COMPLETED',
      ].join(' ');
    const histories: { history: string; runs: number }[] = await t.dataSource.query(
      `SELECT h.history, count(*)::int AS runs
         FROM (SELECT run_id, string_agg(kind || coalesce('@' || step_id, ''), ' ' ORDER BY id) AS history FROM journey_run_log WHERE journey_id = $1 GROUP BY run_id) h
        GROUP BY h.history ORDER BY runs DESC`,
      [journeyId],
    );
    expect(histories.map((h) => h.history).filter((h) => h !== history(true) && h !== history(false))).toEqual([]);
    expect(histories.reduce((n, h) => n + h.runs, 0)).toBe(RUNS);
    const parked = histories.find((h) => h.history === history(true))?.runs ?? 0;
    console.log(`runtime.process: ${parked} runs parked at the wait, ${RUNS - parked} reached it after the date`);

    // One message per send step, delivered with its one delivered interaction. A sender killed mid-send leaves its
    // messages leased; another sends them again after the lease (attempts 2) — the inbox keeps one copy of each.
    const messages = await q(
      `SELECT count(*)::int AS messages,
              count(DISTINCT (run_id, step_id))::int AS run_steps,
              count(*) FILTER (WHERE status = 'DELIVERED' AND sent_at IS NOT NULL AND interactions = ARRAY['email_delivered'])::int AS delivered_once,
              count(*) FILTER (WHERE step_id = 'email')::int AS first,
              count(*) FILTER (WHERE step_id = 'reminder')::int AS reminders
         FROM journey_messages WHERE journey_id = $1`,
      [journeyId],
    );
    expect(messages).toEqual({ messages: 2 * RUNS, run_steps: 2 * RUNS, delivered_once: 2 * RUNS, first: RUNS, reminders: RUNS });
    const inbox = await q(
      `SELECT count(*)::int AS copies, count(DISTINCT i.message_id)::int AS messages
         FROM inbox_messages i JOIN journey_messages m ON m.workspace_id = i.workspace_id AND m.id = i.message_id WHERE m.journey_id = $1`,
      [journeyId],
    );
    expect(inbox).toEqual({ copies: 2 * RUNS, messages: 2 * RUNS });
    const perRun = await q(
      `SELECT count(*)::int AS bad FROM (SELECT r.id FROM journey_runs r LEFT JOIN journey_messages m ON m.workspace_id = r.workspace_id AND m.run_id = r.id
        WHERE r.journey_id = $1 GROUP BY r.id HAVING count(m.id) <> 2) x`,
      [journeyId],
    );
    expect(perRun.bad).toBe(0);

    // Exactly one email_delivered event per message, and none for anything else.
    const events = await q(
      `SELECT count(*)::int AS events, count(DISTINCT e.payload->'attributes'->>'deliveryId')::int AS deliveries,
              count(*) FILTER (WHERE m.id IS NULL)::int AS strays, count(*) FILTER (WHERE NOT e.accepted)::int AS refused
         FROM trigger_events e
         LEFT JOIN journey_messages m ON m.workspace_id = e.workspace_id AND m.id::text = e.payload->'attributes'->>'deliveryId'
        WHERE e.workspace_id = $1 AND e.trigger_key = 'email_delivered'`,
      [ws.id],
    );
    expect(events).toEqual({ events: 2 * RUNS, deliveries: 2 * RUNS, strays: 0, refused: 0 });
  });
});
