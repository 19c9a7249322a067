import { benchWorkspace, percentile, startStack } from './support/stack.js';

/**
 * Customer upserts through `POST /v1/identify` (key admission, validation, one set-based transaction per request,
 * messageId idempotency): batches of 500 new customers, the same customers changed (email and an email opt-in),
 * the same request again with nothing to change, and single-customer requests at concurrency; against the raw
 * ceiling of inserting the same rows straight into `customers` in the same run. Prints figures; asserts nothing.
 */
const BATCHES = Number(process.env.BENCH_BATCHES ?? 40);
const BATCH = 500;
const stack = await startStack();
const { viewer } = await benchWorkspace(stack);
const { secret } = await stack.server.services.ingestionKeys.create(viewer, { label: 'bench', allowedOrigins: [] });
const endpoint = `${stack.url}/v1/identify`;

const post = async (customers: unknown[]) => {
  const started = performance.now();
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-flare-key': secret }, body: JSON.stringify({ customers }) });
  const body = await res.json();
  if (res.status !== 202 || body.rejected > 0) throw new Error(`status ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return performance.now() - started;
};
async function run(requests: unknown[][], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) latencies.push(await post(requests[next++]));
    }),
  );
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const customers = requests.reduce((n, r) => n + r.length, 0);
  return { perSecond: Math.round(customers / (ms / 1000)), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
const batches = (tag: string, over: (i: number) => Record<string, unknown>) =>
  Array.from({ length: BATCHES }, (_, b) =>
    Array.from({ length: BATCH }, (_, j) => {
      const i = b * BATCH + j;
      return { authId: `crm-${i}`, messageId: `${tag}-${i}`, firstName: `First${i}`, lastName: 'Bench', ...over(i) };
    }),
  );
const show = (r: { perSecond: number; p50: number; p99: number }) => `${r.perSecond} customers/s  (request p50 ${r.p50.toFixed(0)} ms  p99 ${r.p99.toFixed(0)} ms)`;

await run(batches('warm', (i) => ({ authId: `warm-${i}` })).slice(0, 4), 2);
const created = await run(
  batches('create', (i) => ({ email: `user-${i}@example.com`, phone: `+1415555${String(i % 10_000).padStart(4, '0')}` })),
  4,
);
const consent = [{ channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_IN' }];
const changed = await run(
  batches('change', (i) => ({ email: `new-${i}@example.com`, consents: consent })),
  4,
);
const unchanged = await run(
  batches('same', (i) => ({ email: `new-${i}@example.com`, consents: consent })),
  4,
);
const singles = await run(
  Array.from({ length: 2_000 }, (_, i) => [{ authId: `single-${i}`, messageId: `single-${i}`, email: `single-${i}@example.com` }]),
  32,
);

// The raw ceiling: the same rows straight into customers, one multi-row INSERT per batch of 500, 4 at a time.
const rows = batches('raw', (i) => ({ authId: `raw-${i}`, email: `raw-${i}@example.com` }));
const rawStarted = performance.now();
let nextRaw = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (nextRaw < rows.length) {
      const batch = rows[nextRaw++];
      await stack.dataSource.query(
        `INSERT INTO customers (workspace_id, kind, auth_id, email, first_name, last_name, fields, source, created_at, updated_at)
         SELECT $1, 'CONTACT', r."authId", r.email, r."firstName", r."lastName", '{}'::jsonb, 'API', now(), now()
           FROM jsonb_to_recordset($2::jsonb) AS r("authId" text, email text, "firstName" text, "lastName" text)`,
        [viewer.workspaceId, JSON.stringify(batch)],
      );
    }
  }),
);
const raw = Math.round((BATCHES * BATCH) / ((performance.now() - rawStarted) / 1000));
const [{ messages }] = await stack.dataSource.query('SELECT count(*)::int AS messages FROM identify_messages');

console.log(`Identify benchmark — ${BATCHES} requests of ${BATCH} customers per phase, 4 in flight (one process, embedded PostgreSQL, loopback HTTP)`);
console.log(`  create (email, phone, names)            : ${show(created)}`);
console.log(`  change (email, email opt-in + history)  : ${show(changed)}`);
console.log(`  same values again (nothing to change)   : ${show(unchanged)}`);
console.log(`  single-customer requests, 32 in flight : ${show(singles)}`);
console.log(`  raw INSERT ceiling, batches of ${BATCH}      : ${raw} customers/s`);
console.log(`  ratio create / raw ceiling              : ${(created.perSecond / raw).toFixed(2)}`);
console.log(`  messageIds remembered                   : ${messages}`);
await stack.stop();
