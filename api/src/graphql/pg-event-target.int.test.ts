import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { createTrigger } from '../../test/triggers.js';
import { collect, wsClient } from '../../test/ws.js';
import { createDataSource } from '../db/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres.js';
import { createLogger } from '../ops/logger.js';
import { RESYNC_MARGIN_MS } from './resync.js';

const logger = createLogger(process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function migrate(url: string) {
  const dataSource = createDataSource(url, logger);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}

async function setup(t: TestServer) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const trigger = await createTrigger(admin);
  const key = await createIngestionKey(admin);
  const socket = wsClient(t.wsUrl, {}, { cookie: admin.cookie!, origin: 'http://localhost:4000' });
  cleanups.push(() => socket.dispose() as Promise<void>);
  return { admin, trigger, key, socket };
}
const valid = (key: string) => ({ trigger: key, authId: 'c-1', attributes: { total: 10, order: 'o-1' } });

/** Posts until the database answers again (the pool may hand out a connection that died with the outage). */
async function postUntilAccepted(t: TestServer, key: string, body: unknown) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = await postEvents(t, key, body).catch(() => null);
    if (res?.status === 202) return res;
    await sleep(100);
  }
  throw new Error('events were never accepted');
}

describe('notifications across a database outage', () => {
  it('a Ready-to-use transition committed right after Postgres comes back reaches a status subscriber', { timeout: 90_000 }, async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'flare-outage-'));
    await fs.chmod(root, 0o755);
    const dataDir = path.join(root, 'data');
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    let db: EmbeddedDatabase | null = await startEmbeddedPostgres({ dataDir, port, logger });
    cleanups.push(async () => {
      await db?.stop();
      await fs.rm(root, { recursive: true, force: true });
    });
    await migrate(db.url);
    const t = await startTestServer({ databaseUrl: db.url });
    cleanups.push(() => t.close());
    const { trigger, key, socket } = await setup(t);
    const stream = collect(socket, `subscription($id: ID!) { triggerVerification(triggerId: $id) { status validCount } }`, { id: trigger.id });
    await stream.first(1);
    expect(stream.results[0].data).toEqual({ triggerVerification: { status: 'AWAITING_FIRST_EVENT', validCount: 0 } });

    await db.stop();
    db = null;
    // Long enough for the old back-off (doubling to 10 s) to leave the listener away well after Postgres is back.
    await sleep(6_000);
    db = await startEmbeddedPostgres({ dataDir, port, logger });
    await postUntilAccepted(t, key.secret, valid(trigger.key));

    await expect.poll(() => stream.results.at(-1)?.data, { timeout: 5_000, interval: 100 }).toEqual({ triggerVerification: { status: 'READY_TO_USE', validCount: 1 } });
    expect(stream.error).toBeNull();
    stream.dispose();
  });

  it('what was committed while the listener was away is replayed when it is back: status, event stream, readiness and audit', { timeout: 60_000 }, async () => {
    const scratch = await createMigratedScratchDatabase();
    cleanups.push(() => scratch.drop());
    const t = await startTestServer({ databaseUrl: scratch.url });
    cleanups.push(() => t.close());
    const { trigger, key, socket } = await setup(t);
    const status = collect(socket, `subscription($id: ID!) { triggerVerification(triggerId: $id) { status validCount } }`, { id: trigger.id });
    const events = collect(socket, `subscription($id: ID!) { triggerEvents(triggerId: $id) { authId accepted } }`, { id: trigger.id });
    const readiness = collect(socket, `subscription { triggerReadiness { trigger { id status } } }`);
    const audit = collect(socket, `subscription { auditEntryAppended { action targetId } }`);
    await status.first(1);
    await postEvents(t, key.secret, { ...valid(trigger.key), authId: 'before', attributes: { total: 1 } }); // rejected: stays AWAITING
    await events.first(1);
    expect(events.results[0].data).toEqual({ triggerEvents: [{ authId: 'before', accepted: false }] });
    // Catch-up looks a little before the loss (RESYNC_MARGIN_MS); keep the workspace's creation (its catalog
    // triggers are born ready) out of that window so only the missed transition is replayed.
    await sleep(RESYNC_MARGIN_MS + 500);

    // Keep the listener away while the rest of the pool (already connected) still works: refuse new
    // connections to this database, then cut the listener's.
    const admin = new pg.Client({ connectionString: inject('databaseUrl') });
    admin.on('error', () => undefined);
    await admin.connect();
    cleanups.push(() => admin.end());
    const name = new URL(scratch.url).pathname.slice(1);
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    cleanups.push(() => admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`));
    const cut = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'flare-listener'`, [name]);
    expect(cut.rowCount).toBe(1);
    await sleep(300);
    const missed = await postEvents(t, key.secret, { ...valid(trigger.key), authId: 'missed' });
    expect(missed.status).toBe(202);
    await sleep(1_000);
    expect(status.results.at(-1)!.data).toEqual({ triggerVerification: { status: 'AWAITING_FIRST_EVENT', validCount: 0 } });

    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await expect.poll(() => status.results.at(-1)?.data, { timeout: 5_000, interval: 100 }).toEqual({ triggerVerification: { status: 'READY_TO_USE', validCount: 1 } });
    await expect
      .poll(() => events.results.flatMap((r) => r.data!.triggerEvents), { timeout: 5_000, interval: 100 })
      .toEqual([
        { authId: 'before', accepted: false },
        { authId: 'missed', accepted: true },
      ]);
    await expect
      .poll(() => readiness.results.map((r) => r.data), { timeout: 5_000, interval: 100 })
      .toEqual([{ triggerReadiness: { trigger: { id: trigger.id, status: 'READY_TO_USE' } } }]);
    await expect
      .poll(() => audit.results.map((r) => r.data!.auditEntryAppended).filter((e) => e.action === 'trigger.ready'), { timeout: 5_000, interval: 100 })
      .toEqual([{ action: 'trigger.ready', targetId: trigger.id }]);
    for (const s of [status, events, readiness, audit]) s.dispose();
  });
});
