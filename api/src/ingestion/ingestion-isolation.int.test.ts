import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { createTrigger } from '../../test/triggers.js';
import { CUT_MARKER, MAX_EVENT_DEPTH } from './event-text.rules.js';
import { loseConnectionDuringWrite, until } from '../../test/db-faults.js';

/**
 * One bad event must never fail anyone else's: text PostgreSQL cannot store, nesting too deep to serialise, or
 * any other event the database refuses, while other requests (of other workspaces) share the same flush.
 */

async function setup(t: TestServer) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const trigger = await createTrigger(admin, { identity: 'PROFILE' });
  const key = await createIngestionKey(admin);
  return { ws, admin, trigger, key };
}
const valid = (key: string, over: Record<string, unknown> = {}) => ({ trigger: key, authId: 'contact-1', attributes: { total: 99.5, order: 'o-1' }, ...over });
/** Arrays nested `levels` deep around "x", as JSON text: JSON.stringify itself overflows the stack on such values. */
const deepJson = (levels: number) => `${'['.repeat(levels)}"x"${']'.repeat(levels)}`;
const nested = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : [nested(levels - 1, leaf)]);
/** A body of events given as JSON texts. */
const body = (events: string[]) => `{"events":[${events.join(',')}]}`;
const EVENT_LOG = `query($id: ID!, $accepted: Boolean) { triggerEventLog(triggerId: $id, first: 50, accepted: $accepted) { totalCount nodes { accepted messageId reasons { code field message } payload } } }`;

