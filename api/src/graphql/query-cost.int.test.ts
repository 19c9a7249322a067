import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { collect, wsClient } from '../../test/ws.js';
import { QUERY_LIMITS } from './limits.js';

/** Twelve aliased member lists; `page` is what goes in the parentheses (a literal, a variable, or nothing). */
const members = (page: string, head = 'query') =>
  `${head} { ${Array.from({ length: 12 }, (_, i) => `m${i}: members${page} { nodes { user { email name createdAt } workspace { name slug } } }`).join(' ')} }`;
/** Fifteen aliased lists with a wider selection: over the cost limit at the default page size (20), not at 1. */
const wide = (page: string) =>
  `query { ${Array.from({ length: 15 }, (_, i) => `m${i}: members${page} { edges { cursor node { role createdAt user { id email name createdAt } workspace { id name slug createdAt } } } nodes { role createdAt user { id email name createdAt } workspace { id name slug createdAt } } pageInfo { hasNextPage endCursor } totalCount }`).join(' ')} }`;

/** Introspection nested through `__schema`, one level past the depth limit. */
const deepIntrospection = () => {
  let inner = 'name';
  for (let i = 0; i < QUERY_LIMITS.maxDepth; i += 1) inner = `ofType { ${inner} }`;
  return `query { __schema { types { fields { type { ${inner} } } } } }`;
};
const aliasedIntrospection = () => `query { __schema { ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `t${i}: types { name }`).join(' ')} } }`;

let t: TestServer;
let admin: GqlClient;
beforeAll(async () => {
  t = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  admin = await GqlClient.signedIn(t, (await createWorkspace(t)).admin);
});
afterAll(() => t.close());

async function overWs(query: string, variables?: Record<string, unknown>) {
  const client = wsClient(t.wsUrl, {}, { cookie: admin.cookie!, origin: 'http://localhost:4000' });
  const run = collect(client, query, variables);
  await run.first(1).catch(() => undefined);
  const errors = (run.error as { message: string; extensions?: Record<string, unknown> }[] | null) ?? run.results[0]?.errors ?? null;
  const data = run.results.find((r) => r.data)?.data ?? null;
  await client.dispose();
  return { errors, data };
}

const refusedForCost = { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_LIMIT_EXCEEDED' };

describe('query cost counts page sizes however they are given', () => {
  it('refuses `first: $n` with n = 100 exactly as it refuses the literal, over HTTP and WebSocket', async () => {
    const literal = await admin.error(members('(first: 100)'));
    expect(literal).toMatchObject({ ...refusedForCost, status: 400 });
    const variable = await admin.error(members('(first: $n)', 'query($n: Int!)'), { n: 100 });
    expect(variable).toMatchObject({ ...refusedForCost, status: 400 });
    expect(variable.message).toMatch(/cost/i);
    const ws = await overWs(members('(first: $n)', 'query($n: Int!)'), { n: 100 });
    expect(ws.data).toBeNull();
    expect(ws.errors?.[0].extensions).toMatchObject(refusedForCost);
    // Small pages of the same shape run.
    expect(Object.keys(await admin.data(members('(first: $n)', 'query($n: Int!)'), { n: 1 }))).toHaveLength(12);
    expect((await overWs(members('(first: $n)', 'query($n: Int!)'), { n: 1 })).data).not.toBeNull();
  });

  it("counts a variable's default value and the argument's schema default", async () => {
    expect(await admin.error(members('(first: $n)', 'query($n: Int! = 100)'))).toMatchObject(refusedForCost);
    expect(await admin.error(wide('(first: 20)'))).toMatchObject(refusedForCost);
    expect(await admin.error(wide(''))).toMatchObject(refusedForCost);
    expect((await overWs(wide(''))).errors?.[0].extensions).toMatchObject(refusedForCost);
    expect(Object.keys(await admin.data(wide('(first: 1)')))).toHaveLength(15);
  });
});

describe('introspection', () => {
  it('obeys the depth and alias limits over HTTP and WebSocket', async () => {
    for (const query of [deepIntrospection(), aliasedIntrospection()]) {
      expect(await admin.error(query)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_LIMIT_EXCEEDED' });
      expect((await overWs(query)).errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_LIMIT_EXCEEDED' });
    }
  });

  it('answers introspection within the limits; the full standard query is over them (the SDL is published instead)', async () => {
    const data = await admin.data('{ __schema { queryType { name } types { name kind fields { name type { name kind ofType { name kind ofType { name } } } } } } }');
    expect(data.__schema.queryType.name).toBe('Query');
    expect(await admin.error(getIntrospectionQuery())).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_LIMIT_EXCEEDED' });
  });

  it('is refused to anonymous callers when INTROSPECTION=authenticated, and to everyone when off', async () => {
    const query = '{ __schema { queryType { name } } }';
    const authenticated = await startTestServer({ env: { INTROSPECTION: 'authenticated' } });
    const off = await startTestServer({ env: { INTROSPECTION: 'off' } });
    try {
      const anonymous = new GqlClient(authenticated);
      for (const q of [query, '{ __type(name: "Query") { name } }']) {
        expect(await anonymous.error(q)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INTROSPECTION_REQUIRES_AUTHENTICATION', status: 401 });
      }
      expect((await anonymous.data('{ __typename }')).__typename).toBe('Query');
      const member = await GqlClient.signedIn(authenticated, (await createWorkspace(authenticated)).admin);
      expect((await member.data(query)).__schema.queryType.name).toBe('Query');

      const offMember = await GqlClient.signedIn(off, (await createWorkspace(off)).admin);
      expect(await offMember.error(query)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INTROSPECTION_DISABLED', status: 400 });
      expect(await new GqlClient(off).error(query)).toMatchObject({ reason: 'INTROSPECTION_DISABLED' });
    } finally {
      await authenticated.close();
      await off.close();
    }
  });
});
