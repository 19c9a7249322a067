import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../../test/harness.js';
import { startMain, type Started } from '../../test/process.js';

const LIMIT = 20;
/** One unsynced request per other process, plus what the sliding window frees during the (real-time) run. */
const SLACK = 2;

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
const running: Started[] = [];
beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await Promise.all(running.map((p) => p.exited));
  await scratch.drop();
});

const env = (extra: Record<string, string>) => ({
  DATABASE_URL: scratch.url,
  PORT: '0',
  LOG_LEVEL: 'info',
  NODE_ENV: 'production',
  RATE_LIMIT_PER_MINUTE: String(LIMIT),
  ...extra,
});

async function gql(url: string, query: string, headers: Record<string, string>, variables?: Record<string, unknown>) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe('two API processes on one database', () => {
  it(`accept at most ${LIMIT} + ${SLACK} requests of one key per minute between them, not twice the limit`, async () => {
    const first = startMain(env({ FLARE_SEED_DEMO: 'true' }));
    running.push(first);
    const [, email, password] = await first.waitFor(/email:\s+(\S+)\n\s+password:\s+(\S+)/);
    const [, urlA] = await first.waitFor(/"listening":"(http:\/\/[^"]+)"/);
    const second = startMain(env({ FLARE_SEED_DEMO: 'false' }));
    running.push(second);
    const [, urlB] = await second.waitFor(/"listening":"(http:\/\/[^"]+)"/);

    const signIn = await gql(urlA, 'mutation($i: SignInInput!) { signIn(input: $i) { user { id } } }', {}, { i: { email, password } });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const created = await gql(urlA, 'mutation { createApiKey(input: { label: "hammer", scopes: [TRIGGERS_READ] }) { secret } }', { cookie, origin: 'http://localhost:0' });
    const key = created.body.data?.createApiKey.secret as string;
    expect(key, JSON.stringify(created.body)).toMatch(/^flr_/);

    const statuses = await Promise.all(
      [urlA, urlB].flatMap((url) => Array.from({ length: 2 * LIMIT }, async () => (await gql(url, '{ viewer { kind } }', { authorization: `Bearer ${key}` })).status)),
    );
    const accepted = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(accepted).toBeGreaterThanOrEqual(LIMIT);
    expect(accepted).toBeLessThanOrEqual(LIMIT + SLACK);

    // Both stop cleanly: the exchange loop ends with the server.
    for (const p of [first, second]) p.child.kill('SIGTERM');
    expect(await first.exited, first.output()).toBe(0);
    expect(await second.exited, second.output()).toBe(0);
  });
});