describe('events PostgreSQL cannot store as sent', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { INGEST_RATE_LIMIT_PER_MINUTE: '1000000' } });
  });
  afterAll(() => t.close());

  const poisons = [
    {
      kind: 'NUL in an attribute value',
      event: (k: string) => JSON.stringify(valid(k, { attributes: { total: 1, order: 'o-1', coupon: 'SAVE\u000010' } })),
      code: 'INVALID_TEXT',
      field: 'attributes.coupon',
      stored: { total: 1, order: 'o-1', coupon: 'SAVE\uFFFD10' },
    },
    {
      kind: 'NUL in an attribute key',
      event: (k: string) => JSON.stringify(valid(k, { attributes: { total: 1, order: 'o-1', 'cou\u0000pon': 'x' } })),
      code: 'INVALID_TEXT',
      field: 'attributes["cou\uFFFDpon"]',
      stored: { total: 1, order: 'o-1', 'cou\uFFFDpon': 'x' },
    },
    {
      kind: 'a lone surrogate',
      event: (k: string) => `{"trigger":"${k}","authId":"contact-1","attributes":{"total":1,"order":"o-1","coupon":"A\\ud800"}}`,
      code: 'INVALID_TEXT',
      field: 'attributes.coupon',
      stored: { total: 1, order: 'o-1', coupon: 'A\uFFFD' },
    },
    {
      kind: 'nesting 5,000 levels deep',
      event: (k: string) => `{"trigger":"${k}","authId":"contact-1","attributes":{"total":1,"order":"o-1","coupon":${deepJson(5_000)}}}`,
      code: 'TOO_DEEP',
      field: `attributes.coupon${'[0]'.repeat(MAX_EVENT_DEPTH - 2)}`,
      stored: { total: 1, order: 'o-1', coupon: nested(MAX_EVENT_DEPTH - 2, CUT_MARKER) },
    },
  ];

  for (const poison of poisons) {
    it(`rejects an event with ${poison.kind}, accepts the others of the request and stores it sanitised`, async () => {
      const { admin, trigger, key } = await setup(t);
      const res = await postEvents(t, key.secret, body([JSON.stringify(valid(trigger.key)), poison.event(trigger.key), JSON.stringify(valid(trigger.key))]));
      expect(res.status).toBe(202);
      expect(res.body.results.map((r: any) => r.status)).toEqual(['ACCEPTED', 'REJECTED', 'ACCEPTED']);
      expect(res.body.results[1].reasons.map((r: any) => [r.code, r.field])).toEqual([[poison.code, poison.field]]);
      // The event debugger shows it: rejected, with the reason and what could be kept.
      const log = (await admin.data(EVENT_LOG, { id: trigger.id, accepted: false })).triggerEventLog;
      expect(log.totalCount).toBe(1);
      expect(log.nodes[0].reasons.map((r: any) => r.code)).toEqual([poison.code]);
      expect(log.nodes[0].payload.attributes).toEqual(poison.stored);
      expect((await admin.data(EVENT_LOG, { id: trigger.id, accepted: true })).triggerEventLog.totalCount).toBe(2);
    });
  }

  it('checks every string: trigger key, authId, contact points, messageId; a NUL messageId still deduplicates retries', async () => {
    const { admin, trigger, key } = await setup(t);
    const events = [
      valid(`${trigger.key}\u0000`),
      valid(trigger.key, { authId: 'contact\u0000-1' }),
      valid(trigger.key, { contactpoint_email: 'ada\u0000@example.com' }),
      valid(trigger.key, { messageId: 'm-\u0000-1' }),
      valid(trigger.key, { messageId: 'm-\uFFFD-2' }),
    ];
    const res = await postEvents(t, key.secret, { events });
    expect(res.status).toBe(202);
    expect(res.body.results.map((r: any) => [r.status, r.reasons.map((x: any) => `${x.code}:${x.field}`).join()])).toEqual([
      ['REJECTED', 'INVALID_TEXT:trigger'],
      ['REJECTED', 'INVALID_TEXT:authId'],
      ['REJECTED', 'INVALID_TEXT:contactpoint_email'],
      ['REJECTED', 'INVALID_TEXT:messageId'],
      ['ACCEPTED', ''],
    ]);
    // The sender gets its messageId back as sent; a retry is a duplicate of the stored rejection.
    expect(res.body.results[3].messageId).toBe('m-\u0000-1');
    const retry = await postEvents(t, key.secret, events[3]);
    expect(retry.body.results[0]).toMatchObject({ status: 'REJECTED', duplicate: true, messageId: 'm-\u0000-1', reasons: [{ code: 'INVALID_TEXT' }] });
    const rows = await t.dataSource.query(
      `SELECT trigger_key, auth_id, contactpoint_email, message_id, accepted FROM trigger_events WHERE workspace_id = (SELECT workspace_id FROM triggers WHERE id = $1) ORDER BY id`,
      [trigger.id],
    );
    expect(rows).toEqual([
      { trigger_key: `${trigger.key}\uFFFD`, auth_id: 'contact-1', contactpoint_email: null, message_id: null, accepted: false },
      { trigger_key: trigger.key, auth_id: 'contact\uFFFD-1', contactpoint_email: null, message_id: null, accepted: false },
      { trigger_key: trigger.key, auth_id: 'contact-1', contactpoint_email: 'ada\uFFFD@example.com', message_id: null, accepted: false },
      { trigger_key: trigger.key, auth_id: 'contact-1', contactpoint_email: null, message_id: 'm-\uFFFD-1', accepted: false },
      { trigger_key: trigger.key, auth_id: 'contact-1', contactpoint_email: null, message_id: 'm-\uFFFD-2', accepted: true },
    ]);
    expect((await admin.data(EVENT_LOG, { id: trigger.id, accepted: false })).triggerEventLog.totalCount).toBe(3);
  });

  it('never cuts an emoji in half when it shortens a stored column (trigger key, authId)', async () => {
    const { trigger, key } = await setup(t);
    // 200 code points (allowed) but 399 UTF-16 units: the stored column keeps 320 units, which ends mid-emoji.
    const authId = `a${'😀'.repeat(199)}`;
    const res = await postEvents(t, key.secret, { events: [valid(trigger.key, { authId }), valid(`${'a'.repeat(63)}😀`)] });
    expect(res.body.results.map((r: any) => [r.status, r.reasons.map((x: any) => x.code).join()])).toEqual([
      ['ACCEPTED', ''],
      ['REJECTED', 'MISSING_TRIGGER'],
    ]);
    const rows = await t.dataSource.query(`SELECT trigger_key, auth_id FROM trigger_events WHERE workspace_id = (SELECT workspace_id FROM triggers WHERE id = $1) ORDER BY id`, [
      trigger.id,
    ]);
    expect(rows).toEqual([
      { trigger_key: trigger.key, auth_id: `a${'😀'.repeat(159)}` },
      { trigger_key: 'a'.repeat(63), auth_id: 'contact-1' },
    ]);
  });

  it('a workspace sending poison in a loop never fails another workspace’s concurrent events', async () => {
    const poisoner = await setup(t);
    const victim = await setup(t);
    const poisonBody = (i: number) => body([poisons[i % poisons.length].event(poisoner.trigger.key), JSON.stringify(valid(poisoner.trigger.key))]);
    const victimBody = (round: number, i: number) => ({ events: Array.from({ length: 5 }, (_, j) => valid(victim.trigger.key, { messageId: `v-${round}-${i}-${j}` })) });
    const victims: { status: number; body: any }[] = [];
    const poisoned: { status: number; body: any }[] = [];
    for (let round = 0; round < 5; round += 1) {
      await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          if (i % 3 === 0) victims.push(await postEvents(t, victim.key.secret, victimBody(round, i)));
          else poisoned.push(await postEvents(t, poisoner.key.secret, poisonBody(i)));
        }),
      );
    }
    expect(victims.filter((r) => r.status !== 202 || r.body.accepted !== 5)).toEqual([]);
    const [{ n }] = await t.dataSource.query(`SELECT count(DISTINCT message_id)::int AS n FROM trigger_events WHERE trigger_id = $1 AND accepted`, [victim.trigger.id]);
    expect(n).toBe(victims.length * 5);
    // The poisoner is answered too, with its valid events accepted.
    expect(poisoned.filter((r) => r.status !== 202 || r.body.accepted !== 1 || r.body.rejected !== 1)).toEqual([]);
  });
});

