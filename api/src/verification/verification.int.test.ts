import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents, triggerStatus } from '../../test/ingestion.js';
import { createTrigger, UPDATE_TRIGGER } from '../../test/triggers.js';
import { collect, wsClient } from '../../test/ws.js';

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer({ env: { INGEST_RATE_LIMIT_PER_MINUTE: '1000000' } }), startTestServer()]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

async function setup(t: TestServer = a) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const trigger = await createTrigger(admin);
  const key = await createIngestionKey(admin);
  return { ws, admin, trigger, key };
}
const valid = (key: string, over: Record<string, unknown> = {}) => ({ trigger: key, authId: 'c-1', attributes: { total: 10, order: 'o-1' }, ...over });
const socketFor = (t: TestServer, admin: GqlClient) => wsClient(t.wsUrl, {}, { cookie: admin.cookie!, origin: 'http://localhost:4000' });
const VERIFICATION = `status validCount invalidCount firstEventAt lastEventAt recentRejections { reasons { code field } } versions { version status validCount invalidCount }`;
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('verification state', () => {
  it('counts valid and invalid events per trigger and per version, keeping recent rejections', async () => {
    const { admin, trigger, key } = await setup();
    await postEvents(a, key.secret, { events: [valid(trigger.key), valid(trigger.key), { trigger: trigger.key, attributes: {} }] });
    await admin.data(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 1, description: 'v2' } });
    await postEvents(a, key.secret, valid(trigger.key));
    const { trigger: t } = await admin.data(`query($id: ID!) { trigger(id: $id) { verification { ${VERIFICATION} } } }`, { id: trigger.id });
    expect(t.verification).toMatchObject({ status: 'READY_TO_USE', validCount: 3, invalidCount: 1 });
    expect(t.verification.firstEventAt).not.toBeNull();
    expect(t.verification.recentRejections[0].reasons.map((r: any) => r.code)).toEqual(['MISSING_AUTH_ID', 'MISSING_ATTRIBUTE', 'MISSING_ATTRIBUTE']);
    expect(t.verification.versions).toEqual([
      { version: 2, status: 'READY_TO_USE', validCount: 1, invalidCount: 0 },
      { version: 1, status: 'READY_TO_USE', validCount: 2, invalidCount: 1 },
    ]);
  });

  it('sends a test event through the pipeline, visible in the log as a test, without making the trigger ready', async () => {
    const { admin, trigger } = await setup();
    const { sendTestEvent } = await admin.data(`mutation($id: ID!) { sendTestEvent(input: { triggerId: $id }) { accepted reasons { code } event } }`, { id: trigger.id });
    expect(sendTestEvent.accepted).toBe(true);
    expect(sendTestEvent.event.trigger).toBe(trigger.key);
    expect((await triggerStatus(admin, trigger.id)).status).toBe('AWAITING_FIRST_EVENT');
    const { triggerEventLog } = await admin.data(`query($id: ID!) { triggerEventLog(triggerId: $id, first: 10) { totalCount nodes { test accepted payload } } }`, {
      id: trigger.id,
    });
    expect(triggerEventLog.nodes).toEqual([{ test: true, accepted: true, payload: sendTestEvent.event }]);
  });

  it('pages the event log and filters accepted or rejected', async () => {
    const { admin, trigger, key } = await setup();
    await postEvents(a, key.secret, { events: [valid(trigger.key), { trigger: trigger.key }, valid(trigger.key)] });
    const q = `query($id: ID!, $accepted: Boolean, $after: String) { triggerEventLog(triggerId: $id, first: 2, accepted: $accepted, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { accepted reasons { code } } } }`;
    const first = (await admin.data(q, { id: trigger.id })).triggerEventLog;
    expect(first.totalCount).toBe(3);
    const second = (await admin.data(q, { id: trigger.id, after: first.pageInfo.endCursor })).triggerEventLog;
    expect(first.nodes.length + second.nodes.length).toBe(3);
    expect((await admin.data(q, { id: trigger.id, accepted: false })).triggerEventLog.nodes.map((n: any) => n.reasons[0].code)).toEqual(['MISSING_AUTH_ID']);
  });
});

describe('audit', () => {
  it('records the Ready-to-use transition in the audit log as a system action, once, and announces it live', async () => {
    const { admin, trigger, key } = await setup();
    const socket = socketFor(a, admin);
    const stream = collect(socket, `subscription { auditEntryAppended { action actorType actorLabel targetId details } }`);
    await settle();
    await postEvents(a, key.secret, { events: [valid(trigger.key), valid(trigger.key)] });
    await postEvents(a, key.secret, valid(trigger.key));
    await stream.first(1);
    const expected = { action: 'trigger.ready', actorType: 'SYSTEM', actorLabel: 'Flare', targetId: trigger.id, details: { key: trigger.key, title: trigger.title } };
    expect(stream.results[0].data).toEqual({ auditEntryAppended: expected });
    const { auditLog } = await admin.data(`query { auditLog(first: 50, filter: { action: "trigger.ready" }) { nodes { action actorType actorLabel targetId details } } }`);
    expect(auditLog.nodes).toEqual([expected]);
    stream.dispose();
    await socket.dispose();
  });
});

