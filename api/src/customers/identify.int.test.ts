import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { customerByAuthId, postIdentify } from '../../test/identify.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { loseConnectionDuringWrite } from '../../test/db-faults.js';

const AUTH_FAILURES = 5;
const clock = new FakeClock();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ clock, env: { INGEST_RATE_LIMIT_PER_MINUTE: '100000', AUTH_FAILURES_PER_MINUTE: String(AUTH_FAILURES) } });
});
afterAll(() => t.close());

async function setup(origins: string[] = []) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const key = await createIngestionKey(admin, origins);
  return { ws, admin, key };
}
const newAddress = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
const codes = (result: any) => result.reasons.map((r: any) => `${r.field}:${r.code}`);

describe('POST /v1/identify', () => {
  it('upserts a batch: valid items are stored with source API, each bad item is rejected with its reasons and fails no other', async () => {
    const { admin, key } = await setup();
    await admin.data(`mutation { defineCustomerField(input: { name: "tier", type: TEXT, label: "Tier" }) { name } }`);
    const res = await postIdentify(t, key.secret, {
      customers: [
        {
          authId: 'ada',
          messageId: 'm-ada',
          email: ' Ada@Example.COM ',
          firstName: 'Ada',
          fields: { tier: 'gold' },
          devices: [{ app: 'shop', platform: 'IOS', token: 'tok-1' }],
          consents: [{ channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_IN', contactPoint: 'ada@example.com' }],
        },
        { authId: 'bad-email', email: 'not-an-email' },
        { authId: 'bad-field', fields: { shoeSize: 42 } },
        { authId: 'bad-consent', consents: [{ channel: 'FAX', purpose: 'COMMERCIAL', status: 'OPTED_IN' }] },
        { authId: 'bad-key', favouriteColour: 'blue' },
        { authId: 'bad-text', firstName: 'A\u0000da' },
        { kind: 'MARTIAN', authId: 'bad-kind' },
        42,
        { kind: 'LEAD', authId: 'lead-1', messageId: 'm-lead', phone: '+44 20 7946 0958' },
      ],
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 7, duplicates: 0 });
    const [ada, badEmail, badField, badConsent, badKey, badText, badKind, notObject, lead] = res.body.results;
    expect(ada).toMatchObject({ index: 0, status: 'ACCEPTED', duplicate: false, messageId: 'm-ada', created: true, reasons: [] });
    expect(codes(badEmail)).toEqual(['email:INVALID_EMAIL']);
    expect(codes(badField)).toEqual(['fields.shoeSize:UNKNOWN_CUSTOMER_FIELD']);
    expect(codes(badConsent)).toEqual(['consents[0]:INVALID_CONSENT']);
    expect(codes(badKey)).toEqual(['favouriteColour:UNKNOWN_FIELD']);
    expect(codes(badText)).toEqual(['firstName:INVALID_TEXT']);
    expect(codes(badKind)).toEqual(['kind:INVALID_KIND']);
    expect(codes(notObject)).toEqual(['null:INVALID_CUSTOMER']);
    expect(badEmail).toMatchObject({ index: 1, status: 'REJECTED', duplicate: false, messageId: null, customerId: null, created: false });
    expect(badEmail.reasons[0].message).toMatch(/email/i);
    expect(lead).toMatchObject({ index: 8, status: 'ACCEPTED', created: true });

    const stored = await customerByAuthId(admin, 'ada');
    expect(stored).toMatchObject({
      id: ada.customerId,
      email: 'ada@example.com',
      firstName: 'Ada',
      fields: { tier: 'gold' },
      source: 'API',
      devices: [{ app: 'shop', platform: 'IOS', token: 'tok-1' }],
    });
    expect(stored!.consents.find((c: any) => c.channel === 'EMAIL' && c.purpose === 'COMMERCIAL')).toMatchObject({ status: 'OPTED_IN', source: 'API' });
    expect(await customerByAuthId(admin, 'lead-1', 'LEAD')).toMatchObject({ id: lead.customerId, phone: '+442079460958' });
    for (const authId of ['bad-email', 'bad-field', 'bad-consent', 'bad-key', 'bad-text']) expect(await customerByAuthId(admin, authId)).toBeNull();

    // An update of an existing customer: not created; omitted values kept, null clears.
    const again = await postIdentify(t, key.secret, { authId: 'ada', firstName: null, phone: '020 7946 0958', country: 'GB' });
    expect(again.body.results[0]).toMatchObject({ status: 'ACCEPTED', created: false, customerId: ada.customerId });
    expect(await customerByAuthId(admin, 'ada')).toMatchObject({ email: 'ada@example.com', firstName: null, phone: '+442079460958' });
  });

  it('reads one customer, an array or { key, customers }, with the key in x-flare-key, Bearer or the body (sendBeacon); refuses bad bodies and batches over 500', async () => {
    const { admin, key } = await setup();
    expect((await postIdentify(t, key.secret, [{ authId: 'arr-1' }, { authId: 'arr-2' }])).body.accepted).toBe(2);
    expect((await postIdentify(t, null, { authId: 'bearer-1' }, { authorization: `Bearer ${key.secret}` })).body.accepted).toBe(1);
    const beacon = await postIdentify(t, null, JSON.stringify({ key: key.secret, customers: [{ authId: 'beacon-1' }] }), { 'content-type': 'text/plain' });
    expect(beacon).toMatchObject({ status: 202, body: { accepted: 1 } });
    expect(await customerByAuthId(admin, 'beacon-1')).not.toBeNull();

    const tooMany = await postIdentify(t, key.secret, { customers: Array.from({ length: 501 }, (_, i) => ({ authId: `many-${i}` })) });
    expect(tooMany).toMatchObject({ status: 413, body: { error: { code: 'BATCH_TOO_LARGE' } } });
    expect(await customerByAuthId(admin, 'many-0')).toBeNull();
    const tooBig = await postIdentify(t, key.secret, { authId: 'big', firstName: 'x'.repeat(600 * 1024) });
    expect(tooBig).toMatchObject({ status: 413, body: { error: { code: 'REQUEST_TOO_LARGE' } } });
    expect(await postIdentify(t, key.secret, '{nope')).toMatchObject({ status: 400, body: { error: { code: 'MALFORMED_JSON' } } });
    expect(await postIdentify(t, key.secret, { customers: [] })).toMatchObject({ status: 400, body: { error: { code: 'NO_CUSTOMERS' } } });
    expect(await postIdentify(t, key.secret, { customers: 'x' })).toMatchObject({ status: 400, body: { error: { code: 'INVALID_BODY' } } });
    expect(await postIdentify(t, null, { authId: 'no-key' })).toMatchObject({ status: 401, body: { error: { code: 'MISSING_KEY' } } });
  });

  it('is idempotent by messageId: a repeat is a duplicate with the first outcome and changes nothing; messageIds are per workspace', async () => {
    const { admin, key } = await setup();
    const first = await postIdentify(t, key.secret, [
      { authId: 'dup-1', messageId: 'msg-1', email: 'first@example.com' },
      { authId: 'dup-2', messageId: 'msg-2', email: 'broken' },
      { authId: 'dup-1', messageId: 'msg-1', email: 'same-request@example.com' },
    ]);
    expect(first.body).toMatchObject({ accepted: 2, rejected: 1, duplicates: 1 });
    const [stored, refused, repeated] = first.body.results;
    expect(repeated).toMatchObject({ status: 'ACCEPTED', duplicate: true, customerId: stored.customerId, created: false });
    const retry = await postIdentify(t, key.secret, [
      { authId: 'dup-1', messageId: 'msg-1', email: 'second@example.com', consents: [{ channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_OUT' }] },
      { authId: 'dup-2', messageId: 'msg-2', email: 'fixed@example.com' },
    ]);
    expect(retry.body).toMatchObject({ accepted: 1, rejected: 1, duplicates: 2 });
    expect(retry.body.results[0]).toMatchObject({ status: 'ACCEPTED', duplicate: true, messageId: 'msg-1', customerId: stored.customerId, created: false, reasons: [] });
    expect(retry.body.results[1]).toMatchObject({ status: 'REJECTED', duplicate: true, messageId: 'msg-2', reasons: refused.reasons });
    const customer = await customerByAuthId(admin, 'dup-1');
    expect(customer!.email).toBe('first@example.com');
    expect(customer!.consents.every((c: any) => c.status === 'UNKNOWN')).toBe(true);
    expect(await customerByAuthId(admin, 'dup-2')).toBeNull();

    // Another workspace's messageIds are its own.
    const other = await setup();
    const theirs = await postIdentify(t, other.key.secret, { authId: 'dup-1', messageId: 'msg-1', email: 'theirs@example.com' });
    expect(theirs.body.results[0]).toMatchObject({ status: 'ACCEPTED', duplicate: false, created: true });
  });

  it('forgets a messageId after 7 days (pruned by later requests of the workspace)', async () => {
    const { ws, key } = await setup();
    await postIdentify(t, key.secret, { authId: 'old-1', messageId: 'old-msg', email: 'old@example.com' });
    clock.advance(8 * 24 * 3600 * 1000);
    try {
      await postIdentify(t, key.secret, { authId: 'someone-else' });
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM identify_messages WHERE workspace_id = $1 AND message_id = 'old-msg'`, [ws.id]);
      expect(n).toBe(0);
      const late = await postIdentify(t, key.secret, { authId: 'old-1', messageId: 'old-msg', email: 'new@example.com' });
      expect(late.body.results[0]).toMatchObject({ status: 'ACCEPTED', duplicate: false, created: false });
      // (Sessions have expired by now: read the store directly.)
      expect(await t.dataSource.query(`SELECT email FROM customers WHERE workspace_id = $1 AND auth_id = 'old-1'`, [ws.id])).toEqual([{ email: 'new@example.com' }]);
    } finally {
      clock.set(Date.now());
    }
  });

  it("stays inside the key's workspace: another workspace's key identifies its own customers and never touches these", async () => {
    const a = await setup();
    const b = await setup();
    const mine = (await postIdentify(t, a.key.secret, { authId: 'shared-id', email: 'a@example.com' })).body.results[0];
    const theirs = (await postIdentify(t, b.key.secret, { authId: 'shared-id', email: 'b@example.com', firstName: 'Intruder' })).body.results[0];
    expect(theirs).toMatchObject({ status: 'ACCEPTED', created: true });
    expect(theirs.customerId).not.toBe(mine.customerId);
    expect(await customerByAuthId(a.admin, 'shared-id')).toMatchObject({ id: mine.customerId, email: 'a@example.com', firstName: null });
    expect(await customerByAuthId(b.admin, 'shared-id')).toMatchObject({ id: theirs.customerId, email: 'b@example.com' });
  });

  it('refuses unknown keys with 401, counted (with /v1/events) against the failed-authentication budget of the address', async () => {
    const { key } = await setup();
    const address = newAddress();
    const from = { 'x-forwarded-for': address };
    expect(await postIdentify(t, `fik_${'a'.repeat(8)}_${'b'.repeat(40)}`, { authId: 'x' }, from)).toMatchObject({ status: 401, body: { error: { code: 'INVALID_KEY' } } });
    expect((await postIdentify(t, 'garbage', { authId: 'x' }, from)).status).toBe(401);
    expect((await postEvents(t, 'fik_nope', { trigger: 'x' }, from)).status).toBe(401);
    for (let i = 3; i < AUTH_FAILURES; i += 1) expect((await postIdentify(t, `fik_unknown${i}`, { authId: 'x' }, from)).status).toBe(401);
    const refused = await postIdentify(t, key.secret, { authId: 'x' }, from);
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'TOO_MANY_FAILED_AUTHENTICATIONS' } } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await postIdentify(t, key.secret, { authId: 'x' }, { 'x-forwarded-for': newAddress() })).status).toBe(202);
  });

  it("honours the key's allowed origins (403 otherwise) and answers CORS preflights", async () => {
    const { admin, key } = await setup(['https://shop.example.com']);
    const ok = await postIdentify(t, key.secret, { authId: 'web-1' }, { origin: 'https://shop.example.com' });
    expect(ok.status).toBe(202);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const evil = await postIdentify(t, key.secret, { authId: 'web-2' }, { origin: 'https://evil.example' });
    expect(evil).toMatchObject({ status: 403, body: { error: { code: 'ORIGIN_NOT_ALLOWED' } } });
    // Readable by the page (the reason), though nothing was stored: see ingestion/ingestion-cors.int.test.ts.
    expect(evil.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(await customerByAuthId(admin, 'web-2')).toBeNull();
    const preflight = await fetch(`${t.url}/v1/identify`, { method: 'OPTIONS', headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-flare-key/);
  });

  it("counts customers against the key's rate limit, shared with events: 429 with Retry-After past it", async () => {
    const limited = await startTestServer({ env: { INGEST_RATE_LIMIT_PER_MINUTE: '10' } });
    try {
      const ws = await createWorkspace(limited);
      const admin = await GqlClient.signedIn(limited, ws.admin);
      const key = await createIngestionKey(admin);
      expect(
        (
          await postIdentify(
            limited,
            key.secret,
            Array.from({ length: 9 }, (_, i) => ({ authId: `r-${i}` })),
          )
        ).status,
      ).toBe(202);
      expect((await postEvents(limited, key.secret, { trigger: 'order_placed', authId: 'r-0' })).status).toBe(202);
      const refused = await postIdentify(limited, key.secret, { authId: 'r-10' });
      expect(refused).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
      expect(refused.body.error.message).toMatch(/customers/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await customerByAuthId(admin, 'r-10')).toBeNull();
    } finally {
      await limited.close();
    }
  });

  it('writes a whole request in one transaction with a fixed number of statements, 5 customers or 500', async () => {
    const { admin, key } = await setup();
    const batch = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => ({
        authId: `${tag}-${i}`,
        messageId: `${tag}-m-${i}`,
        email: `${tag}-${i}@example.com`,
        devices: [{ app: 'shop', platform: 'ANDROID', token: `${tag}-${i}` }],
        consents: [{ channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_IN' }],
      }));
    const statements = async (n: number, tag: string) => {
      const before = t.queries.count;
      const res = await postIdentify(t, key.secret, { customers: batch(n, tag) });
      expect(res.body.accepted).toBe(n);
      return t.queries.count - before;
    };
    const five = await statements(5, 'five');
    expect(await statements(500, 'many')).toBe(five);
    expect(five).toBeLessThan(20);
    expect(await customerByAuthId(admin, 'many-499')).toMatchObject({ email: 'many-499@example.com' });
  });
});

describe('POST /v1/identify when the database fails mid-request', () => {
  let s: TestServer;
  let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;
  beforeAll(async () => {
    // A constraint the checks know nothing about: writing authId "refuse-me" fails like an unforeseen data error.
    scratch = await createMigratedScratchDatabase(`ALTER TABLE customers ADD CONSTRAINT test_refuse_me CHECK (auth_id IS DISTINCT FROM 'refuse-me')`);
    s = await startTestServer({ databaseUrl: scratch.url, env: { INGEST_RATE_LIMIT_PER_MINUTE: '1000000' } });
  });
  afterAll(async () => {
    await s.close();
    await scratch.drop();
  });

  it('answers 503 with Retry-After and stores nothing of the request (all or nothing); the retry stores all 500', async () => {
    const ws = await createWorkspace(s);
    const admin = await GqlClient.signedIn(s, ws.admin);
    const key = await createIngestionKey(admin);
    const tag = randomUUID().slice(0, 8);
    const body = {
      customers: Array.from({ length: 500 }, (_, i) => ({
        authId: `${tag}-${i}`,
        messageId: `${tag}-${i}`,
        consents: [{ channel: 'EMAIL', purpose: 'TRANSACTIONAL', status: 'OPTED_IN' }],
      })),
    };
    // Consent is written after the customers: the request has inserted 500 customers when it waits here.
    const lost = await loseConnectionDuringWrite(scratch.url, 'customer_consents', () => postIdentify(s, key.secret, body));
    expect(lost).toMatchObject({ status: 503, body: { error: { code: 'UNAVAILABLE' } } });
    expect(Number(lost.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await s.dataSource.query('SELECT 1 FROM customers WHERE workspace_id = $1', [ws.id])).toEqual([]);
    expect(await s.dataSource.query('SELECT 1 FROM identify_messages WHERE workspace_id = $1', [ws.id])).toEqual([]);
    const retried = await postIdentify(s, key.secret, body);
    expect(retried).toMatchObject({ status: 202, body: { accepted: 500, duplicates: 0 } });
  });

  it('an item the database refuses unforeseen is rejected alone (STORE_FAILED); the others are stored', async () => {
    const ws = await createWorkspace(s);
    const admin = await GqlClient.signedIn(s, ws.admin);
    const key = await createIngestionKey(admin);
    const res = await postIdentify(
      s,
      key.secret,
      ['ok-1', 'ok-2', 'refuse-me', 'ok-3', 'ok-4'].map((authId) => ({ authId, messageId: `m-${authId}` })),
    );
    expect(res.status).toBe(202);
    expect(res.body.results.map((r: any) => r.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'REJECTED', 'ACCEPTED', 'ACCEPTED']);
    expect(res.body.results[2].reasons[0]).toMatchObject({ code: 'STORE_FAILED', field: null });
    const stored = await s.dataSource.query('SELECT auth_id FROM customers WHERE workspace_id = $1 ORDER BY auth_id', [ws.id]);
    expect(stored.map((r: any) => r.auth_id)).toEqual(['ok-1', 'ok-2', 'ok-3', 'ok-4']);
  });
});