describe('a flush the database refuses for another reason', () => {
  let t: TestServer;
  let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;
  beforeAll(async () => {
    // A database of its own with a constraint the ingestion checks know nothing about: the write of any event
    // with authId "refuse-me" fails in PostgreSQL, like an unforeseen data error would.
    scratch = await createMigratedScratchDatabase(`ALTER TABLE trigger_events ADD CONSTRAINT test_refuse_me CHECK (auth_id IS DISTINCT FROM 'refuse-me')`);
    t = await startTestServer({ databaseUrl: scratch.url, env: { INGEST_RATE_LIMIT_PER_MINUTE: '1000000' } });
  });
  afterAll(async () => {
    await t.close();
    await scratch.drop();
  });

  /** Holds the pipeline's next flush (its key lookup waits on a table lock) while requests queue behind it. */
  async function withFlushHeld<T>(plug: () => Promise<unknown>, queue: () => Promise<T>[]): Promise<{ plugged: unknown; results: T[] }> {
    const lock = new pg.Client({ connectionString: scratch.url });
    await lock.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE ingestion_keys IN ACCESS EXCLUSIVE MODE');
      const plugged = plug();
      await until(
        async () => (await lock.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].n === 1,
      );
      const pending = queue();
      await until(async () => t.server.services.pipeline.queued === pending.length);
      await lock.query('COMMIT');
      return { plugged: await plugged, results: await Promise.all(pending) };
    } finally {
      await lock.end();
    }
  }

  it('isolates the refused event by bisection: everyone else in the same flush commits, it alone is rejected', async () => {
    const a = await setup(t);
    const b = await setup(t);
    const request = (who: typeof a, i: number, authId = 'contact-1') =>
      postEvents(t, who.key.secret, {
        events: [valid(who.trigger.key, { messageId: `${i}-x` }), valid(who.trigger.key, { messageId: `${i}-y`, authId }), valid(who.trigger.key, { messageId: `${i}-z` })],
      });
    const { results } = await withFlushHeld(
      () => postEvents(t, a.key.secret, valid(a.trigger.key, { messageId: 'plug' })),
      () => Array.from({ length: 20 }, (_, i) => request(i % 2 ? a : b, i, i === 7 ? 'refuse-me' : 'contact-1')),
    );
    // All 20 requests were written by one flush; the one refused event is found and rejected alone.
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
    expect(results.filter((_, i) => i !== 7).map((r) => r.body.accepted)).toEqual(Array(19).fill(3));
    expect(results[7].body.results.map((r: any) => [r.status, r.reasons.map((x: any) => x.code).join()])).toEqual([
      ['ACCEPTED', ''],
      ['REJECTED', 'STORE_FAILED'],
      ['ACCEPTED', ''],
    ]);
    const counts = await t.dataSource.query(
      `SELECT trigger_id, count(*) FILTER (WHERE accepted)::int AS ok, count(*) FILTER (WHERE NOT accepted)::int AS refused FROM trigger_events GROUP BY trigger_id`,
    );
    expect(Object.fromEntries(counts.map((c: any) => [c.trigger_id, [c.ok, c.refused]]))).toEqual({ [a.trigger.id]: [1 + 29, 1], [b.trigger.id]: [30, 0] });
    // What could be kept is stored as a rejection the debugger shows; a retry is answered the same way.
    const log = (await a.admin.data(EVENT_LOG, { id: a.trigger.id, accepted: false })).triggerEventLog;
    expect(log.nodes).toMatchObject([{ messageId: '7-y', reasons: [{ code: 'STORE_FAILED' }] }]);
    const retry = await request(a, 7, 'refuse-me');
    expect(retry.body.results.map((r: any) => [r.status, r.duplicate])).toEqual([
      ['ACCEPTED', true],
      ['REJECTED', true],
      ['ACCEPTED', true],
    ]);
  });

  it('answers 503 with Retry-After when the connection is lost mid-write, refusing no event; the retry stores them', async () => {
    const { trigger, key } = await setup(t);
    const events = { events: ['l-1', 'l-2', 'l-3'].map((messageId) => valid(trigger.key, { messageId })) };
    const lost = await loseConnectionDuringWrite(scratch.url, 'trigger_events', () => postEvents(t, key.secret, events));
    expect(lost).toMatchObject({ status: 503, body: { error: { code: 'UNAVAILABLE' } } });
    expect(Number(lost.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await t.dataSource.query('SELECT 1 FROM trigger_events WHERE trigger_id = $1', [trigger.id])).toEqual([]);
    const retried = await postEvents(t, key.secret, events);
    expect(retried).toMatchObject({ status: 202, body: { accepted: 3, duplicates: 0 } });
  });
});

