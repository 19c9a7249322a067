import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';

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

const IMPORT = `mutation($input: ImportCustomersInput!) { importCustomers(input: $input) { accepted created updated refused { row field reason message } } }`;
const MAPPING = `query($headers: [String!]!) { customerImportMapping(headers: $headers) { suggestions targets { key label } } }`;
const COUNT = `query { customers(first: 1) { totalCount } }`;
const ONE = `query($authId: String!) { customerByAuthId(kind: CONTACT, authId: $authId) { authId email phone firstName country fields source
  consents { channel purpose status source } } }`;

describe('importCustomers', () => {
  it('writes the valid rows and refuses the others with their row, field and reason', async () => {
    const { ws, client } = await admin();
    await client.data(`mutation { defineCustomerField(input: { name: "points", type: NUMBER, label: "Points" }) { name } }`);
    await client.data(`mutation { defineCustomerField(input: { name: "vip", type: BOOLEAN, label: "VIP" }) { name } }`);
    const rows = [
      { authId: 'c-1', email: ' Ada@Example.com ', firstName: 'Ada', 'fields.points': '12', 'fields.vip': 'yes', 'consent.EMAIL.COMMERCIAL': 'opted_in' },
      { authId: 'c-2', email: 'not-an-email', phone: '12' },
      { authId: 'c-3', phone: '020 7946 0958', country: 'gb', firstName: '' },
      { authId: '', email: 'x@example.com' },
      { authId: 'c-5', 'fields.points': '1.5', 'consent.TEXT.COMMERCIAL': 'maybe' },
      { authId: 'c-6', 'fields.unknownField': 'x' },
    ];
    const result = (await client.data(IMPORT, { input: { kind: 'CONTACT', rows, firstRow: 101 } })).importCustomers;
    expect(result).toMatchObject({ accepted: 2, created: 2, updated: 0 });
    expect(result.refused).toEqual([
      expect.objectContaining({ row: 102, field: 'email', reason: 'INVALID_EMAIL' }),
      expect.objectContaining({ row: 102, field: 'phone', reason: 'INVALID_PHONE' }),
      expect.objectContaining({ row: 104, field: 'authId', reason: 'INVALID_AUTH_ID' }),
      expect.objectContaining({ row: 105, field: 'fields.points', reason: 'INVALID_FIELD_VALUE' }),
      expect.objectContaining({ row: 105, field: 'consent.TEXT.COMMERCIAL', reason: 'INVALID_CONSENT' }),
      expect.objectContaining({ row: 106, field: 'fields.unknownField', reason: 'UNKNOWN_CUSTOMER_FIELD' }),
    ]);
    expect(result.refused.every((r: any) => typeof r.message === 'string' && r.message.length > 0)).toBe(true);
    const ada = (await client.data(ONE, { authId: 'c-1' })).customerByAuthId;
    expect(ada).toMatchObject({ email: 'ada@example.com', firstName: 'Ada', fields: { points: 12, vip: true }, source: 'IMPORT' });
    expect(ada.consents.find((c: any) => c.channel === 'EMAIL' && c.purpose === 'COMMERCIAL')).toMatchObject({ status: 'OPTED_IN', source: 'IMPORT' });
    expect((await client.data(ONE, { authId: 'c-3' })).customerByAuthId).toMatchObject({ phone: '+442079460958', country: 'GB' });
    expect((await client.data(COUNT)).customers.totalCount).toBe(2);

    // Importing again updates; an empty cell leaves the stored value alone.
    const again = (await client.data(IMPORT, { input: { kind: 'CONTACT', rows: [{ authId: 'c-1', email: '', firstName: 'Augusta' }] } })).importCustomers;
    expect(again).toMatchObject({ accepted: 1, created: 0, updated: 1, refused: [] });
    expect((await client.data(ONE, { authId: 'c-1' })).customerByAuthId).toMatchObject({ email: 'ada@example.com', firstName: 'Augusta' });

    // Audited once per call, with counts and no personal data.
    const audit = await t.dataSource.query(`SELECT details FROM audit_entries WHERE workspace_id = $1 AND action = 'customer.import' ORDER BY created_at`, [ws.id]);
    expect(audit.map((a: any) => a.details)).toEqual([
      { kind: 'CONTACT', rows: 6, accepted: 2, refused: 4, created: 2, updated: 0 },
      { kind: 'CONTACT', rows: 1, accepted: 1, refused: 0, created: 0, updated: 1 },
    ]);
    expect(JSON.stringify(audit)).not.toContain('example.com');
  });

  it('dryRun checks every row against the same rules and writes nothing', async () => {
    const { ws, client } = await admin();
    const rows = [
      { authId: 'd-1', email: 'a@example.com' },
      { authId: 'd-2', timeZone: 'Mars/Olympus' },
    ];
    const result = (await client.data(IMPORT, { input: { kind: 'LEAD', rows, dryRun: true } })).importCustomers;
    expect(result).toMatchObject({ accepted: 1, created: 0, updated: 0, refused: [{ row: 2, field: 'timeZone', reason: 'INVALID_TIME_ZONE' }] });
    expect((await client.data(COUNT)).customers.totalCount).toBe(0);
    const audit = await t.dataSource.query(`SELECT 1 FROM audit_entries WHERE workspace_id = $1 AND action = 'customer.import'`, [ws.id]);
    expect(audit).toHaveLength(0);
  });

  it('refuses more than 1,000 rows in one call, and empty calls', async () => {
    const { client } = await admin();
    const rows = Array.from({ length: 1_001 }, (_, i) => ({ authId: `b-${i}` }));
    expect(await client.error(IMPORT, { input: { kind: 'CONTACT', rows } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_BATCH_TOO_LARGE' });
    expect(await client.error(IMPORT, { input: { kind: 'CONTACT' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_NOTHING' });
    expect((await client.data(COUNT)).customers.totalCount).toBe(0);
    // Exactly 1,000 is accepted.
    const ok = (await client.data(IMPORT, { input: { kind: 'CONTACT', rows: rows.slice(0, 1_000) } })).importCustomers;
    expect(ok.accepted).toBe(1_000);
  });

  it('imports a CSV text with columns suggested from the headers, or mapped by the caller', async () => {
    const { client } = await admin();
    const csv = ['Customer ID,E-mail,First name,Favourite colour,consent.EMAIL.COMMERCIAL', 'x-1,x1@example.com,Xena,red,OPTED_OUT', 'x-2,broken,Xavier,blue,', 'x-3'].join('\n');
    const result = (await client.data(IMPORT, { input: { kind: 'CONTACT', csv } })).importCustomers;
    expect(result).toMatchObject({
      accepted: 1,
      refused: [
        { row: 2, field: 'email', reason: 'INVALID_EMAIL' },
        { row: 3, field: null, reason: 'MALFORMED_ROW' },
      ],
    });
    const mapped = (
      await client.data(IMPORT, {
        input: {
          kind: 'CONTACT',
          csv: 'ref;mail\ny-1;y1@example.com\n',
          columns: [
            { header: 'ref', field: 'authId' },
            { header: 'mail', field: 'email' },
          ],
        },
      })
    ).importCustomers;
    expect(mapped).toMatchObject({ accepted: 1, refused: [] });
    expect((await client.data(ONE, { authId: 'y-1' })).customerByAuthId.email).toBe('y1@example.com');
    expect(await client.error(IMPORT, { input: { kind: 'CONTACT', csv: 'authId\n' + 'a\n'.repeat(600_000) } })).toMatchObject({ reason: 'IMPORT_CSV_TOO_LARGE' });
    expect(await client.error(IMPORT, { input: { kind: 'CONTACT', csv: 'a', rows: [] } })).toMatchObject({ reason: 'IMPORT_ROWS_OR_CSV' });
  });

  it('suggests a field for each header from its name', async () => {
    const { client } = await admin();
    await client.data(`mutation { defineCustomerField(input: { name: "loyaltyTier", type: TEXT, label: "Loyalty tier" }) { name } }`);
    const { customerImportMapping } = await client.data(MAPPING, {
      headers: ['Customer ID', 'Email Address', 'Mobile', 'Surname', 'Zip', 'loyalty tier', 'consent.email.commercial', 'whatever', 'email'],
    });
    expect(customerImportMapping.suggestions).toEqual(['authId', 'email', 'phone', 'lastName', 'postalCode', 'fields.loyaltyTier', 'consent.EMAIL.COMMERCIAL', null, null]);
    expect(customerImportMapping.targets.map((x: any) => x.key)).toEqual(expect.arrayContaining(['authId', 'email', 'fields.loyaltyTier', 'consent.TEXT.TRANSACTIONAL']));
  });

  it('stays inside its workspace and obeys roles and key scopes', async () => {
    const a = await admin();
    const b = await admin();
    await a.client.data(IMPORT, { input: { kind: 'CONTACT', rows: [{ authId: 'shared-1', email: 'a@example.com' }] } });
    await b.client.data(IMPORT, { input: { kind: 'CONTACT', rows: [{ authId: 'shared-1', email: 'b@example.com' }] } });
    expect((await a.client.data(ONE, { authId: 'shared-1' })).customerByAuthId.email).toBe('a@example.com');
    expect((await b.client.data(ONE, { authId: 'shared-1' })).customerByAuthId.email).toBe('b@example.com');
    const viewer = await GqlClient.signedIn(t, await addMember(t, a.ws, Role.VIEWER), a.ws.id);
    expect(await viewer.error(IMPORT, { input: { kind: 'CONTACT', rows: [{ authId: 'v-1' }], dryRun: true } })).toMatchObject({ code: 'FORBIDDEN' });
    const key = async (scopes: string) =>
      GqlClient.withKey(t, (await a.client.data(`mutation { createApiKey(input: { label: "k", scopes: [${scopes}] }) { secret } }`)).createApiKey.secret);
    const reader = await key('CUSTOMERS_READ');
    expect(await reader.error(IMPORT, { input: { kind: 'CONTACT', rows: [{ authId: 'r-1' }] } })).toMatchObject({ code: 'FORBIDDEN' });
    const writer = await key('CUSTOMERS_WRITE');
    expect((await writer.data(IMPORT, { input: { kind: 'CONTACT', rows: [{ authId: 'w-1' }] } })).importCustomers.accepted).toBe(1);
    expect((await a.client.data(COUNT)).customers.totalCount).toBe(2);
  });

  it('imports 100,000 rows in batches of 1,000 (about 40 s) while other requests keep answering', async () => {
    const { client } = await admin();
    const total = 100_000;
    let importing = true;
    const latencies: number[] = [];
    const probe = (async () => {
      while (importing) {
        const started = performance.now();
        await client.data(`query { viewer { user { id } } }`);
        latencies.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    let accepted = 0;
    for (let offset = 0; offset < total; offset += 1_000) {
      const rows = Array.from({ length: 1_000 }, (_, i) => ({
        authId: `bulk-${offset + i}`,
        email: `person${offset + i}@example.com`,
        firstName: 'Bulk',
        phone: `+4420794${String(offset + i).padStart(5, '0')}`,
      }));
      accepted += (await client.data(IMPORT, { input: { kind: 'CONTACT', rows, firstRow: offset + 1 } })).importCustomers.accepted;
    }
    importing = false;
    await probe;
    expect(accepted).toBe(total);
    expect((await client.data(COUNT)).customers.totalCount).toBe(total);
    expect(latencies.length).toBeGreaterThan(3);
    // Each batch is one short transaction: other requests interleave instead of queueing behind the import.
    expect(Math.max(...latencies)).toBeLessThan(10_000);
  }, 180_000);
});
