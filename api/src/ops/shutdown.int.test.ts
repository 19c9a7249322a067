import http from 'node:http';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../../test/harness.js';
import { startMain, type Started } from '../../test/process.js';
import { CREATE_INGESTION_KEY } from '../../test/ingestion.js';
import { CREATE_TRIGGER, triggerInput } from '../../test/triggers.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

const ADMIN = { email: 'ops@example.com', password: 'correct-horse-battery' };

async function startOwnProcess(env: Record<string, string> = {}) {
  const own = await createScratchDatabase();
  cleanups.push(() => own.drop());
  const run: Started = startMain({
    DATABASE_URL: own.url,
    PORT: '0',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    FLARE_ADMIN_EMAIL: ADMIN.email,
    FLARE_ADMIN_PASSWORD: ADMIN.password,
    INGEST_RATE_LIMIT_PER_MINUTE: '100000000',
    ...env,
  });
  cleanups.push(async () => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  });
  const [, url] = await run.waitFor(/"listening":"(http:\/\/[^"]+)"/, 60_000);
  const signIn = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { user { id } } }', variables: { i: ADMIN } }),
  });
  const headers = { 'content-type': 'application/json', cookie: signIn.headers.get('set-cookie')!.split(';')[0] };
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const body = await (await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) })).json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const trigger = (await gql(CREATE_TRIGGER, { input: triggerInput() })).createTrigger.trigger;
  const key = (await gql(CREATE_INGESTION_KEY, { input: { label: 'Load', allowedOrigins: [] } })).createIngestionKey.secret as string;
  return { own, run, url, trigger, key };
}

type Answer = { request: number; status: number; body: any } | { request: number; failure: string };

const REQUESTS = 50;
const EVENTS = 500;

/**
 * Fires 50 concurrent POSTs of 500 valid events each (own sockets, like 50 senders), sends SIGTERM as soon as
 * every request has been handed to the network (most not yet read by the server), and collects what each got.
 */
async function ingestThroughShutdown(env: Record<string, string>) {
  const { own, run, url, trigger, key } = await startOwnProcess(env);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  cleanups.push(async () => agent.destroy());
  let sent = 0;
  let answered = 0;
  let onProgress = () => {};
  const progress = new Promise<void>((resolve) => (onProgress = () => sent === REQUESTS && resolve()));
  const answers = Array.from(
    { length: REQUESTS },
    (_, request) =>
      new Promise<Answer>((resolve) => {
        const body = JSON.stringify({
          events: Array.from({ length: EVENTS }, (_, e) => ({
            trigger: trigger.key,
            messageId: `r${request}-e${e}`,
            authId: `c-${e}`,
            attributes: { total: e, order: `o-${request}-${e}` },
          })),
        });
        const req = http.request(`${url}/v1/events`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-flare-key': key } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            answered += 1;
            onProgress();
            try {
              resolve({ request, status: res.statusCode!, body: JSON.parse(text) });
            } catch {
              resolve({ request, failure: `incomplete body (${res.statusCode}): ${text.slice(0, 80)}` });
            }
          });
          res.on('error', (error) => resolve({ request, failure: `response: ${error.message}` }));
        });
        req.on('error', (error: NodeJS.ErrnoException) => resolve({ request, failure: `${error.code ?? ''} ${error.message}` }));
        req.end(body, () => {
          sent += 1;
          onProgress();
        });
      }),
  );
  await progress;
  expect(answered, 'SIGTERM must come while most requests are still in flight').toBeLessThan(REQUESTS / 2);
  run.child.kill('SIGTERM');
  const results = await Promise.all(answers);
  expect(await run.exited, run.output()).toBe(0);

  const db = new pg.Client({ connectionString: own.url });
  db.on('error', () => undefined);
  await db.connect();
  cleanups.push(() => db.end());
  // The events sent (contact_created events Flare raises for the customers they create carry no messageId).
  const { rows } = await db.query<{ request: string; n: string }>(
    `SELECT split_part(message_id, '-', 1) AS request, count(*) AS n FROM trigger_events WHERE message_id IS NOT NULL GROUP BY 1`,
  );
  const stored = new Map(rows.map((r) => [Number(r.request.slice(1)), Number(r.n)]));
  return { results, stored, output: run.output() };
}

function expectEveryRequestAnsweredTruthfully({ results, stored }: Awaited<ReturnType<typeof ingestThroughShutdown>>) {
  expect(
    results.filter((a) => 'failure' in a),
    'requests without a complete HTTP response',
  ).toEqual([]);
  const complete = results as Extract<Answer, { status: number }>[];
  for (const a of complete) {
    expect([202, 503], JSON.stringify(a.body)).toContain(a.status);
    if (a.status === 202) expect(a.body.accepted).toBe(EVENTS);
    else expect(a.body.error.code).toBe('UNAVAILABLE');
    // Acknowledged: all of it stored. Refused: none of it stored.
    expect({ request: a.request, stored: stored.get(a.request) ?? 0 }).toEqual({ request: a.request, stored: a.status === 202 ? EVENTS : 0 });
  }
  return complete;
}

describe('SIGTERM under ingestion load', () => {
  it('answers every request it received before closing its connection, and stores exactly what it acknowledged', { timeout: 120_000 }, async () => {
    const outcome = await ingestThroughShutdown({ SHUTDOWN_GRACE_MS: '20000' });
    const complete = expectEveryRequestAnsweredTruthfully(outcome);
    // Well within the grace period: every request received is written and acknowledged, none turned away.
    expect(complete.filter((a) => a.status !== 202)).toEqual([]);
  });

  it('when the grace period runs out, answers what is still queued with 503 (nothing stored) and still drops nothing', { timeout: 120_000 }, async () => {
    const outcome = await ingestThroughShutdown({ SHUTDOWN_GRACE_MS: '200' });
    const complete = expectEveryRequestAnsweredTruthfully(outcome);
    expect(complete.some((a) => a.status === 503)).toBe(true);
    expect(outcome.output).toMatch(/"msg":"shutdown grace period over/);
  });
});
