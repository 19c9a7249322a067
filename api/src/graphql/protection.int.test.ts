import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { collect, wsClient } from '../../test/ws.js';
import { QUERY_LIMITS } from './limits.js';

function buildDeep(depth: number): string {
  // viewer → memberships → workspace is 3 levels; __type(name) { fields { type { ofType { … } } } } nests arbitrarily.
  let inner = 'name';
  for (let i = 0; i < depth; i += 1) inner = `ofType { ${inner} }`;
  return `query { __type(name: "Viewer") { fields { type { ${inner} } } } }`;
}
const aliased = (n: number) => `query { ${Array.from({ length: n }, (_, i) => `a${i}: viewer { kind }`).join(' ')} }`;
const costly = () =>
  `query { ${Array.from({ length: 12 }, (_, i) => `m${i}: members(first: 100) { nodes { user { email name createdAt } workspace { name slug } } }`).join(' ')} }`;
const tokenHeavy = () => `query { viewer { ${'kind '.repeat(QUERY_LIMITS.maxTokens)} } }`;

let t: TestServer;
let admin: GqlClient;
let cookie: string;
beforeAll(async () => {
  t = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const ws = await createWorkspace(t);
  admin = await GqlClient.signedIn(t, ws.admin);
  cookie = admin.cookie!;
});
afterAll(() => t.close());

const abusive = {
  depth: buildDeep(QUERY_LIMITS.maxDepth + 2),
  aliases: aliased(QUERY_LIMITS.maxAliases + 5),
  cost: costly(),
  tokens: tokenHeavy(),
};

describe('query limits', () => {
  it('accepts ordinary queries', async () => {
    expect((await admin.data(aliased(3))).a0.kind).toBe('USER');
    expect((await admin.data(buildDeep(3))).__type.fields.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(abusive))('rejects excessive %s over HTTP before executing', async (_kind, query) => {
    const res = await admin.request(query);
    expect(res.body.data).toBeUndefined();
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(res.body.errors?.[0].extensions.code);
  });

  it.each(Object.entries(abusive))('rejects excessive %s over WebSocket alike', async (_kind, query) => {
    const client = wsClient(t.wsUrl, {}, { cookie, origin: 'http://localhost:4000' });
    const run = collect(client, query.replace(/^query/, 'query'));
    await run.first(1).catch(() => undefined);
    const errors = (run.error as { message: string; extensions?: { code: string } }[] | null) ?? run.results[0]?.errors;
    expect(Array.isArray(errors)).toBe(true);
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(errors![0].extensions?.code);
    expect(run.results.some((r) => r.data)).toBe(false);
    await client.dispose();
  });
});

describe('HTTP protections', () => {
  it('refuses batched requests', async () => {
    const res = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify([{ query: '{ viewer { kind } }' }, { query: '{ viewer { kind } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('blocks CSRF-able simple requests (form content type, GET without preflight header)', async () => {
    const form = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: JSON.stringify({ query: 'mutation { signOut { signedOut } }' }),
    });
    expect(form.status).toBe(400);
    const get = await fetch(`${t.graphqlUrl}?query=${encodeURIComponent('{ viewer { kind } }')}`, { headers: { cookie } });
    expect(get.status).toBe(400);
    expect((await admin.data('{ viewer { kind } }')).viewer.kind).toBe('USER');
  });

  it('never sends stack traces', async () => {
    const res = await admin.request('query { nope }');
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it('limits requests per credential with 429 and Retry-After', async () => {
    const limited = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
    try {
      const ws = await createWorkspace(limited);
      const client = await GqlClient.signedIn(limited, ws.admin);
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) statuses.push((await client.request('{ viewer { kind } }')).status);
      expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
      const refused = await client.request('{ viewer { kind } }');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      await limited.close();
    }
  });
});

describe('operations endpoints', () => {
  it('reports health, readiness and Prometheus metrics', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.url}/readyz`)).json()).toMatchObject({ status: 'ready' });
    await admin.request('query ViewerForMetrics { viewer { kind } }');
    const client = wsClient(t.wsUrl, {}, { cookie, origin: 'http://localhost:4000' });
    const sub = collect(client, 'subscription { auditEntryAppended { id } }');
    await new Promise((r) => setTimeout(r, 200));
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/flare_graphql_operation_duration_seconds_count\{operation="ViewerForMetrics",type="query",outcome="ok",transport="http"\} 1/);
    expect(text).toMatch(/flare_http_requests_total\{method="POST",route="\/graphql",status="200"\}/);
    expect(text).toMatch(/flare_websocket_connections 1/);
    expect(text).toMatch(/flare_db_pool_connections\{state="total"\} \d+/);
    sub.dispose();
    await client.dispose();
  });

  it('keeps serving after Postgres kills its connections (pool error is handled)', async () => {
    await t.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'flare' AND pid <> pg_backend_pid()`);
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`${t.url}/readyz`);
    expect(res.status).toBe(200);
    expect((await admin.data('{ viewer { kind } }')).viewer.kind).toBe('USER');
  });
});
