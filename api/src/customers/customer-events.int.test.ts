import type { PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertCustomer } from '../../test/customers.js';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents, triggerStatus } from '../../test/ingestion.js';
import { createTrigger } from '../../test/triggers.js';
import { collect, wsClient } from '../../test/ws.js';
import { poolOf } from '../db/data-source.js';

/**
 * Events meet customers (found or created by authId and the trigger's identity, in the transaction that stores
 * the event) and customers raise the out-of-box business triggers through the same storage as custom events.
 */

let t: TestServer;
beforeAll(async () => {
  // FLARE_ROLE=api: no journey executor or sender checks out connections while a test counts the flush's statements.
  t = await startTestServer({ env: { INGEST_RATE_LIMIT_PER_MINUTE: '1000000', FLARE_ROLE: 'api' } });
});
afterAll(() => t.close());

async function setup(server = t, identity = 'CONTACT') {
  const ws = await createWorkspace(server);
  const admin = await GqlClient.signedIn(server, ws.admin);
  const trigger = await createTrigger(admin, { identity });
  const key = await createIngestionKey(admin);
  return { ws, admin, trigger, key };
}
const valid = (key: string, over: Record<string, unknown> = {}) => ({ trigger: key, authId: 'c-1', attributes: { total: 9.5, order: 'o-1' }, ...over });
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

const CUSTOMERS = `query { customers(first: 100) { totalCount nodes { id kind authId email phone source } } }`;
const BY_AUTH_ID = `query($kind: CustomerIdentity!, $authId: String!) { customerByAuthId(kind: $kind, authId: $authId) { id kind authId email phone source } }`;
const BY_KEY = `query($key: String!) { triggerByKey(key: $key) { id status } }`;
const EVENT_LOG = `query($id: ID!) { triggerEventLog(triggerId: $id, first: 50) { totalCount nodes { accepted authId payload reasons { code } } } }`;
const TIMELINE = `query($id: ID!, $first: Int!, $after: String, $accepted: Boolean) { customer(id: $id) { timeline(first: $first, after: $after, accepted: $accepted) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id triggerKey trigger { key title } accepted reasons { code } payload occurredAt receivedAt } } } }`;

async function eventLog(admin: GqlClient, key: string) {
  const { triggerByKey } = await admin.data(BY_KEY, { key });
  return (await admin.data(EVENT_LOG, { id: triggerByKey.id })).triggerEventLog as { totalCount: number; nodes: any[] };
}

