import { randomUUID } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { FakeClock } from '../../test/clock.js';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import type { Logger } from './logger.js';
import { RateLimitSync } from './rate-limit.sync.js';

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`;
const BUDGET = 3;

/** A client address of its own: the server trusts X-Forwarded-For from loopback (a proxy in front). */
const newAddress = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
const unknownKey = () => `flr_${randomUUID().replace(/-/g, '').slice(0, 8)}_${randomUUID().replace(/-/g, '')}`;

async function gql(url: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

/** Opens a graphql-ws connection with `params` and reports how the server closed it (or -1 if it acknowledged). */
function wsInit(url: string, params: Record<string, unknown>, address: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { headers: { 'x-forwarded-for': address } });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: params })));
    let acked = false;
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString('utf8')) as { type: string }).type !== 'connection_ack') return;
      acked = true;
      socket.close();
    });
    socket.on('close', (code, reason) => resolve({ code: acked ? -1 : code, reason: String(reason) }));
  });
}

describe('failed authentication is limited per client address', () => {
  let t: TestServer;
  let key: string;
  let user: { email: string; password: string };
  beforeAll(async () => {
    t = await startTestServer({ env: { AUTH_FAILURES_PER_MINUTE: String(BUDGET) } });
    const ws = await createWorkspace(t);
    user = ws.admin;
    const admin = await GqlClient.signedIn(t, ws.admin);
    key = (await admin.data(CREATE_KEY, { input: { label: 'partner', scopes: ['TRIGGERS_READ'] } })).createApiKey.secret;
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After to unknown or malformed API keys once the budget is spent, before touching the database', async () => {
    const address = newAddress();
    const headers = (bearer: string) => ({ authorization: `Bearer ${bearer}`, 'x-forwarded-for': address });
    const statuses: number[] = [];
    for (const bearer of [unknownKey(), 'not-a-key', unknownKey()]) statuses.push((await gql(t.graphqlUrl, { query: '{ viewer { kind } }' }, headers(bearer))).status);
    expect(statuses).toEqual([401, 401, 401]);
    const before = t.queries.count;
    const refused = await gql(t.graphqlUrl, { query: '{ viewer { kind } }' }, headers(key));
    expect(t.queries.count).toBe(before);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_FAILED_AUTHENTICATIONS' });

    // A legitimate client elsewhere is unaffected.
    const other = await gql(t.graphqlUrl, { query: '{ viewer { kind } }' }, { authorization: `Bearer ${key}`, 'x-forwarded-for': newAddress() });
    expect(other.body.data.viewer.kind).toBe('API_KEY');
  });

  it('counts bad passwords on signIn', async () => {
    const address = newAddress();
    for (let i = 0; i < BUDGET; i += 1) {
      const res = await gql(t.graphqlUrl, { query: SIGN_IN, variables: { input: { email: user.email, password: 'wrong-password' } } }, { 'x-forwarded-for': address });
      expect(res.body.errors[0].extensions.reason).toBe('INVALID_CREDENTIALS');
    }
    const refused = await gql(t.graphqlUrl, { query: SIGN_IN, variables: { input: { email: user.email, password: user.password } } }, { 'x-forwarded-for': address });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_FAILED_AUTHENTICATIONS' });
    const elsewhere = await gql(t.graphqlUrl, { query: SIGN_IN, variables: { input: { email: user.email, password: user.password } } }, { 'x-forwarded-for': newAddress() });
    expect(elsewhere.body.data.signIn.user.id).toBeTruthy();
  });

  it('counts unknown keys in WebSocket connectionParams and then refuses the connection with 4429', async () => {
    const address = newAddress();
    for (let i = 0; i < BUDGET; i += 1) expect((await wsInit(t.wsUrl, { authorization: `Bearer ${unknownKey()}` }, address)).code).toBe(4403);
    const refused = await wsInit(t.wsUrl, { authorization: `Bearer ${key}` }, address);
    expect(refused.code).toBe(4429);
    expect(refused.reason).toMatch(/retry after \d+ s/i);
    expect((await wsInit(t.wsUrl, { authorization: `Bearer ${key}` }, newAddress())).code).toBe(-1);
  });

  it('counts unknown and malformed ingestion keys on POST /v1/events', async () => {
    const address = newAddress();
    const admin = await GqlClient.signedIn(t, (await createWorkspace(t)).admin);
    const good = await createIngestionKey(admin);
    const event = { trigger: 'order_placed', messageId: randomUUID() };
    const statuses: number[] = [];
    for (const presented of ['fik_nope', `fik_${'a'.repeat(8)}_${'b'.repeat(40)}`, 'garbage'])
      statuses.push((await postEvents(t, presented, event, { 'x-forwarded-for': address })).status);
    expect(statuses).toEqual([401, 401, 401]);
    const refused = await postEvents(t, good.secret, event, { 'x-forwarded-for': address });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.error.code).toBe('TOO_MANY_FAILED_AUTHENTICATIONS');
    expect((await postEvents(t, good.secret, event, { 'x-forwarded-for': newAddress() })).status).toBe(202);
  });
});

describe('rate limits hold across server processes sharing one database', () => {
  const LIMIT = 20;
  /** Stated slack: each other process may accept one unsynced request per key beyond the global count. */
  const SLACK = 1;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const clock = new FakeClock();
    const scope = `shared-${randomUUID()}`;
    const env = { RATE_LIMIT_PER_MINUTE: String(LIMIT), AUTH_FAILURES_PER_MINUTE: String(LIMIT), INGEST_RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    a = await startTestServer({ clock, env, rateLimitScope: scope });
    b = await startTestServer({ clock, env, rateLimitScope: scope });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const hammer = async (send: (t: TestServer) => Promise<number>, perServer: number) => {
    const statuses = await Promise.all([a, b].flatMap((t) => Array.from({ length: perServer }, () => send(t))));
    return { accepted: statuses.filter((s) => s < 400).length, limited: statuses.filter((s) => s === 429).length };
  };

  it('GraphQL requests per credential', async () => {
    const limitedAdmin = await GqlClient.signedIn(a, (await createWorkspace(a)).admin);
    const key = (await limitedAdmin.data(CREATE_KEY, { input: { label: 'hammer', scopes: ['TRIGGERS_READ'] } })).createApiKey.secret;
    const { accepted, limited } = await hammer(async (t) => (await gql(t.graphqlUrl, { query: '{ viewer { kind } }' }, { authorization: `Bearer ${key}` })).status, 2 * LIMIT);
    expect(accepted).toBeGreaterThanOrEqual(LIMIT);
    expect(accepted).toBeLessThanOrEqual(LIMIT + SLACK);
    expect(limited).toBe(4 * LIMIT - accepted);
  });

  it('events per ingestion key', async () => {
    const admin = await GqlClient.signedIn(a, (await createWorkspace(a)).admin);
    const ingestionKey = await createIngestionKey(admin);
    const { accepted } = await hammer(async (t) => (await postEvents(t, ingestionKey.secret, { trigger: 'order_placed', messageId: randomUUID() })).status, 2 * LIMIT);
    expect(accepted).toBeGreaterThanOrEqual(LIMIT);
    expect(accepted).toBeLessThanOrEqual(LIMIT + SLACK);
  });

  it('failed authentications per client address', async () => {
    const address = newAddress();
    const { accepted, limited } = await hammer(
      async (t) => (await gql(t.graphqlUrl, { query: '{ viewer { kind } }' }, { authorization: `Bearer ${unknownKey()}`, 'x-forwarded-for': address })).status,
      2 * LIMIT,
    );
    // accepted = answered 401 (a real lookup happened); the rest were refused before the database.
    const looked = 4 * LIMIT - limited;
    expect(accepted).toBe(0);
    expect(looked).toBeGreaterThanOrEqual(LIMIT);
    expect(looked).toBeLessThanOrEqual(LIMIT + SLACK);
  });
});

/** A TCP hop in front of Postgres that can drop every connection and refuse new ones, then recover. */
async function outageProxy(target: URL) {
  let down = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    down() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    up() {
      down = false;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('a database hiccup', () => {
  it('leaves each process limiting on its own counts, says so in the log, and shares again once the database answers', async () => {
    const proxy = await outageProxy(new URL(inject('databaseUrl')));
    const pool = new pg.Pool({ connectionString: proxy.url, max: 2, connectionTimeoutMillis: 500 });
    pool.on('error', () => undefined);
    const logged: { level: string; message: string }[] = [];
    const logger: Logger = {
      debug: () => undefined,
      info: (message) => logged.push({ level: 'info', message }),
      warn: (message) => logged.push({ level: 'warn', message }),
      error: (message) => logged.push({ level: 'error', message }),
      child: () => logger,
    };
    const scope = `hiccup-${randomUUID()}`;
    const sync = new RateLimitSync({ pool, logger, clock: new FakeClock(), scope, intervalMs: 20 });
    const limiter = sync.limiter({ name: 'test', limit: 5, periodMs: 60_000 });
    sync.start();
    try {
      expect((await limiter.take('k')).ok).toBe(true);
      const stored = async () => (await pool.query('SELECT coalesce(sum(hits), 0)::int AS hits FROM rate_limit_counters WHERE key LIKE $1', [`${scope}/%`])).rows[0].hits as number;
      while ((await stored()) < 1) await new Promise((r) => setTimeout(r, 10));
      proxy.down();
      // The first exchange that fails turns the limiter to its own counts; it still enforces the limit on them.
      const decisions = [];
      for (let i = 0; i < 6; i += 1) decisions.push((await limiter.take('k')).ok);
      expect(decisions).toEqual([true, true, true, true, false, false]);
      expect(sync.shared).toBe(false);
      await until(() => logged.filter((l) => l.level === 'warn').length > 0);
      await new Promise((r) => setTimeout(r, 100));
      expect(logged.filter((l) => l.level === 'warn')).toHaveLength(1);
      proxy.up();
      await until(() => logged.some((l) => l.level === 'info' && /shared across processes again/.test(l.message)));
      expect(sync.shared).toBe(true);
      // The hits accepted during the outage reached the database with the first exchange after it.
      expect(await stored()).toBe(5);
    } finally {
      await sync.stop();
      await pool.end();
      await proxy.close();
    }
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
