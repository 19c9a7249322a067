import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents, triggerStatus } from '../../test/ingestion.js';
import { createTrigger, HIDE_TRIGGER, UPDATE_TRIGGER } from '../../test/triggers.js';
import { Topic } from '../graphql/pubsub.js';

const clock = new FakeClock();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ clock, env: { INGEST_RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => t.close());

async function setup(origins: string[] = []) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const trigger = await createTrigger(admin, { identity: 'PROFILE' });
  const key = await createIngestionKey(admin, origins);
  return { ws, admin, trigger, key };
}
const valid = (key: string, over: Record<string, unknown> = {}) => ({ trigger: key, authId: 'contact-1', attributes: { total: 99.5, order: 'o-1' }, ...over });
const storedEvents = async (triggerId: string) =>
  t.dataSource.query('SELECT accepted, reasons, message_id, occurred_at FROM trigger_events WHERE trigger_id = $1 ORDER BY id', [triggerId]);

describe('POST /v1/events', () => {
  it('accepts a valid event, stores it, and turns the trigger Ready to use', async () => {
    const { admin, trigger, key } = await setup();
    expect((await triggerStatus(admin, trigger.id)).status).toBe('AWAITING_FIRST_EVENT');
    const res = await postEvents(t, key.secret, valid(trigger.key, { messageId: 'm-1', contactpoint_email: 'ada@example.com' }));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 1, rejected: 0, duplicates: 0, results: [{ index: 0, status: 'ACCEPTED', duplicate: false, messageId: 'm-1', reasons: [] }] });
    const status = await triggerStatus(admin, trigger.id);
    expect(status.status).toBe('READY_TO_USE');
    expect(status.readyAt).not.toBeNull();
    expect(await storedEvents(trigger.id)).toHaveLength(1);
    const { ingestionKeys } = await admin.data(`{ ingestionKeys { id acceptedCount rejectedCount lastUsedAt } }`);
    expect(ingestionKeys[0]).toMatchObject({ id: key.id, acceptedCount: 1, rejectedCount: 0 });
    expect(ingestionKeys[0].lastUsedAt).not.toBeNull();
  });

  it('answers a batch per event, storing rejected events with their reasons', async () => {
    const { admin, trigger, key } = await setup();
    const res = await postEvents(t, key.secret, {
      events: [valid(trigger.key), { trigger: trigger.key, attributes: { total: 'lots', order: 'o-2' } }, valid('no_such_trigger'), valid('email_opened'), 'not an object'],
    });
    expect(res.status).toBe(202);
    expect(res.body.accepted).toBe(1);
    expect(res.body.results.map((r: any) => [r.status, r.reasons.map((x: any) => x.code)])).toEqual([
      ['ACCEPTED', []],
      ['REJECTED', ['MISSING_AUTH_ID', 'INVALID_TYPE']],
      ['REJECTED', ['UNKNOWN_TRIGGER']],
      ['REJECTED', ['NOT_A_CUSTOM_TRIGGER']],
      ['REJECTED', ['INVALID_EVENT']],
    ]);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM trigger_events WHERE workspace_id = (SELECT workspace_id FROM triggers WHERE id = $1)', [trigger.id]);
    expect(n).toBe(5);
    const rows = await storedEvents(trigger.id);
    expect(rows.map((r: any) => r.accepted)).toEqual([true, false]);
    expect(rows[1].reasons.map((r: any) => r.code)).toEqual(['MISSING_AUTH_ID', 'INVALID_TYPE']);
    const { ingestionKeys } = await admin.data(`{ ingestionKeys { acceptedCount rejectedCount } }`);
    expect(ingestionKeys[0]).toEqual({ acceptedCount: 1, rejectedCount: 4 });
  });

  it('rejects events of hidden triggers and validates against a pinned version', async () => {
    const { admin, trigger, key } = await setup();
    await admin.data(UPDATE_TRIGGER, {
      input: {
        id: trigger.id,
        baseVersion: 1,
        attributes: [
          { name: 'total', type: 'DECIMAL', required: true },
          { name: 'channel', type: 'TEXT', required: true },
        ],
      },
    });
    const v1 = valid(trigger.key, { version: 1 });
    const v2 = { trigger: trigger.key, authId: 'c', attributes: { total: 1, channel: 'web' } };
    const res = await postEvents(t, key.secret, { events: [v1, v2, { ...v1, version: undefined }, { ...v2, version: 9 }] });
    expect(res.body.results.map((r: any) => r.reasons.map((x: any) => x.code).join('|') || 'OK')).toEqual(['OK', 'OK', 'MISSING_ATTRIBUTE|UNKNOWN_ATTRIBUTE', 'UNKNOWN_VERSION']);
    await admin.data(HIDE_TRIGGER, { input: { id: trigger.id, confirmTitle: trigger.title } });
    const hidden = await postEvents(t, key.secret, v2);
    expect(hidden.body.results[0].reasons[0].code).toBe('TRIGGER_HIDDEN');
  });

  it('corrects the event time for the sender’s clock and refuses far-future events', async () => {
    const { trigger, key } = await setup();
    clock.set(Date.parse('2026-11-22T12:00:00.000Z'));
    const res = await postEvents(t, key.secret, {
      events: [
        valid(trigger.key, { messageId: 'skew', timestamp: '2026-11-22T12:05:00Z', sentAt: '2026-11-22T12:10:00Z' }),
        valid(trigger.key, { timestamp: '2026-11-22T13:00:00Z' }),
      ],
    });
    clock.set(Date.now());
    expect(res.body.results.map((r: any) => r.status)).toEqual(['ACCEPTED', 'REJECTED']);
    expect(res.body.results[1].reasons[0].code).toBe('FUTURE_TIMESTAMP');
    const [skew] = await t.dataSource.query(`SELECT occurred_at FROM trigger_events WHERE message_id = 'skew' AND trigger_id = $1`, [trigger.id]);
    expect(new Date(skew.occurred_at).toISOString()).toBe('2026-11-22T11:55:00.000Z');
  });

  it('stores a retried event once, also under concurrent retries', async () => {
    const { trigger, key } = await setup();
    const first = await postEvents(t, key.secret, valid(trigger.key, { messageId: 'retry-1' }));
    const again = await postEvents(t, key.secret, valid(trigger.key, { messageId: 'retry-1' }));
    expect(first.body.results[0]).toMatchObject({ status: 'ACCEPTED', duplicate: false });
    expect(again.body.results[0]).toMatchObject({ status: 'ACCEPTED', duplicate: true });
    const storm = await Promise.all(Array.from({ length: 20 }, () => postEvents(t, key.secret, valid(trigger.key, { messageId: 'retry-2' }))));
    expect(storm.every((r) => r.status === 202 && r.body.results[0].status === 'ACCEPTED')).toBe(true);
    expect(storm.filter((r) => !r.body.results[0].duplicate)).toHaveLength(1);
    const inBatch = await postEvents(t, key.secret, { events: [valid(trigger.key, { messageId: 'retry-3' }), valid(trigger.key, { messageId: 'retry-3' })] });
    expect(inBatch.body.results.map((r: any) => r.duplicate)).toEqual([false, true]);
    const counts = await t.dataSource.query(`SELECT message_id, count(*)::int AS n FROM trigger_events WHERE trigger_id = $1 GROUP BY message_id ORDER BY message_id`, [
      trigger.id,
    ]);
    expect(counts).toEqual([
      { message_id: 'retry-1', n: 1 },
      { message_id: 'retry-2', n: 1 },
      { message_id: 'retry-3', n: 1 },
    ]);
  });

  it('turns a trigger ready exactly once under 100 concurrent first events', async () => {
    const { trigger, key, ws } = await setup();
    const notifications: string[] = [];
    const sub = t.server.services.pubsub.subscribe(Topic.TRIGGER_STATUS);
    const collecting = (async () => {
      for await (const n of sub) if (n.workspaceId === ws.id) notifications.push(n.triggerId);
    })();
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => postEvents(t, key.secret, valid(trigger.key, { messageId: `first-${i}` }))));
    expect(responses.every((r) => r.status === 202 && r.body.accepted === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    await sub.return?.();
    await collecting;
    expect(notifications).toEqual([trigger.id]);
    const [stats] = await t.dataSource.query('SELECT valid_count::int AS valid FROM trigger_stats WHERE trigger_id = $1', [trigger.id]);
    expect(stats.valid).toBe(100);
  });

  it('shares commits between concurrent single-event requests (group commit)', async () => {
    const { trigger, key } = await setup();
    const flushes = async () => Number(/flare_ingest_flushes_total (\d+)/.exec(await (await fetch(`${t.url}/metrics`)).text())![1]);
    const before = await flushes();
    await Promise.all(Array.from({ length: 200 }, (_, i) => postEvents(t, key.secret, valid(trigger.key, { messageId: `gc-${i}` }))));
    const used = (await flushes()) - before;
    expect(used).toBeLessThan(200);
    expect(used).toBeGreaterThan(0);
  });
});