describe('events meet customers', () => {
  it('an accepted event for an unknown authId creates a CONTACT customer (source EVENT); the next event reuses it; both name it', async () => {
    const { admin, trigger, key } = await setup();
    expect((await postEvents(t, key.secret, valid(trigger.key, { authId: 'new-1' }))).body.accepted).toBe(1);
    const { customerByAuthId: created } = await admin.data(BY_AUTH_ID, { kind: 'CONTACT', authId: 'new-1' });
    expect(created).toMatchObject({ kind: 'CONTACT', authId: 'new-1', email: null, source: 'EVENT' });
    await postEvents(t, key.secret, { events: [valid(trigger.key, { authId: 'new-1' }), valid(trigger.key, { authId: 'new-1' })] });
    expect((await admin.data(CUSTOMERS)).customers.totalCount).toBe(1);
    const rows = await t.dataSource.query(`SELECT customer_id FROM trigger_events WHERE trigger_id = $1`, [trigger.id]);
    expect(rows).toEqual([{ customer_id: created.id }, { customer_id: created.id }, { customer_id: created.id }]);
  });

  it('a PROFILE event creates a PROFILE customer with the contact points it carries (normalised), kept on the event too', async () => {
    const { admin, trigger, key } = await setup(t, 'PROFILE');
    const res = await postEvents(t, key.secret, valid(trigger.key, { authId: 'p-1', contactpoint_email: 'Ada@Example.com', contactpoint_phone: '+44 20 7946 0958' }));
    expect(res.body.accepted).toBe(1);
    const { customerByAuthId: created } = await admin.data(BY_AUTH_ID, { kind: 'PROFILE', authId: 'p-1' });
    expect(created).toMatchObject({ kind: 'PROFILE', email: 'ada@example.com', phone: '+442079460958', source: 'EVENT' });
    const [row] = await t.dataSource.query(`SELECT contactpoint_email, contactpoint_phone, customer_id FROM trigger_events WHERE trigger_id = $1`, [trigger.id]);
    expect(row).toEqual({ contactpoint_email: 'Ada@Example.com', contactpoint_phone: '+44 20 7946 0958', customer_id: created.id });
    // Profiles raise no business trigger.
    expect((await eventLog(admin, 'contact_created')).totalCount).toBe(0);
  });

  it('test events and rejected events create nothing', async () => {
    const { admin, trigger, key } = await setup();
    await admin.data(`mutation($input: SendTestEventInput!) { sendTestEvent(input: $input) { accepted } }`, { input: { triggerId: trigger.id } });
    await postEvents(t, key.secret, { trigger: trigger.key, authId: 'r-1', attributes: {} });
    expect((await admin.data(CUSTOMERS)).customers.totalCount).toBe(0);
    expect((await eventLog(admin, 'contact_created')).totalCount).toBe(0);
  });

  it('a customer created by an event raises contact_created once, which creates nothing more', async () => {
    const { ws, admin, trigger, key } = await setup();
    await postEvents(t, key.secret, { events: [valid(trigger.key, { authId: 'loop-1' }), valid(trigger.key, { authId: 'loop-1' })] });
    const log = await eventLog(admin, 'contact_created');
    expect(log.nodes).toMatchObject([{ accepted: true, authId: 'loop-1', payload: { trigger: 'contact_created', authId: 'loop-1', attributes: { contactId: 'loop-1' } } }]);
    expect((await admin.data(CUSTOMERS)).customers.nodes.map((c: any) => c.authId)).toEqual(['loop-1']);
    const { customerByAuthId } = await admin.data(BY_AUTH_ID, { kind: 'CONTACT', authId: 'loop-1' });
    const [{ customer_id }] = await t.dataSource.query(`SELECT customer_id FROM trigger_events WHERE trigger_key = 'contact_created' AND workspace_id = $1`, [ws.id]);
    expect(customer_id).toBe(customerByAuthId.id);
  });

  it('a batch’s statement count does not grow with its size (100 new customers cost what 10 do)', async () => {
    const { trigger, key } = await setup();
    await postEvents(t, key.secret, valid(trigger.key, { authId: 'warm-up' }));
    const pool = poolOf(t.dataSource);
    const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<PoolClient> | undefined;
    let statements = 0;
    // Counts the statements of the flush's transaction (the promise-style checkout writeBatch uses; TypeORM and
    // pool.query check out with a callback and are left alone).
    (pool as unknown as { connect: unknown }).connect = async (callback?: unknown) => {
      if (callback) return connect(callback);
      const client = (await connect())!;
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: unknown }).query = (...args: unknown[]) => ((statements += 1), query(...args));
      const release = client.release.bind(client);
      client.release = (error?: Error | boolean) => {
        (client as unknown as { query: unknown }).query = query;
        client.release = release;
        return release(error);
      };
      return client;
    };
    try {
      const count = async (n: number, tag: string) => {
        statements = 0;
        const res = await postEvents(t, key.secret, { events: Array.from({ length: n }, (_, i) => valid(trigger.key, { authId: `${tag}-${i}` })) });
        expect(res.body.accepted).toBe(n);
        return statements;
      };
      const ten = await count(10, 'ten');
      const hundred = await count(100, 'hundred');
      expect(ten).toBeGreaterThan(5);
      expect(hundred).toBe(ten);
    } finally {
      delete (pool as unknown as { connect?: unknown }).connect;
    }
  });
});