describe('a flush that meets a deadlock', () => {
  let t: TestServer;
  let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;
  beforeAll(async () => {
    // Writing an event with authId "deadlock-me" fails with SQLSTATE 40P01 while the sequence is below a limit the
    // test sets, as a deadlock with a journey executor moving the same runs would (a sequence survives the rollback).
    scratch = await createMigratedScratchDatabase(
      `CREATE SEQUENCE test_deadlock_seq`,
      `CREATE TABLE test_deadlock_limit (n bigint NOT NULL)`,
      `INSERT INTO test_deadlock_limit VALUES (0)`,
      `CREATE FUNCTION test_deadlock() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF NEW.auth_id = 'deadlock-me' AND nextval('test_deadlock_seq') <= (SELECT n FROM test_deadlock_limit) THEN
             RAISE EXCEPTION 'deadlock detected (simulated)' USING ERRCODE = '40P01';
           END IF;
           RETURN NEW;
         END $$`,
      `CREATE TRIGGER test_deadlock BEFORE INSERT ON trigger_events FOR EACH ROW EXECUTE FUNCTION test_deadlock()`,
    );
    t = await startTestServer({ databaseUrl: scratch.url });
  });
  afterAll(async () => {
    await t.close();
    await scratch.drop();
  });
  const deadlocks = async (n: number) => {
    await t.dataSource.query(`UPDATE test_deadlock_limit SET n = $1`, [n]);
    await t.dataSource.query(`SELECT setval('test_deadlock_seq', 1, false)`);
  };

  it('writes the batch again: a deadlock or two cost the sender nothing', async () => {
    const a = await setup(t);
    await deadlocks(2);
    const res = await postEvents(t, a.key.secret, { events: [valid(a.trigger.key, { messageId: 'd-1', authId: 'deadlock-me' }), valid(a.trigger.key, { messageId: 'd-2' })] });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 0 });
  });

  it('answers 503 with Retry-After when the deadlocks do not stop, and stores nothing', async () => {
    const a = await setup(t);
    await deadlocks(100);
    const res = await postEvents(t, a.key.secret, { events: [valid(a.trigger.key, { messageId: 'e-1', authId: 'deadlock-me' })] });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).not.toBeNull();
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM trigger_events WHERE message_id = 'e-1'`);
    expect(n).toBe(0);
  });
});