describe('subscriptions', () => {
  it('triggerVerification sends the current state at once, then the Ready-to-use change', async () => {
    const { admin, trigger, key } = await setup();
    const socket = socketFor(a, admin);
    const stream = collect(socket, `subscription($id: ID!) { triggerVerification(triggerId: $id) { status validCount } }`, { id: trigger.id });
    await stream.first(1);
    expect(stream.results[0].data).toEqual({ triggerVerification: { status: 'AWAITING_FIRST_EVENT', validCount: 0 } });
    await postEvents(a, key.secret, valid(trigger.key));
    await stream.first(2);
    expect(stream.results.at(-1)!.data).toEqual({ triggerVerification: { status: 'READY_TO_USE', validCount: 1 } });
    stream.dispose();
    await socket.dispose();
  });

  it('coalesces counter updates: a burst of 2,000 events yields a handful of updates with the final counts', async () => {
    const { admin, trigger, key } = await setup();
    await postEvents(a, key.secret, valid(trigger.key));
    const socket = socketFor(a, admin);
    const stream = collect(socket, `subscription($id: ID!) { triggerVerification(triggerId: $id) { validCount } }`, { id: trigger.id });
    await stream.first(1);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        postEvents(
          a,
          key.secret,
          Array.from({ length: 100 }, () => valid(trigger.key)),
        ),
      ),
    );
    await settle(800);
    const updates = stream.results.length - 1;
    expect(updates).toBeGreaterThan(0);
    expect(updates).toBeLessThanOrEqual(10);
    expect(stream.results.at(-1)!.data).toEqual({ triggerVerification: { validCount: 2001 } });
    stream.dispose();
    await socket.dispose();
  });

  it('triggerReadiness streams status changes of the viewer’s workspace only', async () => {
    const mine = await setup();
    const theirs = await setup();
    const socket = socketFor(a, mine.admin);
    const stream = collect(socket, `subscription { triggerReadiness { trigger { id status } } }`);
    await settle();
    await postEvents(a, theirs.key.secret, valid(theirs.trigger.key));
    await postEvents(a, mine.key.secret, valid(mine.trigger.key));
    await stream.first(1);
    await settle();
    expect(stream.results.map((r) => r.data)).toEqual([{ triggerReadiness: { trigger: { id: mine.trigger.id, status: 'READY_TO_USE' } } }]);
    stream.dispose();
    await socket.dispose();
  });

  it('triggerEvents streams accepted and rejected events with reasons, and needs events:read', async () => {
    const { admin, trigger, key } = await setup();
    const socket = socketFor(a, admin);
    const stream = collect(socket, `subscription($id: ID!) { triggerEvents(triggerId: $id) { accepted reasons { code } authId } }`, { id: trigger.id });
    await settle();
    await postEvents(a, key.secret, { events: [valid(trigger.key), { trigger: trigger.key, attributes: { total: 1, order: 'o' } }] });
    await stream.first(1);
    expect(stream.results[0].data!.triggerEvents).toEqual([
      { accepted: true, reasons: [], authId: 'c-1' },
      { accepted: false, reasons: [{ code: 'MISSING_AUTH_ID' }], authId: null },
    ]);
    stream.dispose();
    await socket.dispose();

    const { createApiKey } = await admin.data(`mutation { createApiKey(input: { label: "dash", scopes: [TRIGGERS_READ] }) { secret } }`);
    const partner = wsClient(a.wsUrl, { authorization: `Bearer ${createApiKey.secret}` });
    const refused = collect(partner, `subscription($id: ID!) { triggerEvents(triggerId: $id) { accepted } }`, { id: trigger.id });
    await refused.first(1).catch(() => undefined);
    const errors = (refused.error as { extensions?: { code: string } }[] | null) ?? refused.results[0]?.errors;
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await partner.dispose();
  });

  it('refuses to watch another workspace’s trigger', async () => {
    const mine = await setup();
    const theirs = await setup();
    const socket = socketFor(a, mine.admin);
    const stream = collect(socket, `subscription($id: ID!) { triggerVerification(triggerId: $id) { status } }`, { id: theirs.trigger.id });
    await stream.first(1).catch(() => undefined);
    const errors = (stream.error as { extensions?: { code: string } }[] | null) ?? stream.results[0]?.errors;
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await socket.dispose();
  });

  it('delivers an event ingested by one server process to subscribers of another', async () => {
    const { admin, trigger, key } = await setup(a);
    // The session lives in the shared database, so the cookie from process A is valid on process B.
    const socket = wsClient(b.wsUrl, {}, { cookie: admin.cookie!, origin: 'http://localhost:4000' });
    const stream = collect(socket, `subscription { triggerReadiness { trigger { id status } } }`);
    await settle();
    await postEvents(a, key.secret, valid(trigger.key));
    await stream.first(1);
    expect(stream.results[0].data).toEqual({ triggerReadiness: { trigger: { id: trigger.id, status: 'READY_TO_USE' } } });
    stream.dispose();
    await socket.dispose();
  });
});
