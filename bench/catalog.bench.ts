import { benchWorkspace, fmt, startStack, timeRequests } from './support/stack.js';

/**
 * The trigger catalog with 1,000 custom triggers: how long the SPA's catalog query takes for a first page,
 * a search and a deep page. Prints figures; asserts nothing.
 */
const stack = await startStack();
const { services } = stack.server;
const { viewer, query } = await benchWorkspace(stack);

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

const CATALOG = `query($filter: TriggerFilter, $after: String) { triggers(first: 50, after: $after, filter: $filter) { totalCount pageInfo { endCursor hasNextPage } nodes { id key kind title category status hiddenAt latestVersion updatedAt } } }`;

let deepCursor: string | null = null;
for (let page = 0; page < 15; page += 1) deepCursor = (await query(CATALOG, { after: deepCursor })).triggers.pageInfo.endCursor;

const first = await timeRequests(200, async () => void (await query(CATALOG)));
const search = await timeRequests(200, async () => void (await query(CATALOG, { filter: { search: 'cart' } })));
const deep = await timeRequests(200, async () => void (await query(CATALOG, { after: deepCursor })));
const detail = await timeRequests(
  200,
  async () => void (await query(`{ triggers(first: 50) { nodes { id currentVersion { attributes { name comparators } } versions { number } } } }`)),
);
const total = (await query(CATALOG)).triggers.totalCount;

console.log(`Trigger catalog benchmark — ${total} triggers in the workspace (1,000 custom + 17 out-of-box)`);
console.log(`  seeding 1,000 triggers through the service : ${(seedMs / 1000).toFixed(1)} s (${(1000 / (seedMs / 1000)).toFixed(0)} creates/s)`);
console.log(`  first page of 50                          : ${fmt(first)}`);
console.log(`  search "cart" (200 matches), page of 50   : ${fmt(search)}`);
console.log(`  page 16 via cursor                        : ${fmt(deep)}`);
console.log(`  page of 50 with versions and attributes   : ${fmt(detail)}`);
console.log(`  ratio deep page / first page (p50)        : ${(deep.p50 / first.p50).toFixed(2)}`);
await stack.stop();
