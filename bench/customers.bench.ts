import { benchWorkspace, fmt, startStack, timeRequests } from './support/stack.js';

/**
 * Customer search on 1,000,000 customers in one workspace (plus 200,000 in another): lookups by email, authId
 * and name through the real GraphQL API, against a floor measured in the same run (the cheapest authenticated
 * GraphQL round trip). Prints figures; asserts nothing.
 */
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const stack = await startStack();
const { query, workspace } = await benchWorkspace(stack);
const other = await stack.dataSource.query(`INSERT INTO workspaces (name, slug) VALUES ('Other', 'other') RETURNING id`);

const LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Zimmer'];
const seed = async (workspaceId: string, count: number) => {
  for (let from = 0; from < count; from += 100_000) {
    await stack.dataSource.query(
      `INSERT INTO customers (workspace_id, kind, auth_id, email, phone, first_name, last_name, fields, source, created_at, updated_at)
       SELECT $1, CASE WHEN n % 10 = 0 THEN 'LEAD' ELSE 'CONTACT' END, 'crm-' || n, 'user-' || n || '@example.com',
              '+4477009' || lpad((n % 1000000)::text, 5, '0'), 'First' || (n % 5000), ($4::text[])[1 + n % array_length($4::text[], 1)] || (n % 1000),
              '{}'::jsonb, 'IMPORT', now() - make_interval(secs => n), now()
         FROM generate_series($2::int, $3::int) AS n`,
      [workspaceId, from, Math.min(count, from + 100_000) - 1, LAST],
    );
  }
};
const seedStarted = performance.now();
await seed(workspace.id, CUSTOMERS);
await seed(other[0].id, CUSTOMERS / 5);
await stack.dataSource.query('ANALYZE customers');
const seedMs = performance.now() - seedStarted;

const LIST = `query($filter: CustomerFilter) { customers(first: 50, filter: $filter) { totalCount nodes { id authId email firstName lastName } } }`;
const BY_AUTH_ID = `query($authId: String!) { customerByAuthId(kind: CONTACT, authId: $authId) { id email } }`;
const pick = () => 1 + Math.floor(Math.random() * (CUSTOMERS - 2));
const N = 300;

const floor = await timeRequests(N, async () => void (await query('{ viewer { kind } }')));
const byAuthId = await timeRequests(N, async () => void (await query(BY_AUTH_ID, { authId: `crm-${pick()}` })));
const emailExact = await timeRequests(N, async () => void (await query(LIST, { filter: { search: `user-${pick()}@example.com` } })));
const emailPrefix = await timeRequests(N, async () => void (await query(LIST, { filter: { search: `user-${pick()}` } })));
const authPrefix = await timeRequests(N, async () => void (await query(LIST, { filter: { search: `crm-${pick()}` } })));
const name = await timeRequests(N, async () => void (await query(LIST, { filter: { search: `Zimmer${100 + Math.floor(Math.random() * 900)}` } })));
const firstPage = await timeRequests(50, async () => void (await query(LIST)));

const ratio = (r: { p99: number }) => (r.p99 / floor.p99).toFixed(1);
console.log(`Customer search benchmark — ${CUSTOMERS.toLocaleString('en')} customers in the workspace, ${(CUSTOMERS / 5).toLocaleString('en')} in another`);
console.log(`  seeding (INSERT … SELECT generate_series, 5 prefix indexes) : ${(seedMs / 1000).toFixed(1)} s`);
console.log(`  floor: { viewer { kind } }                    : ${fmt(floor)}`);
console.log(`  customerByAuthId                              : ${fmt(byAuthId)}  (p99 ${ratio(byAuthId)}× floor)`);
console.log(`  search by whole email                         : ${fmt(emailExact)}  (p99 ${ratio(emailExact)}× floor)`);
console.log(`  search by email prefix (≤ 11 matches)         : ${fmt(emailPrefix)}  (p99 ${ratio(emailPrefix)}× floor)`);
console.log(`  search by authId prefix (≤ 11 matches)        : ${fmt(authPrefix)}  (p99 ${ratio(authPrefix)}× floor)`);
console.log(`  search by last name (~90 matches, page of 50) : ${fmt(name)}  (p99 ${ratio(name)}× floor)`);
console.log(`  first page, no filter, with totalCount        : ${fmt(firstPage)}  (p99 ${ratio(firstPage)}× floor)`);
await stack.stop();
