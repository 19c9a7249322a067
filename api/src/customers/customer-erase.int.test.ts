import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';
import { UPSERT_CUSTOMER, upsertCustomer } from '../../test/customers.js';
import { postIdentify } from '../../test/identify.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { createTrigger } from '../../test/triggers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const ERASE = `mutation($input: EraseCustomerInput!) { eraseCustomer(input: $input) { id } }`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id kind authId email phone firstName lastName locale timeZone addressLine1 city postalCode country fields erasedAt
  consents { channel purpose status contactPoint } devices { token } consentHistory(first: 10) { totalCount nodes { channel status contactPoint } } } }`;
const SET_CONSENT = `mutation($input: SetConsentInput!) { setConsent(input: $input) { id } }`;
const LIST = `query($filter: CustomerFilter) { customers(first: 50, filter: $filter) { totalCount nodes { id } } }`;

async function admin() {
  const ws = await createWorkspace(t);
  return { ws, client: await GqlClient.signedIn(t, ws.admin) };
}

/**
 * Rows of every table in the public schema whose text contains `value` (case-insensitive): table → count.
 * Tables with a workspace_id are searched in this workspace only (other tests run beside this one).
 */
async function findEverywhere(workspaceId: string, value: string): Promise<Record<string, number>> {
  const tables: { table_name: string; scoped: boolean }[] = await t.dataSource.query(
    `SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'workspace_id') AS scoped
       FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY t.table_name`,
  );
  expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(['customers', 'consent_changes', 'trigger_events', 'trigger_stats', 'audit_entries']));
  const found: Record<string, number> = {};
  for (const { table_name, scoped } of tables) {
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM "${table_name}" AS r WHERE row_to_json(r)::text ILIKE $1 ${scoped ? 'AND r.workspace_id = $2' : 'AND $2::uuid IS NOT NULL'}`,
      [`%${value}%`, workspaceId],
    );
    if (n > 0) found[table_name] = n;
  }
  return found;
}

