import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { CREATE_TRIGGER, triggerInput } from '../../test/triggers.js';
import { collect, wsClient } from '../../test/ws.js';

let t: TestServer;
let admin: GqlClient;
beforeAll(async () => {
  t = await startTestServer();
  const workspace = await createWorkspace(t);
  admin = await GqlClient.signedIn(t, workspace.admin, workspace.id);
});
afterAll(() => t?.close());

type Case = { name: string; query: string; variables?: Record<string, unknown>; reason: string };

const NUL = 'a\u0000b';
const cases: Case[] = [
  {
    name: 'NUL in a text variable',
    query: 'mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } } }',
    variables: { input: { name: NUL } },
    reason: 'INVALID_TEXT',
  },
  { name: 'NUL in a text literal', query: '{ triggers(filter: { search: "x\\u0000" }) { totalCount } }', reason: 'INVALID_TEXT' },
  { name: 'NUL in a nested text variable', query: 'query($f: AuditFilter) { auditLog(filter: $f) { totalCount } }', variables: { f: { action: NUL } }, reason: 'INVALID_TEXT' },
  {
    name: 'NUL in text inside a list of inputs',
    query: CREATE_TRIGGER,
    variables: { input: triggerInput({ attributes: [{ name: 'coupon', type: 'TEXT', description: NUL }] }) },
    reason: 'INVALID_TEXT',
  },
  { name: 'a non-UUID id in the audit filter (literal)', query: '{ auditLog(filter: { actorId: "nope" }) { totalCount } }', reason: 'INVALID_ID' },
  {
    name: 'a non-UUID id in the audit filter (variable)',
    query: 'query($f: AuditFilter) { auditLog(filter: $f) { totalCount } }',
    variables: { f: { actorId: 'nope' } },
    reason: 'INVALID_ID',
  },
  {
    name: 'a non-UUID id in the trigger ids filter',
    query: 'query($ids: [ID!]) { triggers(filter: { ids: $ids }) { totalCount } }',
    variables: { ids: ['00000000-0000-4000-8000-000000000000', '1 OR 1=1'] },
    reason: 'INVALID_ID',
  },
  { name: 'a non-UUID id argument', query: '{ personalisationTokens(triggerId: "42") { token } }', reason: 'INVALID_ID' },
  { name: 'a numeric id', query: '{ triggerVerification(triggerId: 7) { status } }', reason: 'INVALID_ID' },
  { name: 'a non-UUID id on a nested field', query: '{ triggers(first: 1) { nodes { snippet(language: CURL, ingestionKeyId: "key-1") { code } } } }', reason: 'INVALID_ID' },
];

describe('bad input is BAD_USER_INPUT over HTTP', () => {
  it.each(cases)('$name', async ({ query, variables, reason }) => {
    const res = await admin.request(query, variables);
    expect(res.body.errors?.[0]?.extensions, JSON.stringify(res.body)).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(res.body.data ?? null).toBeNull();
  });

  it('a wrong variable type is BAD_USER_INPUT (as Apollo answers it)', async () => {
    const res = await admin.request('query($first: Int!) { triggers(first: $first) { totalCount } }', { first: 'ten' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('well-formed ids and ordinary text still work', async () => {
    const data = await admin.data(
      'query($f: AuditFilter, $ids: [ID!]) { auditLog(filter: $f) { totalCount } triggers(filter: { ids: $ids, search: "zz – ünïcode ✓" }) { totalCount } }',
      {
        f: { actorId: '00000000-0000-4000-8000-000000000000', action: 'x' },
        ids: ['00000000-0000-4000-8000-000000000000'],
      },
    );
    expect(data).toEqual({ auditLog: { totalCount: 0 }, triggers: { totalCount: 0 } });
  });
});

describe('bad input is BAD_USER_INPUT over WebSocket alike', () => {
  async function firstError(query: string, variables?: Record<string, unknown>) {
    const client = wsClient(t.wsUrl, {}, { cookie: admin.cookie!, origin: 'http://localhost:4000' });
    try {
      const run = collect(client, query, variables);
      await run.first(1).catch(() => undefined);
      const errors = (run.error as { extensions?: Record<string, unknown> }[] | null) ?? run.results[0]?.errors;
      expect(Array.isArray(errors), `got ${JSON.stringify(run.error ?? run.results)}`).toBe(true);
      return errors![0].extensions;
    } finally {
      await client.dispose();
    }
  }

  it.each(cases)('$name', async ({ query, variables, reason }) => {
    expect(await firstError(query, variables)).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('a wrong variable type', async () => {
    expect(await firstError('query($first: Int!) { triggers(first: $first) { totalCount } }', { first: 'ten' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await firstError('subscription($id: ID!) { triggerVerification(triggerId: $id) { status } }', { id: { not: 'an id' } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await firstError('subscription($id: ID!) { triggerVerification(triggerId: $id) { status } }', {})).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a non-UUID id in a subscription argument', async () => {
    expect(await firstError('subscription { triggerVerification(triggerId: "nope") { status } }')).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
  });
});
