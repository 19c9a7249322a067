import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../db/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres.js';
import { readPostmasterLock } from '../db/postmaster.js';
import { createLogger } from './logger.js';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey } from '../../test/ingestion.js';
import { collect, rawWsAttempt, wsClient } from '../../test/ws.js';

/**
 * A Postgres of its own that the test stops, freezes (SIGSTOP) and brings back, under a real server:
 * every transport must answer "unavailable, retry later" quickly, and recover by itself.
 */
const logger = createLogger(process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent');
let root = '';
let dataDir = '';
let port = 0;
let db: EmbeddedDatabase | null = null;
let frozen: number[] = [];
let t: TestServer;
let admin: GqlClient;
let ingestionKey = '';

/** The postmaster and every backend it forked: SIGSTOP on all of them is a database that accepts TCP and never answers. */
async function clusterPids(): Promise<number[]> {
  const lock = await readPostmasterLock(dataDir);
  if (!lock?.pid) return [];
  const children: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid …: comm may hold spaces, so split after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === lock.pid) children.push(Number(entry));
  }
  return [lock.pid, ...children];
}

async function freeze() {
  frozen = await clusterPids();
  for (const pid of frozen) process.kill(pid, 'SIGSTOP');
}

function thaw() {
  for (const pid of frozen) {
    try {
      process.kill(pid, 'SIGCONT');
    } catch {
      // already gone
    }
  }
  frozen = [];
}

/** A port nobody listens on now (the kernel's pick), so the scratch Postgres does not collide with anything. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}

async function startDatabase() {
  db = await startEmbeddedPostgres({ dataDir, port, logger });
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'flare-outage-pg-'));
  await fs.chmod(root, 0o755);
  dataDir = path.join(root, 'data');
  port = await freePort();
  await startDatabase();
  const migrator = createDataSource(db!.url, logger, 2);
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
  t = await startTestServer({ databaseUrl: db!.url, env: { DB_CONNECT_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '1500', READINESS_TIMEOUT_MS: '1000' } });
  const workspace = await createWorkspace(t);
  admin = await GqlClient.signedIn(t, workspace.admin, workspace.id);
  ingestionKey = (await createIngestionKey(admin)).secret;
}, 120_000);

afterAll(async () => {
  thaw();
  await Promise.race([t?.close(), new Promise((r) => setTimeout(r, 10_000))]).catch(() => undefined);
  await db?.stop().catch(() => undefined);
  if (root) await fs.rm(root, { recursive: true, force: true });
}, 60_000);

const VIEWER = '{ viewer { user { id } } }';

/** Generous bound that proves "answers rather than hangs"; the request itself says how fast. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

async function readyz() {
  const res = await fetch(`${t.url}/readyz`);
  return { status: res.status, body: await res.json() };
}

async function postEvent() {
  const res = await fetch(`${t.url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-flare-key': ingestionKey },
    body: JSON.stringify({ trigger: 'order_placed', messageId: `m-${Math.random()}` }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** A new graphql-ws connection; resolves when it closes, or after `waitMs` with closeCode -1 while still open. */
function newSocket(waitMs = 15_000) {
  return rawWsAttempt(t.wsUrl, {}, 'subscription { auditEntryAppended { id } }', { headers: { cookie: admin.cookie!, origin: 'http://localhost:4000' }, waitMs });
}

async function expectUnavailable() {
  const graphql = await timed(() => admin.request(VIEWER));
  expect(graphql.value.status, JSON.stringify(graphql.value.body)).toBe(503);
  expect(graphql.value.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(graphql.value.body.errors?.[0].extensions).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: expect.any(Number) });
  expect(graphql.ms).toBeLessThan(15_000);

  // A public operation reaches its resolver, whose failure formatError maps (not the route's error handler).
  const signIn = await timed(() => new GqlClient(t).request('mutation { signIn(input: { email: "nobody@example.com", password: "not-the-password" }) { user { id } } }'));
  expect(signIn.value.status, JSON.stringify(signIn.value.body)).toBe(503);
  expect(signIn.value.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(signIn.value.body.errors?.[0].extensions.code).toBe('UNAVAILABLE');
  expect(signIn.ms).toBeLessThan(15_000);

  const events = await timed(postEvent);
  expect(events.value.status, JSON.stringify(events.value.body)).toBe(503);
  expect(events.value.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(events.value.body.error.code).toBe('UNAVAILABLE');
  expect(events.ms).toBeLessThan(15_000);

  const socket = await newSocket();
  expect(socket.closeCode, JSON.stringify(socket)).toBe(1013);
}

async function expectRecovered() {
  // Pools drop broken connections as they notice; a few seconds of retries is what a client would do too.
  const deadline = Date.now() + 20_000;
  let last: unknown = null;
  while (Date.now() < deadline) {
    const ready = await readyz();
    const res = await admin.request(VIEWER);
    if (ready.status === 200 && res.status === 200 && res.body.data) break;
    last = { ready, res: res.body };
    await new Promise((r) => setTimeout(r, 250));
  }
  expect((await readyz()).status, JSON.stringify(last)).toBe(200);
  expect((await admin.request(VIEWER)).body.data?.viewer.user.id).toEqual(expect.any(String));
  expect((await postEvent()).status).toBe(202);
  const socket = await newSocket(1_500);
  expect(socket.closeCode).toBe(-1); // still open: connection_ack and a running subscription
  expect(socket.messages[0]?.type).toBe('connection_ack');
}

describe('during a Postgres outage', () => {
  it('works before the outage', async () => {
    expect((await readyz()).status).toBe(200);
    expect((await admin.request(VIEWER)).status).toBe(200);
    expect((await postEvent()).status).toBe(202);
  });

  it('a frozen database (SIGSTOP): /readyz answers 503 within 2 s, requests are answered UNAVAILABLE instead of hanging', async () => {
    await freeze();
    try {
      const ready = await timed(readyz);
      expect(ready.value.status).toBe(503);
      expect(ready.value.body).toMatchObject({ status: 'unavailable', database: 'down' });
      expect(ready.ms).toBeLessThan(2_000);
      await expectUnavailable();
    } finally {
      thaw();
    }
    await expectRecovered();
  }, 90_000);

  it('a stopped database: GraphQL and ingestion answer 503 with Retry-After, new WebSockets close with 1013; all recover after a restart', async () => {
    const open = wsClient(t.wsUrl, {}, { cookie: admin.cookie!, origin: 'http://localhost:4000' });
    await collect(open, VIEWER).first(1);
    await db!.stop();
    db = null;
    // An operation on a socket opened before the outage: UNAVAILABLE, like HTTP.
    const during = collect(open, VIEWER);
    await during.first(1).catch(() => undefined);
    const errors = (during.error as { extensions?: Record<string, unknown> }[] | null) ?? during.results[0]?.errors;
    expect(errors?.[0]?.extensions, JSON.stringify(during.error ?? during.results)).toMatchObject({ code: 'UNAVAILABLE' });
    await open.dispose();
    const ready = await timed(readyz);
    expect(ready.value.status).toBe(503);
    expect(ready.ms).toBeLessThan(2_000);
    await expectUnavailable();
    await startDatabase();
    await expectRecovered();
  }, 120_000);
});
