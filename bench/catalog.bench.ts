import { transact } from '../api/src/db/transaction.js';
import { permissionsForRole, Role } from '../api/src/auth/permissions.js';
import type { Viewer } from '../api/src/auth/viewer.js';
import { startStack, timeRequests } from './support/stack.js';

/**
 * The trigger catalog with 1,000 custom triggers: how long the SPA's catalog query takes for a first page,
 * a search and a deep page. Prints figures; asserts nothing.
 */
const stack = await startStack();
const { services } = stack.server;
const admin = await services.accounts.createUser({ email: 'bench@example.com', name: 'Bench', password: 'bench-password-123' });
const { workspace } = await transact(stack.dataSource, services.logger, (tx) => services.workspaces.insertWorkspace(tx, 'Bench', admin.id));
const viewer: Viewer = { kind: 'USER', userId: admin.id, email: admin.email, sessionId: '', workspaceId: workspace.id, role: Role.ADMIN, permissions: permissionsForRole(Role.ADMIN) };

const seedStarted = performance.now();
for (let i = 0; i < 1_000; i += 1) {
  await services.triggers.create(viewer, {
    title: `${['Order', 'Cart', 'Signup', 'Visit', 'Review'][i % 5]} event ${i}`,
    description: 'Benchmark trigger',
    category: 'TRANSACTION' as never,
    identity: 'CONTACT' as never,
    source: 'Bench',
    key: null,
    attributes: Array.from({ length: 8 }, (_, a) => ({ name: `attr${a}`, type: 'TEXT' as never, required: a === 0 })),
    allowedOperations: null,
  });
}
const seedMs = performance.now() - seedStarted;

const signIn = await fetch(`${stack.url}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'mutation { signIn(input: { email: "bench@example.com", password: "bench-password-123" }) { user { id } } }' }),
});
const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
const query = async (q: string, variables: Record<string, unknown> = {}) => {
  const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: q, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};
const CATALOG = `query($filter: TriggerFilter, $after: String) { triggers(first: 50, after: $after, filter: $filter) { totalCount pageInfo { endCursor hasNextPage } nodes { id key kind title category status hiddenAt latestVersion updatedAt } } }`;

let deepCursor: string | null = null;
for (let page = 0; page < 15; page += 1) deepCursor = (await query(CATALOG, { after: deepCursor })).triggers.pageInfo.endCursor;

const first = await timeRequests(200, async () => void (await query(CATALOG)));
const search = await timeRequests(200, async () => void (await query(CATALOG, { filter: { search: 'cart' } })));
const deep = await timeRequests(200, async () => void (await query(CATALOG, { after: deepCursor })));
const detail = await timeRequests(200, async () => void (await query(`{ triggers(first: 50) { nodes { id currentVersion { attributes { name comparators } } versions { number } } } }`)));
const total = (await query(CATALOG)).triggers.totalCount;

const fmt = (r: { p50: number; p99: number }) => `p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms`;
console.log(`Trigger catalog benchmark — ${total} triggers in the workspace (1,000 custom + 17 out-of-box)`);
console.log(`  seeding 1,000 triggers through the service : ${(seedMs / 1000).toFixed(1)} s (${(1000 / (seedMs / 1000)).toFixed(0)} creates/s)`);
console.log(`  first page of 50                          : ${fmt(first)}`);
console.log(`  search "cart" (200 matches), page of 50   : ${fmt(search)}`);
console.log(`  page 16 via cursor                        : ${fmt(deep)}`);
console.log(`  page of 50 with versions and attributes   : ${fmt(detail)}`);
console.log(`  ratio deep page / first page (p50)        : ${(deep.p50 / first.p50).toFixed(2)}`);
await stack.stop();
