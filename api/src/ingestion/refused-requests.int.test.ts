import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { postIdentify } from '../../test/identify.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { createTrigger } from '../../test/triggers.js';
import { poolOf } from '../db/data-source.js';
import { createLogger } from '../ops/logger.js';
import { RefusalLog, type RefusalEntry } from './refusal-log.js';

const SHOP = 'https://shop.example.com';
const EVIL = 'https://evil.example';
const clock = new FakeClock();
let t: TestServer;
let limited: TestServer;
beforeAll(async () => {
  [t, limited] = await Promise.all([startTestServer({ clock, env: { INGEST_RATE_LIMIT_PER_MINUTE: '100000' } }), startTestServer({ env: { INGEST_RATE_LIMIT_PER_MINUTE: '2' } })]);
});
afterAll(() => Promise.all([t.close(), limited.close()]));

async function setup(server = t) {
  const ws = await createWorkspace(server);
  const admin = await GqlClient.signedIn(server, ws.admin);
  const trigger = await createTrigger(admin, { identity: 'PROFILE' });
  const key = await createIngestionKey(admin, [SHOP]);
  return { ws, admin, trigger, key };
}
const event = (trigger: string) => ({ trigger, authId: 'profile-1', attributes: { total: 1, order: 'o-1' } });
const REFUSED = `query($triggerId: ID, $reason: String, $first: Int, $after: String) {
  refusedRequests(triggerId: $triggerId, reason: $reason, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id receivedAt endpoint reason message origin keyPrefix triggerKey triggerTitle items }
  }
}`;
const refused = async (admin: GqlClient, vars: Record<string, unknown> = {}) => (await admin.data(REFUSED, { first: 50, ...vars })).refusedRequests;
/** The log is written off the request path: wait until it holds `count` entries. */
const waitForLog = (admin: GqlClient, count: number, vars: Record<string, unknown> = {}) =>
  vi.waitFor(
    async () => {
      const page = await refused(admin, vars);
      expect(page.totalCount).toBe(count);
      return page;
    },
    { timeout: 5_000, interval: 50 },
  );

