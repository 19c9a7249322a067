import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { permissionsForRole, Role } from '../api/src/auth/permissions.js';
import type { Viewer } from '../api/src/auth/viewer.js';
import { transact } from '../api/src/db/transaction.js';
import { percentile, runLoad, startBareHttp, startStack } from './support/stack.js';

/**
 * Ingestion throughput and latency against the real pipeline (validation, persistence, counters, readiness),
 * compared with the raw ceiling of inserting the same rows straight through pg, and the time from a first
 * event's 202 to its arrival at 1,000 triggerReadiness subscribers. Prints figures; asserts nothing.
 */
const stack = await startStack();
const { services } = stack.server;
const admin = await services.accounts.createUser({ email: 'bench@example.com', name: 'Bench', password: 'bench-password-123' });
const { workspace } = await transact(stack.dataSource, services.logger, (tx) => services.workspaces.insertWorkspace(tx, 'Bench', admin.id));
const viewer: Viewer = {
  kind: 'USER',
  userId: admin.id,
  email: admin.email,
  sessionId: '',
  workspaceId: workspace.id,
  role: Role.ADMIN,
  permissions: permissionsForRole(Role.ADMIN),
};
const newTrigger = (title: string) =>
  services.triggers.create(viewer, {
    title,
    description: '',
    category: 'TRANSACTION' as never,
    identity: 'CONTACT' as never,
    source: 'Bench',
    key: null,
    attributes: [
      { name: 'total', type: 'DECIMAL' as never, required: true },
      { name: 'items', type: 'NUMBER' as never, required: false },
      { name: 'coupon', type: 'TEXT' as never, required: false, maxLength: 40 },
      { name: 'order', type: 'ENTITY_REFERENCE' as never, required: true, entity: 'order' },
    ],
    allowedOperations: null,
  });
