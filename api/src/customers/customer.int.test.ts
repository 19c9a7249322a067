import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';
import { CUSTOMER_FIELDS, UPSERT_CUSTOMER, upsertCustomer } from '../../test/customers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

async function admin() {
  const ws = await createWorkspace(t);
  return { ws, client: await GqlClient.signedIn(t, ws.admin) };
}
const SET_CONSENT = `mutation($input: SetConsentInput!) { setConsent(input: $input) { id consents { channel purpose status allowsSending contactPoint }
  consentHistory(first: 10) { totalCount nodes { channel purpose status source contactPoint } } } }`;
const LIST = `query($filter: CustomerFilter, $after: String, $first: Int!) { customers(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { authId } } }`;

describe('customers', () => {
  it('creates then updates by kind and authId, normalising email and phone; omitted fields keep their value, null clears', async () => {
    const { client } = await admin();
    const created = await upsertCustomer(client, {
      authId: 'c-1',
      email: '  Ada@Example.COM ',
      phone: '+44 20 7946 0958',
      firstName: 'Ada',
      timeZone: 'Europe/London',
      locale: 'en-gb',
    });
    expect(created.created).toBe(true);
    expect(created.customer).toMatchObject({ kind: 'CONTACT', authId: 'c-1', email: 'ada@example.com', phone: '+442079460958', firstName: 'Ada', locale: 'en-GB', source: 'SPA' });
    const national = await upsertCustomer(client, { authId: 'c-1', phone: '020 7946 0958', country: 'gb', firstName: null });
    expect(national.created).toBe(false);
    expect(national.customer).toMatchObject({ id: created.customer.id, email: 'ada@example.com', phone: '+442079460958', firstName: null, country: 'GB' });
    const lead = await upsertCustomer(client, { kind: 'LEAD', authId: 'c-1' });
    expect(lead.created).toBe(true);
    expect(lead.customer.id).not.toBe(created.customer.id);
  });

  it('refuses bad values with the field and a reason, storing nothing', async () => {
    const { client } = await admin();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ email: 'not-an-email' }, 'email', 'INVALID_EMAIL'],
      [{ email: `${'a'.repeat(245)}@example.com` }, 'email', 'INVALID_EMAIL'],
      [{ phone: '12' }, 'phone', 'INVALID_PHONE'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'INVALID_TIME_ZONE'],
      [{ locale: 'not a locale!' }, 'locale', 'INVALID_LOCALE'],
      [{ country: 'GBR' }, 'country', 'INVALID_COUNTRY'],
      [{ firstName: 'x'.repeat(101) }, 'firstName', 'TOO_LONG'],
      [{ authId: 'x'.repeat(201) }, 'authId', 'INVALID_AUTH_ID'],
      [{ fields: { undefinedField: 1 } }, 'fields.undefinedField', 'UNKNOWN_CUSTOMER_FIELD'],
      [{ devices: Array.from({ length: 21 }, (_, i) => ({ app: 'a', platform: 'IOS', token: `t${i}` })) }, 'devices', 'INVALID_DEVICES'],
    ];
    for (const [over, field, reason] of cases) {
      const error = await client.error(UPSERT_CUSTOMER, { input: { kind: 'CONTACT', authId: 'bad-1', ...over } });
      expect(error, reason).toMatchObject({ code: 'BAD_USER_INPUT', reason });
      expect(error.error.extensions.field, reason).toBe(field);
    }
    expect((await client.data(LIST, { first: 10 })).customers.totalCount).toBe(0);
    // At the boundary: accepted.
    const edge = await upsertCustomer(client, { authId: 'x'.repeat(200), firstName: 'x'.repeat(100), email: `${'a'.repeat(242)}@example.com` });
    expect(edge.created).toBe(true);
  });

  it('custom fields: typed values, at most 50 per workspace, names checked', async () => {
    const { client } = await admin();
    const DEFINE = `mutation($input: DefineCustomerFieldInput!) { defineCustomerField(input: $input) { name type label } }`;
    await client.data(DEFINE, { input: { name: 'loyaltyTier', type: 'TEXT', label: 'Loyalty tier' } });
    await client.data(DEFINE, { input: { name: 'points', type: 'NUMBER', label: 'Points' } });
    expect(await client.error(DEFINE, { input: { name: 'points', type: 'TEXT', label: 'Again' } })).toMatchObject({ code: 'CONFLICT', reason: 'FIELD_NAME_TAKEN' });
    expect(await client.error(DEFINE, { input: { name: '9lives', type: 'TEXT', label: 'x' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_FIELD_NAME' });
    expect(await client.error(DEFINE, { input: { name: '__proto__', type: 'TEXT', label: 'x' } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await client.error(DEFINE, { input: { name: 'email', type: 'TEXT', label: 'x' } })).toMatchObject({ reason: 'RESERVED_FIELD_NAME' });
    const c = await upsertCustomer(client, { authId: 'f-1', fields: { loyaltyTier: 'gold', points: 12 } });
    expect(c.customer.fields).toEqual({ loyaltyTier: 'gold', points: 12 });
    const wrongType = await client.error(UPSERT_CUSTOMER, { input: { kind: 'CONTACT', authId: 'f-1', fields: { points: 1.5 } } });
    expect(wrongType).toMatchObject({ reason: 'INVALID_FIELD_VALUE' });
    expect(wrongType.error.extensions.field).toBe('fields.points');
    const cleared = await upsertCustomer(client, { authId: 'f-1', fields: { loyaltyTier: null } });
    expect(cleared.customer.fields).toEqual({ points: 12 });
    for (let i = 2; i < 50; i += 1) await client.data(DEFINE, { input: { name: `f${i}`, type: 'BOOLEAN', label: `F${i}` } });
    expect(await client.error(DEFINE, { input: { name: 'oneTooMany', type: 'TEXT', label: 'x' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_FIELDS' });
  });

  it('consent per channel and purpose, kept as history; the workspace model decides what may be sent; commercial text always needs opt-in', async () => {
    const { client } = await admin();
    const { customer } = await upsertCustomer(client, { authId: 'k-1', email: 'k@example.com', phone: '+442079460958' });
    const allows = (consents: any[], channel: string, purpose: string) => consents.find((c) => c.channel === channel && c.purpose === purpose).allowsSending;
    expect(customer.consents).toHaveLength(6);
    expect(allows(customer.consents, 'EMAIL', 'COMMERCIAL')).toBe(true);
    expect(allows(customer.consents, 'TEXT', 'COMMERCIAL')).toBe(false);
    expect(allows(customer.consents, 'TEXT', 'TRANSACTIONAL')).toBe(false);
    const out = (
      await client.data(SET_CONSENT, { input: { customerId: customer.id, channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_OUT', contactPoint: 'K@example.com' } })
    ).setConsent;
    expect(allows(out.consents, 'EMAIL', 'COMMERCIAL')).toBe(false);
    await client.data(SET_CONSENT, { input: { customerId: customer.id, channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_IN' } });
    const history = (await client.data(SET_CONSENT, { input: { customerId: customer.id, channel: 'TEXT', purpose: 'COMMERCIAL', status: 'OPTED_IN' } })).setConsent;
    expect(history.consentHistory.nodes.map((n: any) => `${n.channel}:${n.status}`)).toEqual(['TEXT:OPTED_IN', 'EMAIL:OPTED_IN', 'EMAIL:OPTED_OUT']);
    expect(history.consentHistory.nodes[2]).toMatchObject({ source: 'SPA', contactPoint: 'K@example.com' });
    expect(allows(history.consents, 'TEXT', 'COMMERCIAL')).toBe(true);
    await client.data(`mutation { setConsentPolicy(input: { channel: EMAIL, model: RESTRICTIVE }) { channel model } }`);
    const { customer: other } = await upsertCustomer(client, { authId: 'k-2' });
    expect(allows(other.consents, 'EMAIL', 'COMMERCIAL')).toBe(false);
    // The history is append-only in the database itself.
    await expect(t.dataSource.query('UPDATE consent_changes SET status = $1 WHERE customer_id = $2', ['OPTED_OUT', customer.id])).rejects.toThrow(/append-only/);
  });

  it('searches by email, phone, name or authId prefix, filters by kind and consent, pages', async () => {
    const { client } = await admin();
    await upsertCustomer(client, { authId: 'crm-100', email: 'zoe@example.com', firstName: 'Zoë', lastName: 'Quinn', phone: '+14155550123' });
    await upsertCustomer(client, { authId: 'crm-200', email: 'max@example.org', lastName: 'Zimmer' });
    await upsertCustomer(client, { kind: 'LEAD', authId: 'lead-1', email: 'zed@example.net' });
    const authIds = async (filter: Record<string, unknown>) => (await client.data(LIST, { first: 10, filter })).customers.nodes.map((n: any) => n.authId).sort();
    expect(await authIds({ search: 'zoe@' })).toEqual(['crm-100']);
    expect(await authIds({ search: 'Z' })).toEqual(['crm-100', 'crm-200', 'lead-1']);
    expect(await authIds({ search: 'zim' })).toEqual(['crm-200']);
    expect(await authIds({ search: '+1415555' })).toEqual(['crm-100']);
    expect(await authIds({ search: 'crm-' })).toEqual(['crm-100', 'crm-200']);
    expect(await authIds({ search: '%' })).toEqual([]);
    expect(await authIds({ kind: 'LEAD' })).toEqual(['lead-1']);
    const zoe = (await client.data(`query { customerByAuthId(kind: CONTACT, authId: "crm-100") { id } }`)).customerByAuthId;
    await client.data(SET_CONSENT, { input: { customerId: zoe.id, channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_OUT' } });
    expect(await authIds({ consent: { channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_OUT' } })).toEqual(['crm-100']);
    expect(await authIds({ consent: { channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'UNKNOWN' } })).toEqual(['crm-200', 'lead-1']);
    const first = (await client.data(LIST, { first: 2 })).customers;
    const second = (await client.data(LIST, { first: 2, after: first.pageInfo.endCursor })).customers;
    expect([...first.nodes, ...second.nodes].map((n: any) => n.authId).sort()).toEqual(['crm-100', 'crm-200', 'lead-1']);
    expect(await client.data(`query { customerByAuthId(kind: LEAD, authId: "crm-100") { id } }`)).toEqual({ customerByAuthId: null });
  });

  it('devices: several per customer, removable, newest 20 kept', async () => {
    const { client } = await admin();
    await upsertCustomer(client, {
      authId: 'd-1',
      devices: [
        { app: 'shop', platform: 'IOS', token: 'a' },
        { app: 'shop', platform: 'ANDROID', token: 'b' },
      ],
    });
    const removed = await upsertCustomer(client, { authId: 'd-1', devices: [{ app: 'shop', platform: 'IOS', token: 'a', remove: true }] });
    expect(removed.customer.devices.map((d: any) => d.token)).toEqual(['b']);
    for (let round = 0; round < 2; round += 1) {
      await upsertCustomer(client, { authId: 'd-1', devices: Array.from({ length: 20 }, (_, i) => ({ app: 'shop', platform: 'WEB', token: `r${round}-${i}` })) });
    }
    const kept = (await client.data(`query { customerByAuthId(kind: CONTACT, authId: "d-1") { devices { token } } }`)).customerByAuthId.devices;
    expect(kept).toHaveLength(20);
    expect(kept.every((d: any) => d.token.startsWith('r1-'))).toBe(true);
  });

  it('stays inside its workspace and obeys roles and key scopes', async () => {
    const a = await admin();
    const b = await admin();
    const { customer } = await upsertCustomer(a.client, { authId: 'secret-1', email: 'secret@example.com' });
    expect(await b.client.error(`query($id: ID!) { customer(id: $id) { id } }`, { id: customer.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await b.client.data(LIST, { first: 10, filter: { search: 'secret' } })).customers.totalCount).toBe(0);
    expect(await b.client.error(SET_CONSENT, { input: { customerId: customer.id, channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_IN' } })).toMatchObject({
      code: 'NOT_FOUND',
    });
    const viewer = await GqlClient.signedIn(t, await addMember(t, a.ws, Role.VIEWER), a.ws.id);
    expect((await viewer.data(LIST, { first: 10 })).customers.totalCount).toBe(1);
    expect(await viewer.error(UPSERT_CUSTOMER, { input: { kind: 'CONTACT', authId: 'v-1' } })).toMatchObject({ code: 'FORBIDDEN' });
    const marketer = await GqlClient.signedIn(t, await addMember(t, a.ws, Role.MARKETER), a.ws.id);
    expect(await marketer.error(`mutation { setConsentPolicy(input: { channel: EMAIL, model: RESTRICTIVE }) { model } }`)).toMatchObject({ code: 'FORBIDDEN' });
    const key = async (scopes: string) =>
      GqlClient.withKey(t, (await a.client.data(`mutation { createApiKey(input: { label: "k", scopes: [${scopes}] }) { secret } }`)).createApiKey.secret);
    const reader = await key('TRIGGERS_READ');
    expect(await reader.error(LIST, { first: 1 })).toMatchObject({ code: 'FORBIDDEN' });
    const writer = await key('CUSTOMERS_WRITE');
    const made = (await writer.data(UPSERT_CUSTOMER, { input: { kind: 'PROFILE', authId: 'p-1' } })).upsertCustomer;
    expect(made.customer).toMatchObject({ kind: 'PROFILE', source: 'API' });
    expect((await writer.data(LIST, { first: 10 })).customers.totalCount).toBe(2);
  });

  it('pages a list with a fixed number of statements whatever its size', async () => {
    const { client } = await admin();
    for (let i = 0; i < 30; i += 1) await upsertCustomer(client, { authId: `n-${i}`, devices: [{ app: 'a', platform: 'IOS', token: `t${i}` }] });
    const q = `query($first: Int!) { customers(first: $first) { nodes { ${CUSTOMER_FIELDS} } } }`;
    const count = async (first: number) => {
      const before = t.queries.count;
      await client.data(q, { first });
      return t.queries.count - before;
    };
    expect(await count(30)).toBe(await count(3));
  });
});