describe('request checks', () => {
  it('answers malformed JSON with 400 and a missing or bad key with 401', async () => {
    const { trigger, key } = await setup();
    expect(await postEvents(t, key.secret, '{not json')).toMatchObject({ status: 400, body: { error: { code: 'MALFORMED_JSON' } } });
    expect(await postEvents(t, null, valid(trigger.key))).toMatchObject({ status: 401, body: { error: { code: 'MISSING_KEY' } } });
    expect(await postEvents(t, 'fik_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', valid(trigger.key))).toMatchObject({
      status: 401,
      body: { error: { code: 'INVALID_KEY' } },
    });
    expect(await postEvents(t, key.secret, { events: [] })).toMatchObject({ status: 400, body: { error: { code: 'NO_EVENTS' } } });
  });

  it('limits events to 32 KB, requests to 500 KB and batches to 500', async () => {
    const { trigger, key } = await setup();
    const big = await postEvents(t, key.secret, { events: [valid(trigger.key, { attributes: { total: 1, order: 'o', coupon: 'x'.repeat(33 * 1024) } }), valid(trigger.key)] });
    expect(big.status).toBe(202);
    expect(big.body.results.map((r: any) => r.reasons[0]?.code ?? 'OK')).toEqual(['EVENT_TOO_LARGE', 'OK']);
    const huge = await postEvents(t, key.secret, { events: Array.from({ length: 20 }, () => valid(trigger.key, { attributes: { total: 1, order: 'x'.repeat(30_000) } })) });
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'REQUEST_TOO_LARGE' } } });
    const many = await postEvents(
      t,
      key.secret,
      Array.from({ length: 501 }, () => valid(trigger.key)),
    );
    expect(many).toMatchObject({ status: 413, body: { error: { code: 'BATCH_TOO_LARGE' } } });
  });

  it('accepts navigator.sendBeacon bodies: text/plain with the key inside', async () => {
    const { trigger, key } = await setup();
    const res = await postEvents(t, null, JSON.stringify({ key: key.secret, events: [valid(trigger.key)] }), { 'content-type': 'text/plain;charset=UTF-8' });
    expect(res).toMatchObject({ status: 202, body: { accepted: 1 } });
  });

  it('honours CORS for allowed origins and refuses other browser origins with 403', async () => {
    const { trigger, key } = await setup(['https://shop.example.com']);
    const ok = await postEvents(t, key.secret, valid(trigger.key), { origin: 'https://shop.example.com' });
    expect(ok.status).toBe(202);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const evil = await postEvents(t, key.secret, valid(trigger.key), { origin: 'https://evil.example' });
    expect(evil).toMatchObject({ status: 403, body: { error: { code: 'ORIGIN_NOT_ALLOWED' } } });
    // The refusal is readable by the page (its reason), though nothing was accepted: see ingestion-cors.int.test.ts.
    expect(evil.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    const preflight = await fetch(`${t.url}/v1/events`, { method: 'OPTIONS', headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-flare-key');
    const { key: serverOnly, trigger: t2 } = await setup();
    expect((await postEvents(t, serverOnly.secret, valid(t2.key), { origin: 'https://shop.example.com' })).status).toBe(403);
    expect((await postEvents(t, serverOnly.secret, valid(t2.key))).status).toBe(202);
  });

  it('rate-limits per key with 429 and Retry-After', async () => {
    const limited = await startTestServer({ env: { INGEST_RATE_LIMIT_PER_MINUTE: '10' } });
    try {
      const ws = await createWorkspace(limited);
      const admin = await GqlClient.signedIn(limited, ws.admin);
      const trigger = await createTrigger(admin);
      const key = await createIngestionKey(admin);
      expect(
        (
          await postEvents(
            limited,
            key.secret,
            Array.from({ length: 10 }, () => valid(trigger.key)),
          )
        ).status,
      ).toBe(202);
      const refused = await postEvents(limited, key.secret, valid(trigger.key));
      expect(refused).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('ingestion keys', () => {
  const ROTATE = `mutation($input: RotateIngestionKeyInput!) { rotateIngestionKey(input: $input) { secret ingestionKey { id state } replaced { id state expiresAt } } }`;

  it('stores keys hashed, rotates with an overlap during which both work, then refuses the old one', async () => {
    const { admin, trigger, key } = await setup();
    const [row] = await t.dataSource.query('SELECT secret_hash FROM ingestion_keys WHERE id = $1', [key.id]);
    expect(row.secret_hash).not.toContain(key.secret);
    const { rotateIngestionKey } = await admin.data(ROTATE, { input: { id: key.id, overlapHours: 2 } });
    expect(rotateIngestionKey.replaced).toMatchObject({ id: key.id, state: 'EXPIRING' });
    expect((await postEvents(t, key.secret, valid(trigger.key))).status).toBe(202);
    expect((await postEvents(t, rotateIngestionKey.secret, valid(trigger.key))).status).toBe(202);
    clock.advance(2 * 3_600_000);
    expect(await postEvents(t, key.secret, valid(trigger.key))).toMatchObject({ status: 401, body: { error: { code: 'KEY_REVOKED' } } });
    expect((await postEvents(t, rotateIngestionKey.secret, valid(trigger.key))).status).toBe(202);
    expect((await admin.data(`{ ingestionKeys { id } }`)).ingestionKeys.map((k: any) => k.id)).toEqual([rotateIngestionKey.ingestionKey.id]);
    clock.set(Date.now());
    expect(await admin.error(ROTATE, { input: { id: key.id, overlapHours: 1 } })).toMatchObject({ code: 'CONFLICT', reason: 'KEY_NOT_ACTIVE' });
    expect(await admin.error(ROTATE, { input: { id: rotateIngestionKey.ingestionKey.id, overlapHours: 500 } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_OVERLAP',
    });
  });

  it('refuses a revoked key on the next request', async () => {
    const { admin, trigger, key } = await setup();
    expect((await postEvents(t, key.secret, valid(trigger.key))).status).toBe(202);
    await admin.data(`mutation($id: ID!) { revokeIngestionKey(input: { id: $id }) { ingestionKey { state } } }`, { id: key.id });
    expect(await postEvents(t, key.secret, valid(trigger.key))).toMatchObject({ status: 401, body: { error: { code: 'KEY_REVOKED' } } });
  });

  it('validates origins, and lets only admins and developers manage keys', async () => {
    const { ws, admin } = await setup();
    expect(await admin.error(`mutation { createIngestionKey(input: { label: "x", allowedOrigins: ["shop.example.com"] }) { secret } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ORIGIN',
    });
    const developer = await GqlClient.signedIn(t, await addMember(t, ws, Role.DEVELOPER));
    expect((await createIngestionKey(developer, ['https://Shop.example.com/'])).prefix).toMatch(/^fik_/);
    const marketer = await GqlClient.signedIn(t, await addMember(t, ws, Role.MARKETER));
    expect((await marketer.error(`{ ingestionKeys { id } }`)).code).toBe('FORBIDDEN');
    const { admin: other } = await setup();
    const foreign = (await other.data(`{ ingestionKeys { id } }`)).ingestionKeys[0].id;
    expect((await admin.error(`mutation($id: ID!) { revokeIngestionKey(input: { id: $id }) { ingestionKey { id } } }`, { id: foreign })).code).toBe('NOT_FOUND');
  });
});