const trigger = await newTrigger('Order placed');
const { secret } = await services.ingestionKeys.create(viewer, { label: 'bench', allowedOrigins: [] });
const endpoint = `${stack.url}/v1/events`;
const event = () => ({
  trigger: trigger.key,
  authId: `c-${Math.floor(Math.random() * 1e6)}`,
  messageId: randomUUID(),
  attributes: { total: 49.95, items: 3, coupon: 'SAVE10', order: 'order-1' },
});
const post = async (body: unknown) => {
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-flare-key': secret }, body: JSON.stringify(body) });
  if (res.status !== 202) throw new Error(`status ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
};
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
const rate = (r: { events: number; ms: number }) => Math.round(r.events / (r.ms / 1000));
const job = { endpoint, key: secret, trigger: trigger.key };

await runLoad({ ...job, mode: 'single', requests: 500, concurrency: 16 }); // warm-up
const batched = rate(await runLoad({ ...job, mode: 'batch', requests: 100, concurrency: 4 }));
// The same batches with events meeting customers switched off (INGEST_CUSTOMERS=false). Each event here names a
// customer seen for the first time (random authIds), so "on" creates a customer and raises contact_created per event.
const noCustomersUrl = await stack.startServer({ INGEST_CUSTOMERS: 'false' });
const batchedNoCustomers = rate(await runLoad({ ...job, endpoint: `${noCustomersUrl}/v1/events`, mode: 'batch', requests: 100, concurrency: 4 }));
const batchedAgain = rate(await runLoad({ ...job, mode: 'batch', requests: 100, concurrency: 4 }));
const single = rate(await runLoad({ ...job, mode: 'single', requests: 5_000, concurrency: 64 }));
// The same requests against a server that gives every request its own transaction.
const noGroupUrl = await stack.startServer({ INGEST_GROUP_COMMIT: 'false' });
const singleNoGroup = rate(await runLoad({ ...job, endpoint: `${noGroupUrl}/v1/events`, mode: 'single', requests: 5_000, concurrency: 64 }));
const targetRps = 1_000;
const latencies = (await runLoad({ ...job, mode: 'rate', requests: targetRps * 5, rps: targetRps })).latencies.sort((a, b) => a - b);

// The raw ceiling: the same rows straight through pg, one multi-row INSERT per batch of 100.
const raw = new pg.Pool({ connectionString: stack.databaseUrl, max: 8 });
raw.on('error', () => undefined);
const row = (i: number) => [workspace.id, trigger.id, trigger.key, 1, randomUUID(), `c-${i}`, JSON.stringify(event()), true, '[]', false];
const insertRows = async (rows: unknown[][]) => {
  const values = rows.map((_, r) => `(${Array.from({ length: 10 }, (_, c) => `$${r * 10 + c + 1}`).join(', ')}, now(), now())`).join(', ');
  await raw.query(
    `INSERT INTO trigger_events (workspace_id, trigger_id, trigger_key, trigger_version, message_id, auth_id, payload, accepted, reasons, test, occurred_at, received_at) VALUES ${values}`,
    rows.flat(),
  );
};
const started = performance.now();
await pool(Array.from({ length: 100 }), 4, () => insertRows(Array.from({ length: 100 }, (_, i) => row(i))));
const valuesCeiling = rate({ events: 10_000, ms: performance.now() - started });
// The same rows as one UNNEST of column arrays per batch of 100 (one parameter per column, whatever the batch size).
const unnestRows = async (rows: unknown[][]) => {
  const column = (c: number) => rows.map((r) => r[c]);
  await raw.query(
    `INSERT INTO trigger_events (workspace_id, trigger_id, trigger_key, trigger_version, message_id, auth_id, payload, accepted, reasons, test, occurred_at, received_at)
     SELECT w, t, k, v, m, a, p, acc, r, te, now(), now()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::jsonb[], $8::bool[], $9::jsonb[], $10::bool[])
         AS x(w, t, k, v, m, a, p, acc, r, te)`,
    Array.from({ length: 10 }, (_, c) => column(c)),
  );
};
const unnestStarted = performance.now();
await pool(Array.from({ length: 100 }), 4, () => unnestRows(Array.from({ length: 100 }, (_, i) => row(i))));
const unnestCeiling = rate({ events: 10_000, ms: performance.now() - unnestStarted });
const ceiling = Math.max(valuesCeiling, unnestCeiling);
// Single-row autocommit INSERTs, 64 callers over the same 8 connections: a whole durable insert per event.
const autocommitStarted = performance.now();
await pool(Array.from({ length: 5_000 }), 64, () => insertRows([row(0)]));
const autocommitCeiling = rate({ events: 5_000, ms: performance.now() - autocommitStarted });
await raw.end();
// The bare node:http floor (its own process, like the product): parse the JSON, answer 202, nothing else.
const bare = await startBareHttp();
await runLoad({ ...job, endpoint: `${bare.url}/v1/events`, mode: 'single', requests: 2_000, concurrency: 64 }); // warm-up
const bareHttp = rate(await runLoad({ ...job, endpoint: `${bare.url}/v1/events`, mode: 'single', requests: 5_000, concurrency: 64 }));
bare.stop();

// 1,000 live dashboards watching readiness; time from the first event's 202 to each receipt.
const signIn = await fetch(`${stack.url}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'mutation { signIn(input: { email: "bench@example.com", password: "bench-password-123" }) { user { id } } }' }),
});
const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
class CookieSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols, { headers: { cookie } });
  }
}
const fresh = await newTrigger('Newsletter signup');
const receipts: number[] = [];
let acknowledged = 0;
const clients = Array.from({ length: 1_000 }, () =>
  createClient({ url: stack.url.replace('http', 'ws') + '/graphql', webSocketImpl: CookieSocket, lazy: false, retryAttempts: 0 }),
);
let subscribed = 0;
const allReceived = new Promise<void>((resolve) => {
  for (const client of clients) {
    client.subscribe(
      { query: 'subscription { triggerReadiness { trigger { id } } }' },
      {
        next: () => {
          receipts.push(performance.now());
          if (receipts.length === clients.length) resolve();
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    client.on('connected', () => void (subscribed += 1));
  }
});
while (subscribed < clients.length) await new Promise((r) => setTimeout(r, 50));
await new Promise((r) => setTimeout(r, 500));
await post({ trigger: fresh.key, authId: 'first', attributes: { total: 1, order: 'o' } });
acknowledged = performance.now();
await Promise.race([allReceived, new Promise((r) => setTimeout(r, 15_000))]);
const fanout = receipts.map((t) => Math.max(0, t - acknowledged)).sort((a, b) => a - b);
await Promise.all(clients.map(async (c) => c.dispose()));

console.log('Ingestion benchmark (one process, embedded PostgreSQL, loopback HTTP)');
console.log(`  batches of 100, 4 concurrent requests          : ${batched} events/s`);
console.log(`  single-event requests, 64 concurrent           : ${single} events/s`);
console.log(`  raw ceiling: pg multi-row VALUES per 100 rows  : ${valuesCeiling} events/s`);
console.log(`  raw ceiling: pg UNNEST per 100 rows            : ${unnestCeiling} events/s`);
console.log(`  floor: bare node:http JSON → 202, 64 conc.     : ${bareHttp} requests/s`);
console.log(`  ceiling: single-row autocommit INSERT, 64 conc : ${autocommitCeiling} rows/s`);
console.log(`  single-event, one transaction per request      : ${singleNoGroup} events/s`);
console.log(`  ratio batched / best raw insert                : ${(batched / ceiling).toFixed(2)}  (target ≥ 0.6)`);
console.log(`  ratio single / bare node:http                  : ${(single / bareHttp).toFixed(2)}  (target ≥ 0.5)`);
console.log(`  ratio single / single-row autocommit           : ${(single / autocommitCeiling).toFixed(2)}  (target ≥ 1)`);
console.log(`  ratio single with / without group commit       : ${(single / singleNoGroup).toFixed(2)}`);
console.log(`  batches of 100, customer resolution off        : ${batchedNoCustomers} events/s`);
console.log(`  batches of 100, customer resolution on (again) : ${batchedAgain} events/s`);
console.log(`  ratio customers on / off                       : ${(Math.min(batched, batchedAgain) / batchedNoCustomers).toFixed(2)}`);
console.log(
  `  latency at ${targetRps} single-event req/s        : p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  (target p99 ≤ 25 ms)`,
);
console.log(
  `  first 202 → 1,000 readiness subscribers        : ${fanout.length} received; p50 ${percentile(fanout, 50).toFixed(1)} ms  p99 ${percentile(fanout, 99).toFixed(1)} ms`,
);
await stack.stop();
process.exit(0);