/** A customer with everything personal Flare can hold, and events that name them. */
async function personWithEverything() {
  const { ws, client } = await admin();
  const tag = randomUUID().slice(0, 8);
  const person = {
    authId: `rtbf-${tag}`,
    email: `zebulon.${tag}@erase-me.example`,
    phone: `+442079460${String(parseInt(tag, 16) % 1000).padStart(3, '0')}`,
    firstName: `Zebulon${tag}`,
    lastName: `Quarrington${tag}`,
    street: `${tag} Forget-Me Lane`,
  };
  await client.data(`mutation { defineCustomerField(input: { name: "nickname", type: TEXT, label: "Nickname" }) { name } }`);
  const { customer } = await upsertCustomer(client, {
    kind: 'PROFILE',
    authId: person.authId,
    email: person.email,
    phone: person.phone,
    firstName: person.firstName,
    lastName: person.lastName,
    addressLine1: person.street,
    city: 'London',
    postalCode: 'N1 9GU',
    country: 'GB',
    locale: 'en-GB',
    timeZone: 'Europe/London',
    fields: { nickname: `Zeb-${tag}` },
    devices: [
      { app: 'shop', platform: 'IOS', token: `token-${tag}-ios` },
      { app: 'shop', platform: 'ANDROID', token: `token-${tag}-android` },
    ],
    consents: [{ channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_IN', contactPoint: person.email }],
  });
  await client.data(SET_CONSENT, { input: { customerId: customer.id, channel: 'TEXT', purpose: 'COMMERCIAL', status: 'OPTED_IN', contactPoint: person.phone } });
  await client.data(SET_CONSENT, { input: { customerId: customer.id, channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_OUT', contactPoint: person.email } });

  // Every event names a profile (the person's kind), so resolving customers from events creates no other record of them.
  const trigger = await createTrigger(client, { identity: 'PROFILE' });
  const key = await createIngestionKey(client);
  const res = await postEvents(t, key.secret, {
    events: [
      // Accepted, with personal data in contact points, attributes and the messageId.
      {
        trigger: trigger.key,
        authId: person.authId,
        messageId: `m-${person.authId}`,
        contactpoint_email: person.email.toUpperCase(),
        contactpoint_phone: person.phone,
        attributes: { total: 10, order: 'o-1', coupon: person.firstName },
      },
      // Rejected: the reasons quote an unknown field named after the email and an unknown attribute.
      { trigger: trigger.key, authId: person.authId, [person.email]: true, attributes: { total: 'lots', order: 'o-2', [person.lastName]: 1 } },
      // Rejected, under another id but with the person's contact points.
      { trigger: trigger.key, authId: `visitor-${tag}`, contactpoint_email: person.email, contactpoint_phone: person.phone, attributes: { total: 5, coupon: person.lastName } },
      // Someone else: kept as it was.
      { trigger: trigger.key, authId: `other-${tag}`, attributes: { total: 1, order: 'o-4', coupon: 'keep-me' } },
    ],
  });
  expect(res.status).toBe(202);
  expect(res.body.results.map((r: any) => r.status)).toEqual(['ACCEPTED', 'REJECTED', 'REJECTED', 'ACCEPTED']);
  // Identify remembers messageIds (here naming the person) and rejections (here quoting a bad phone of theirs).
  const identified = await postIdentify(t, key.secret, [
    { kind: 'PROFILE', authId: person.authId, messageId: `id-${person.authId}`, city: 'London' },
    { kind: 'PROFILE', authId: person.authId, messageId: `id2-${tag}`, phone: `${person.lastName}-phone` },
  ]);
  expect(identified.body.results.map((r: any) => r.status)).toEqual(['ACCEPTED', 'REJECTED']);
  return { ws, client, customer, person, trigger, key, tag };
}

const stats = (workspaceId: string) =>
  t.dataSource.query(
    `SELECT trigger_id, version, valid_count, invalid_count, first_event_at, last_event_at FROM trigger_stats WHERE workspace_id = $1 ORDER BY trigger_id, version`,
    [workspaceId],
  );

describe('eraseCustomer', () => {
  it('leaves nothing personal anywhere in the database, keeps counts and the anonymised events, and audits without personal data', async () => {
    const { ws, client, customer, person, trigger, key, tag } = await personWithEverything();
    const personal = [person.authId, person.email, person.phone.slice(1), person.firstName, person.lastName, person.street, `token-${tag}`, `Zeb-${tag}`];
    // The search finds what is there before erasure (so it would find leftovers after).
    for (const value of personal) expect(Object.keys(await findEverywhere(ws.id, value)), value).not.toEqual([]);
    const eventsBefore = await t.dataSource.query(`SELECT count(*)::int AS n FROM trigger_events WHERE workspace_id = $1`, [ws.id]);
    const statsBefore = await stats(ws.id);
    expect(statsBefore.length).toBeGreaterThan(0);

    const erased = (await client.data(ERASE, { input: { id: customer.id, confirmAuthId: person.authId } })).eraseCustomer;
    expect(erased).toEqual({ id: customer.id });

    for (const value of personal) expect(await findEverywhere(ws.id, value), value).toEqual({});
    // Aggregate counts and the events themselves stay; the other customer's event is untouched.
    expect(await stats(ws.id)).toEqual(statsBefore);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM trigger_events WHERE workspace_id = $1`, [ws.id])).toEqual(eventsBefore);
    const events = await t.dataSource.query(
      `SELECT auth_id, contactpoint_email, contactpoint_phone, payload, accepted, reasons, trigger_key, trigger_version FROM trigger_events WHERE workspace_id = $1 ORDER BY id`,
      [ws.id],
    );
    const [accepted, rejected, visitor, other] = events;
    expect(accepted).toMatchObject({
      auth_id: `erased:${customer.id}`,
      contactpoint_email: null,
      contactpoint_phone: null,
      accepted: true,
      trigger_key: trigger.key,
      trigger_version: 1,
    });
    expect(accepted.payload).not.toHaveProperty('attributes');
    expect(rejected.accepted).toBe(false);
    expect(rejected.reasons.map((r: any) => r.code).sort()).toEqual(['INVALID_TYPE', 'UNKNOWN_ATTRIBUTE', 'UNKNOWN_FIELD']);
    expect(visitor).toMatchObject({ accepted: false, contactpoint_email: null, contactpoint_phone: null });
    expect(visitor.reasons.map((r: any) => r.code)).toEqual(['MISSING_ATTRIBUTE']);
    expect(other).toMatchObject({ auth_id: `other-${tag}`, payload: { attributes: { coupon: 'keep-me' } } });

    // The record stays, without personal data; consent history keeps what changed, not for which contact point.
    const kept = (await client.data(CUSTOMER, { id: customer.id })).customer;
    expect(kept).toMatchObject({
      id: customer.id,
      kind: 'PROFILE',
      authId: `erased:${customer.id}`,
      email: null,
      phone: null,
      firstName: null,
      lastName: null,
      locale: null,
      timeZone: null,
      addressLine1: null,
      city: null,
      postalCode: null,
      country: null,
      fields: {},
      devices: [],
    });
    expect(kept.erasedAt).not.toBeNull();
    // The timeline still shows the customer's events (accepted and rejected), anonymised.
    const timeline = (await client.data(`query($id: ID!) { customer(id: $id) { timeline(first: 10) { totalCount } } }`, { id: customer.id })).customer.timeline;
    expect(timeline.totalCount).toBe(2);
    expect(kept.consents.every((c: any) => c.status === 'UNKNOWN' && c.contactPoint === null)).toBe(true);
    expect(kept.consentHistory.totalCount).toBe(3);
    expect(kept.consentHistory.nodes.every((n: any) => n.contactPoint === null)).toBe(true);
    // The exception to the append-only history was for that transaction only.
    await expect(t.dataSource.query('UPDATE consent_changes SET status = $1 WHERE customer_id = $2', ['OPTED_OUT', customer.id])).rejects.toThrow(/append-only/);

    const audit = await t.dataSource.query(`SELECT action, target_id, details FROM audit_entries WHERE workspace_id = $1 AND action = 'customer.erase'`, [ws.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].target_id).toBe(customer.id);

    // Gone from the default list; erasing again is a conflict; consent cannot be set.
    expect((await client.data(LIST, {})).customers.nodes.map((n: any) => n.id)).not.toContain(customer.id);
    expect((await client.data(LIST, { filter: { includeErased: true } })).customers.nodes.map((n: any) => n.id)).toContain(customer.id);
    expect(await client.error(ERASE, { input: { id: customer.id, confirmAuthId: `erased:${customer.id}` } })).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ERASED' });
    expect(await client.error(SET_CONSENT, { input: { customerId: customer.id, channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_IN' } })).toMatchObject({
      code: 'CONFLICT',
    });
    // The same external id later is a new person.
    const again = await upsertCustomer(client, { kind: 'PROFILE', authId: person.authId, email: person.email });
    expect(again.created).toBe(true);
    expect(again.customer.id).not.toBe(customer.id);
    expect(await client.error(UPSERT_CUSTOMER, { input: { kind: 'PROFILE', authId: `erased:${customer.id}` } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RESERVED_AUTH_ID',
    });
    // Events with the erased record's authId name no one; with the old one, the new customer.
    await postEvents(t, key.secret, [
      { trigger: trigger.key, authId: `erased:${customer.id}`, messageId: `after-1-${tag}`, attributes: { total: 1, order: 'o-5' } },
      { trigger: trigger.key, authId: person.authId, messageId: `after-2-${tag}`, attributes: { total: 1, order: 'o-6' } },
    ]);
    const after = await t.dataSource.query(`SELECT customer_id FROM trigger_events WHERE workspace_id = $1 AND message_id LIKE 'after-%' ORDER BY message_id`, [ws.id]);
    expect(after).toEqual([{ customer_id: null }, { customer_id: again.customer.id }]);
  });

  it('needs the authId typed as confirmation, stays inside its workspace and needs customers:write', async () => {
    const a = await admin();
    const tag = randomUUID().slice(0, 8);
    const authId = `confirm-${tag}`;
    const email = `confirm.${tag}@example.com`;
    const { customer } = await upsertCustomer(a.client, { authId, email, phone: '+442079460958' });
    await upsertCustomer(a.client, { authId, email: `changed.${tag}@example.com`, city: `Town${tag}` });
    const wrong = await a.client.error(ERASE, { input: { id: customer.id, confirmAuthId: authId.toUpperCase() } });
    expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONFIRMATION_MISMATCH' });
    expect(wrong.error.extensions.field).toBe('confirmAuthId');
    expect(await a.client.error(ERASE, { input: { id: 'not-an-id', confirmAuthId: authId } })).toMatchObject({ code: 'BAD_USER_INPUT' });

    const b = await admin();
    expect(await b.client.error(ERASE, { input: { id: customer.id, confirmAuthId: authId } })).toMatchObject({ code: 'NOT_FOUND' });
    const viewer = await GqlClient.signedIn(t, await addMember(t, a.ws, Role.VIEWER), a.ws.id);
    expect(await viewer.error(ERASE, { input: { id: customer.id, confirmAuthId: authId } })).toMatchObject({ code: 'FORBIDDEN' });
    const key = async (scopes: string) =>
      GqlClient.withKey(t, (await a.client.data(`mutation { createApiKey(input: { label: "k", scopes: [${scopes}] }) { secret } }`)).createApiKey.secret);
    const reader = await key('CUSTOMERS_READ');
    expect(await reader.error(ERASE, { input: { id: customer.id, confirmAuthId: authId } })).toMatchObject({ code: 'FORBIDDEN' });
    // Nothing was erased by the refused attempts.
    expect((await a.client.data(CUSTOMER, { id: customer.id })).customer).toMatchObject({ email: `changed.${tag}@example.com`, erasedAt: null });
    const audit = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE workspace_id = $1 AND action = 'customer.erase'`, [a.ws.id]);
    expect(audit[0].n).toBe(0);

    // Business triggers (contact created, email and address updated) stored events that name the contact.
    expect(Object.keys(await findEverywhere(a.ws.id, authId))).toContain('trigger_events');

    const writer = await key('CUSTOMERS_WRITE');
    expect((await writer.data(ERASE, { input: { id: customer.id, confirmAuthId: authId } })).eraseCustomer).toEqual({ id: customer.id });
    const [entry] = await t.dataSource.query(`SELECT actor_type, details FROM audit_entries WHERE workspace_id = $1 AND action = 'customer.erase'`, [a.ws.id]);
    expect(entry.actor_type).toBe('API_KEY');
    expect(JSON.stringify(entry.details)).not.toMatch(/confirm/i);
    // A contact's own history (including any business-trigger events of its changes) is cleared too.
    for (const value of [authId, email, `changed.${tag}`, `Town${tag}`]) expect(await findEverywhere(a.ws.id, value), value).toEqual({});
  });
});