describe('business triggers fire', () => {
  it('a new contact raises contact_created: streamed on triggerEvents, in the event log, counted, the trigger ready', async () => {
    const { admin } = await setup();
    const { triggerByKey: contactCreated } = await admin.data(BY_KEY, { key: 'contact_created' });
    // Out-of-box triggers are Ready to use from the start (trigger.service ensureCatalog); they stay so.
    const socket = wsClient(t.wsUrl, {}, { cookie: admin.cookie!, origin: 'http://localhost:4000' });
    const stream = collect(socket, `subscription($id: ID!) { triggerEvents(triggerId: $id) { triggerKey accepted authId payload } }`, { id: contactCreated.id });
    await settle();
    const { customer } = await upsertCustomer(admin, { authId: 'crm-1', email: 'ada@example.com' });
    await stream.first(1);
    expect(stream.results[0].data!.triggerEvents).toEqual([
      { triggerKey: 'contact_created', accepted: true, authId: 'crm-1', payload: { trigger: 'contact_created', authId: 'crm-1', attributes: { contactId: 'crm-1' } } },
    ]);
    stream.dispose();
    await socket.dispose();
    expect((await eventLog(admin, 'contact_created')).totalCount).toBe(1);
    expect(await triggerStatus(admin, contactCreated.id)).toMatchObject({ status: 'READY_TO_USE' });
    const { trigger } = await admin.data(`query($id: ID!) { trigger(id: $id) { verification { validCount } } }`, { id: contactCreated.id });
    expect(trigger.verification.validCount).toBe(1);
    const [{ customer_id }] = await t.dataSource.query(`SELECT customer_id FROM trigger_events WHERE trigger_id = $1`, [contactCreated.id]);
    expect(customer_id).toBe(customer.id);
  });

  it('email, phone and address changes raise their triggers; a new lead raises lead_created; an unchanged upsert raises nothing', async () => {
    const { admin } = await setup();
    await upsertCustomer(admin, { authId: 'crm-2', email: 'a@example.com', phone: '+442079460958', city: 'London' });
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          ['contact_created', 'contact_email_updated', 'contact_phone_updated', 'contact_address_updated', 'lead_created'].map(async (k) => [
            k,
            (await eventLog(admin, k)).totalCount,
          ]),
        ),
      );
    expect(await counts()).toEqual({ contact_created: 1, contact_email_updated: 0, contact_phone_updated: 0, contact_address_updated: 0, lead_created: 0 });
    await upsertCustomer(admin, { authId: 'crm-2', email: 'A@example.com', phone: '+44 20 7946 0958', city: 'London', firstName: 'Ada' });
    expect(await counts()).toMatchObject({ contact_email_updated: 0, contact_phone_updated: 0, contact_address_updated: 0 });
    await upsertCustomer(admin, { authId: 'crm-2', email: 'b@example.com' });
    expect(await counts()).toMatchObject({ contact_email_updated: 1, contact_phone_updated: 0, contact_address_updated: 0 });
    await upsertCustomer(admin, { authId: 'crm-2', phone: '+442079460959' });
    expect(await counts()).toMatchObject({ contact_email_updated: 1, contact_phone_updated: 1, contact_address_updated: 0 });
    await upsertCustomer(admin, { authId: 'crm-2', city: 'Leeds', postalCode: 'LS1 1AA' });
    expect(await counts()).toMatchObject({ contact_email_updated: 1, contact_phone_updated: 1, contact_address_updated: 1 });
    await upsertCustomer(admin, { kind: 'LEAD', authId: 'crm-2' });
    await upsertCustomer(admin, { kind: 'LEAD', authId: 'crm-2', email: 'lead@example.com' });
    expect(await counts()).toEqual({ contact_created: 1, contact_email_updated: 1, contact_phone_updated: 1, contact_address_updated: 1, lead_created: 1 });
    const lead = (await eventLog(admin, 'lead_created')).nodes[0];
    expect(lead).toMatchObject({ accepted: true, authId: 'crm-2', payload: { attributes: { leadId: 'crm-2' } } });
    const updated = (await eventLog(admin, 'contact_email_updated')).nodes[0];
    expect(updated).toMatchObject({ accepted: true, authId: 'crm-2', payload: { attributes: { contactId: 'crm-2' } } });
  });
});