describe('the refused-requests log', () => {
  it('records a wrong secret, a revoked key, a refused origin and unknown triggers, with the key prefix and never the secret', async () => {
    const { admin, trigger, key } = await setup();
    const wrong = `${key.prefix}_wrongwrongwrongwrongwrongwrong`;
    expect((await postEvents(t, wrong, event(trigger.key), { origin: SHOP })).status).toBe(401);
    clock.advance(1_000);
    expect((await postEvents(t, key.secret, event(trigger.key), { origin: EVIL })).status).toBe(403);
    clock.advance(1_000);
    expect((await postIdentify(t, key.secret, { kind: 'PROFILE', authId: 'p-1' }, { origin: EVIL })).status).toBe(403);
    clock.advance(1_000);
    const batch = await postEvents(t, key.secret, { events: [event('no_such_trigger'), event('no_such_trigger'), { authId: 'x' }, event(trigger.key)] }, { origin: SHOP });
    expect(batch.body).toMatchObject({ accepted: 1, rejected: 3 });
    clock.advance(1_000);
    await admin.data(`mutation($id: ID!) { revokeIngestionKey(input: { id: $id }) { ingestionKey { state } } }`, { id: key.id });
    expect((await postEvents(t, key.secret, event(trigger.key))).status).toBe(401);

    const page = await waitForLog(admin, 6);
    expect(page.nodes.map((n: any) => [n.reason, n.endpoint, n.origin, n.keyPrefix, n.triggerKey, n.items])).toEqual([
      ['KEY_REVOKED', '/v1/events', null, key.prefix, trigger.key, 1],
      // One request's events that named no trigger: one entry per reason and trigger key, newest request first.
      expect.arrayContaining([]),
      expect.arrayContaining([]),
      ['ORIGIN_NOT_ALLOWED', '/v1/identify', EVIL, key.prefix, null, 1],
      ['ORIGIN_NOT_ALLOWED', '/v1/events', EVIL, key.prefix, trigger.key, 1],
      ['INVALID_KEY', '/v1/events', SHOP, key.prefix, trigger.key, 1],
    ]);
    const sameRequest = page.nodes.slice(1, 3).map((n: any) => [n.reason, n.endpoint, n.origin, n.keyPrefix, n.triggerKey, n.items]);
    expect(sameRequest).toEqual(
      expect.arrayContaining([
        ['UNKNOWN_TRIGGER', '/v1/events', SHOP, key.prefix, 'no_such_trigger', 2],
        ['MISSING_TRIGGER', '/v1/events', SHOP, key.prefix, null, 1],
      ]),
    );
    expect(page.nodes[3].message).toContain(EVIL);
    // The trigger's title when the key names one of the workspace's triggers.
    const { trigger: named } = await admin.data(`query($id: ID!) { trigger(id: $id) { title } }`, { id: trigger.id });
    expect(page.nodes[0].triggerTitle).toBe(named.title);
    expect(page.nodes.find((n: any) => n.triggerKey === 'no_such_trigger').triggerTitle).toBeNull();
    // Neither the presented secret nor the wrong one is anywhere in the stored rows.
    const rows = await t.dataSource.query('SELECT row_to_json(r)::text AS row FROM refused_requests r WHERE key_prefix = $1', [key.prefix]);
    expect(rows).toHaveLength(6);
    for (const { row } of rows) {
      expect(row).not.toContain(key.secret.slice(key.prefix.length + 1));
      expect(row).not.toContain('wrongwrongwrong');
    }
  });

  it('attributes a bad key to a workspace only when its prefix names one of its keys', async () => {
    const { admin, trigger } = await setup();
    expect((await postEvents(t, 'fik_Zz99Zz99_nosuchkeynosuchkeynosuchkey', event(trigger.key))).status).toBe(401);
    expect((await postEvents(t, 'not-a-key', event(trigger.key))).status).toBe(401);
    expect((await postEvents(t, null, event(trigger.key))).status).toBe(401);
    // A later attributable refusal is written; the unattributable ones before it never were.
    const { key } = await setup();
    await postEvents(t, `${key.prefix}_wrongwrongwrongwrongwrongwrong`, event(trigger.key));
    await vi.waitFor(async () => expect((await t.dataSource.query('SELECT 1 FROM refused_requests WHERE key_prefix = $1', [key.prefix])).length).toBe(1));
    expect((await refused(admin)).totalCount).toBe(0);
    expect(await t.dataSource.query(`SELECT 1 FROM refused_requests WHERE key_prefix = 'fik_Zz99Zz99' OR key_prefix IS NULL AND reason = 'INVALID_KEY'`)).toEqual([]);
  });

  it('records rate-limited requests', async () => {
    const { admin, trigger, key } = await setup(limited);
    await postEvents(limited, key.secret, { events: [event(trigger.key), event(trigger.key)] });
    expect((await postEvents(limited, key.secret, event(trigger.key))).status).toBe(429);
    const page = await waitForLog(admin, 1);
    expect(page.nodes[0]).toMatchObject({ reason: 'RATE_LIMITED', keyPrefix: key.prefix, triggerKey: trigger.key });
  });

  it('filters by trigger and reason, pages with cursors, and keeps each workspace to its own log', async () => {
    const a = await setup();
    const b = await setup();
    const other = await createTrigger(a.admin, { identity: 'PROFILE' });
    for (let i = 0; i < 3; i += 1) {
      await postEvents(t, a.key.secret, event(a.trigger.key), { origin: EVIL });
      clock.advance(1_000);
    }
    await postEvents(t, a.key.secret, event(other.key), { origin: EVIL });
    await postEvents(t, a.key.secret, event('nope'), { origin: SHOP });
    await waitForLog(a.admin, 5);
    expect((await refused(a.admin, { triggerId: a.trigger.id })).totalCount).toBe(3);
    expect((await refused(a.admin, { reason: 'UNKNOWN_TRIGGER' })).nodes.map((n: any) => n.triggerKey)).toEqual(['nope']);
    const first = await refused(a.admin, { triggerId: a.trigger.id, first: 2 });
    const second = await refused(a.admin, { triggerId: a.trigger.id, first: 2, after: first.pageInfo.endCursor });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.nodes, ...second.nodes].map((n: any) => n.id);
    expect(new Set(ids).size).toBe(3);
    const times = [...first.nodes, ...second.nodes].map((n: any) => n.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
    // Workspace B sees none of A's entries and cannot name A's trigger.
    expect((await refused(b.admin)).totalCount).toBe(0);
    expect((await b.admin.error(REFUSED, { triggerId: a.trigger.id, first: 5 })).code).toBe('NOT_FOUND');
    // A partner key without events:read is refused.
    const { createApiKey } = await a.admin.data(`mutation { createApiKey(input: { label: "dash", scopes: [TRIGGERS_READ] }) { secret } }`);
    expect((await GqlClient.withKey(t, createApiKey.secret).error(REFUSED, { first: 5 })).code).toBe('FORBIDDEN');
  });
});

describe('RefusalLog bounds', () => {
  const entry = (workspaceId: string, at: Date, n: number): RefusalEntry => ({
    workspaceId,
    receivedAt: at,
    endpoint: '/v1/events',
    reason: 'ORIGIN_NOT_ALLOWED',
    message: `refusal ${n}`,
    origin: EVIL,
    keyPrefix: 'fik_Bound000',
    triggerKey: 'bounded',
    items: 1,
  });
  const messages = async (workspaceId: string) =>
    (await t.dataSource.query('SELECT message FROM refused_requests WHERE workspace_id = $1 ORDER BY received_at, id', [workspaceId])).map((r: any) => r.message);

  it('keeps at most N entries per workspace (the newest) and none older than the age limit, without touching other workspaces', async () => {
    const logClock = new FakeClock();
    const log = new RefusalLog({ pool: poolOf(t.dataSource), clock: logClock, logger: createLogger('silent') }, { keepPerWorkspace: 3, keepDays: 7 });
    const { id: one } = await createWorkspace(t);
    const { id: two } = await createWorkspace(t);
    for (let i = 1; i <= 5; i += 1) log.record([entry(one, new Date(logClock.now().getTime() + i), i)]);
    log.record([entry(two, logClock.now(), 1)]);
    await log.idle();
    expect(await messages(one)).toEqual(['refusal 3', 'refusal 4', 'refusal 5']);
    expect(await messages(two)).toEqual(['refusal 1']);
    // Eight days later, the next write in `one` prunes what is older than 7 days; `two` is not written to, so untouched.
    logClock.advance(8 * 86_400_000);
    log.record([entry(one, logClock.now(), 6)]);
    await log.idle();
    expect(await messages(one)).toEqual(['refusal 6']);
    expect(await messages(two)).toEqual(['refusal 1']);
  });
});
