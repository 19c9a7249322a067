import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { createTrigger } from '../../test/triggers.js';

/** The event debugger's history: `triggerEventLog`, read before the live stream. */
const clock = new FakeClock();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ clock, env: { INGEST_RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => t.close());

async function setup() {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const trigger = await createTrigger(admin);
  const key = await createIngestionKey(admin);
  return { admin, trigger, key };
}
const LOG = `query($id: ID!, $accepted: Boolean, $first: Int!, $after: String) {
  triggerEventLog(triggerId: $id, accepted: $accepted, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id accepted authId receivedAt reasons { code } payload }
  }
}`;
const log = async (admin: GqlClient, vars: Record<string, unknown>) => (await admin.data(LOG, { first: 50, ...vars })).triggerEventLog;

/** Every page of the log, following endCursor. */
async function allPages(admin: GqlClient, vars: Record<string, unknown>) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await log(admin, { ...vars, after });
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe('triggerEventLog', () => {
  it('answers newest first with payloads and reasons, pages by cursor without gaps or repeats, and filters accepted or rejected', async () => {
    const { admin, trigger, key } = await setup();
    // Seven requests a second apart; several events share a received time (one request), ordered by id among themselves.
    for (let i = 0; i < 7; i += 1) {
      const events = [{ trigger: trigger.key, authId: `c-${i}`, attributes: { total: i, order: `o-${i}` } }];
      if (i % 3 === 0) events.push({ trigger: trigger.key, authId: `c-${i}-bad`, attributes: {} } as any);
      expect((await postEvents(t, key.secret, { events })).status).toBe(202);
      clock.advance(1_000);
    }
    const everything = await log(admin, { id: trigger.id });
    expect(everything.totalCount).toBe(10);
    const times = everything.nodes.map((n: any) => n.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(everything.nodes[0].authId).toMatch(/^c-6/);
    expect(everything.nodes.at(-1).authId).toMatch(/^c-0/);
    const sameTime = everything.nodes.filter((n: any) => n.receivedAt === everything.nodes[0].receivedAt).map((n: any) => BigInt(n.id));
    expect(sameTime).toEqual([...sameTime].sort((x, y) => (x > y ? -1 : 1)));
    const rejected = everything.nodes.find((n: any) => n.authId === 'c-3-bad');
    expect(rejected).toMatchObject({ accepted: false, payload: { trigger: trigger.key, authId: 'c-3-bad', attributes: {} } });
    expect(rejected.reasons.map((r: any) => r.code)).toContain('MISSING_ATTRIBUTE');

    const paged = await allPages(admin, { id: trigger.id, first: 3 });
    expect(paged.map((n: any) => n.id)).toEqual(everything.nodes.map((n: any) => n.id));

    // Events arriving between pages do not shift the next page (keyset cursor).
    const first = await log(admin, { id: trigger.id, first: 4 });
    await postEvents(t, key.secret, { trigger: trigger.key, authId: 'late', attributes: { total: 1, order: 'o' } });
    const second = await log(admin, { id: trigger.id, first: 4, after: first.pageInfo.endCursor });
    expect(second.nodes.map((n: any) => n.id)).toEqual(everything.nodes.slice(4, 8).map((n: any) => n.id));

    const onlyRejected = await allPages(admin, { id: trigger.id, accepted: false, first: 2 });
    expect(onlyRejected.map((n: any) => n.authId)).toEqual(['c-6-bad', 'c-3-bad', 'c-0-bad']);
    const onlyAccepted = await log(admin, { id: trigger.id, accepted: true });
    expect(onlyAccepted.totalCount).toBe(8);
    expect(onlyAccepted.nodes.every((n: any) => n.accepted)).toBe(true);
  });

  it('refuses a cursor it did not issue and a page size out of range', async () => {
    const { admin, trigger } = await setup();
    expect(await admin.error(LOG, { id: trigger.id, first: 5, after: 'not-a-cursor' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    expect(await admin.error(LOG, { id: trigger.id, first: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PAGE_SIZE' });
  });

  it('keeps each workspace to its own events and needs events:read', async () => {
    const a = await setup();
    const b = await setup();
    await postEvents(t, a.key.secret, { trigger: a.trigger.key, authId: 'a-1', attributes: { total: 1, order: 'o' } });
    await postEvents(t, b.key.secret, { trigger: b.trigger.key, authId: 'b-1', attributes: { total: 1, order: 'o' } });
    expect((await log(a.admin, { id: a.trigger.id })).nodes.map((n: any) => n.authId)).toEqual(['a-1']);
    expect((await b.admin.error(LOG, { id: a.trigger.id, first: 5 })).code).toBe('NOT_FOUND');
    const { createApiKey } = await a.admin.data(`mutation { createApiKey(input: { label: "dash", scopes: [TRIGGERS_READ] }) { secret } }`);
    expect((await GqlClient.withKey(t, createApiKey.secret).error(LOG, { id: a.trigger.id, first: 5 })).code).toBe('FORBIDDEN');
  });
});
