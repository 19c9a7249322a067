import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { postIdentify } from '../../test/identify.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { createTrigger } from '../../test/triggers.js';

const SHOP = 'https://shop.example.com';
const EVIL = 'https://evil.example';
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { INGEST_RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => t.close());

async function setup() {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const trigger = await createTrigger(admin, { identity: 'PROFILE' });
  const key = await createIngestionKey(admin, [SHOP]);
  return { admin, trigger, key };
}
const event = (trigger: string) => ({ trigger, authId: 'profile-1', attributes: { total: 1, order: 'o-1' } });
/** As the JavaScript snippet sends it: text/plain (no preflight), the key in the body. */
const asSnippet = (key: string, trigger: string, origin: string) =>
  postEvents(t, null, JSON.stringify({ key, events: [event(trigger)] }), { 'content-type': 'text/plain;charset=UTF-8', origin });

/** What a browser needs to hand the JSON body of a cross-origin answer to the page. */
function expectReadableBy(res: { headers: Headers }, origin: string) {
  expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  expect(res.headers.get('vary')).toMatch(/Origin/);
  expect(res.headers.get('access-control-allow-credentials')).toBeNull();
}

describe('CORS on refused ingestion requests', () => {
  it('answers the preflight of any origin, the refused one included, with the methods and headers a sender uses', async () => {
    for (const path of ['/v1/events', '/v1/identify']) {
      const res = await fetch(`${t.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-flare-key' },
      });
      expect(res.status).toBe(204);
      expectReadableBy(res, EVIL);
      expect(res.headers.get('access-control-allow-methods')).toBe('POST');
      expect(res.headers.get('access-control-allow-headers')).toContain('x-flare-key');
      expect(res.headers.get('access-control-allow-headers')).toContain('content-type');
    }
  });

  it('lets a page on a refused origin read ORIGIN_NOT_ALLOWED', async () => {
    const { trigger, key } = await setup();
    const res = await asSnippet(key.secret, trigger.key, EVIL);
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'ORIGIN_NOT_ALLOWED' } } });
    expectReadableBy(res, EVIL);
    // With the key in a header (after a preflight) too.
    const viaHeader = await postEvents(t, key.secret, event(trigger.key), { origin: EVIL });
    expect(viaHeader).toMatchObject({ status: 403, body: { error: { code: 'ORIGIN_NOT_ALLOWED' } } });
    expectReadableBy(viaHeader, EVIL);
  });

  it('lets the page read INVALID_KEY for a wrong key, from an allowed origin or not', async () => {
    const { trigger, key } = await setup();
    for (const origin of [SHOP, EVIL]) {
      const wrongSecret = await asSnippet(`${key.prefix}_wrongwrongwrongwrongwrongwrong`, trigger.key, origin);
      expect(wrongSecret).toMatchObject({ status: 401, body: { error: { code: 'INVALID_KEY' } } });
      expectReadableBy(wrongSecret, origin);
      const unknown = await asSnippet('fik_Zz99Zz99_nosuchkeynosuchkeynosuchkey', trigger.key, origin);
      expect(unknown).toMatchObject({ status: 401, body: { error: { code: 'INVALID_KEY' } } });
      expectReadableBy(unknown, origin);
    }
  });

  it('lets the page read KEY_REVOKED for a revoked key', async () => {
    const { admin, trigger, key } = await setup();
    await admin.data(`mutation($id: ID!) { revokeIngestionKey(input: { id: $id }) { ingestionKey { state } } }`, { id: key.id });
    const res = await asSnippet(key.secret, trigger.key, SHOP);
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'KEY_REVOKED' } } });
    expectReadableBy(res, SHOP);
  });

  it('lets the page read the request problems (400, 413) and the identify endpoint’s refusals', async () => {
    const { key } = await setup();
    const malformed = await postEvents(t, key.secret, '{not json', { origin: EVIL });
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'MALFORMED_JSON' } } });
    expectReadableBy(malformed, EVIL);
    const tooLarge = await postEvents(t, key.secret, JSON.stringify({ events: [{ trigger: 'x', pad: 'x'.repeat(600 * 1024) }] }), { origin: EVIL });
    expect(tooLarge).toMatchObject({ status: 413, body: { error: { code: 'REQUEST_TOO_LARGE' } } });
    expectReadableBy(tooLarge, EVIL);
    const identify = await postIdentify(t, key.secret, { kind: 'PROFILE', authId: 'p-1' }, { origin: EVIL });
    expect(identify).toMatchObject({ status: 403, body: { error: { code: 'ORIGIN_NOT_ALLOWED' } } });
    expectReadableBy(identify, EVIL);
  });

  it('keeps the success answer as it was (allowed origin only), and adds nothing without an Origin', async () => {
    const { trigger, key } = await setup();
    const ok = await asSnippet(key.secret, trigger.key, SHOP);
    expect(ok).toMatchObject({ status: 202, body: { accepted: 1 } });
    expectReadableBy(ok, SHOP);
    expect(ok.headers.get('access-control-expose-headers')).toBeNull();
    const server = await postEvents(t, 'fik_Zz99Zz99_nosuchkeynosuchkeynosuchkey', event(trigger.key));
    expect(server.status).toBe(401);
    expect(server.headers.get('access-control-allow-origin')).toBeNull();
  });
});