describe('the customer timeline', () => {
  it('pages the customer’s events newest first, accepted and rejected, with trigger, reasons and payload', async () => {
    const { admin, trigger, key } = await setup();
    const { customer } = await upsertCustomer(admin, { authId: 'tl-1' });
    await postEvents(t, key.secret, valid(trigger.key, { authId: 'tl-1', attributes: { total: 1, order: 'o-1' } }));
    await postEvents(t, key.secret, { trigger: trigger.key, authId: 'tl-1', attributes: { total: 'lots' } });
    await postEvents(t, key.secret, valid(trigger.key, { authId: 'tl-1', attributes: { total: 3, order: 'o-3' } }));
    await postEvents(t, key.secret, valid(trigger.key, { authId: 'someone-else' }));
    const first = (await admin.data(TIMELINE, { id: customer.id, first: 2 })).customer.timeline;
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes).toMatchObject([
      { triggerKey: trigger.key, trigger: { key: trigger.key, title: trigger.title }, accepted: true, reasons: [], payload: { attributes: { order: 'o-3' } } },
      { triggerKey: trigger.key, accepted: false, reasons: [{ code: 'MISSING_ATTRIBUTE' }, { code: 'INVALID_TYPE' }] },
    ]);
    const second = (await admin.data(TIMELINE, { id: customer.id, first: 2, after: first.pageInfo.endCursor })).customer.timeline;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.nodes).toMatchObject([
      { triggerKey: trigger.key, accepted: true, payload: { attributes: { order: 'o-1' } } },
      { triggerKey: 'contact_created', trigger: { title: 'Contact created' }, accepted: true },
    ]);
    const times = [...first.nodes, ...second.nodes].map((n: any) => n.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const rejected = (await admin.data(TIMELINE, { id: customer.id, first: 10, accepted: false })).customer.timeline;
    expect(rejected.nodes.map((n: any) => n.accepted)).toEqual([false]);
  });

  it('stays inside its workspace and needs customers:read', async () => {
    const mine = await setup();
    const theirs = await setup();
    const { customer } = await upsertCustomer(mine.admin, { authId: 'shared-id' });
    await upsertCustomer(theirs.admin, { authId: 'shared-id' });
    await postEvents(t, theirs.key.secret, valid(theirs.trigger.key, { authId: 'shared-id' }));
    const timeline = (await mine.admin.data(TIMELINE, { id: customer.id, first: 10 })).customer.timeline;
    expect(timeline.nodes.map((n: any) => n.triggerKey)).toEqual(['contact_created']);
    expect(await theirs.admin.error(TIMELINE, { id: customer.id, first: 10 })).toMatchObject({ code: 'NOT_FOUND' });
    const { createApiKey } = await mine.admin.data(`mutation { createApiKey(input: { label: "events only", scopes: [EVENTS_READ] }) { secret } }`);
    expect(await GqlClient.withKey(t, createApiKey.secret).error(TIMELINE, { id: customer.id, first: 10 })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a customer the database refuses to create', () => {
  let server: TestServer;
  let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;
  beforeAll(async () => {
    // A constraint the customer checks know nothing of: creating the customer "refuse-me" fails in PostgreSQL.
    scratch = await createMigratedScratchDatabase(`ALTER TABLE customers ADD CONSTRAINT test_refuse_me CHECK (auth_id <> 'refuse-me')`);
    server = await startTestServer({ databaseUrl: scratch.url, env: { INGEST_RATE_LIMIT_PER_MINUTE: '1000000' } });
  });
  afterAll(async () => {
    await server.close();
    await scratch.drop();
  });

  it('refuses that event alone (STORE_FAILED, isolated by bisection); the rest of the flush and their customers commit', async () => {
    const { admin, trigger, key } = await setup(server);
    const res = await postEvents(server, key.secret, {
      events: [valid(trigger.key, { authId: 'ok-1' }), valid(trigger.key, { authId: 'refuse-me' }), valid(trigger.key, { authId: 'ok-2' })],
    });
    expect(res.status).toBe(202);
    expect(res.body.results.map((r: any) => [r.status, r.reasons.map((x: any) => x.code).join()])).toEqual([
      ['ACCEPTED', ''],
      ['REJECTED', 'STORE_FAILED'],
      ['ACCEPTED', ''],
    ]);
    const { customers } = await admin.data(CUSTOMERS);
    expect(customers.nodes.map((c: any) => c.authId).sort()).toEqual(['ok-1', 'ok-2']);
    const rows = await server.dataSource.query(`SELECT auth_id, accepted, customer_id IS NOT NULL AS linked FROM trigger_events WHERE trigger_id = $1 ORDER BY auth_id`, [
      trigger.id,
    ]);
    expect(rows).toEqual([
      { auth_id: 'ok-1', accepted: true, linked: true },
      { auth_id: 'ok-2', accepted: true, linked: true },
      { auth_id: null, accepted: false, linked: false }, // the stub keeps no authId
    ]);
  });
});
