import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { collect, rawWsAttempt, wsClient } from '../../test/ws.js';

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix label scopes lastUsedAt revokedAt } } }`;
const REVOKE = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } } }`;
const LIST = `query($includeRevoked: Boolean) { apiKeys(first: 50, includeRevoked: $includeRevoked) { totalCount nodes { id prefix lastUsedAt revokedAt } } }`;
const VIEWER = `query { viewer { kind permissions apiKey { prefix } workspace { id } } }`;
const AUDIT_SUB = `subscription { auditEntryAppended { action targetId } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function adminWithKey(scopes = ['TRIGGERS_READ']) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const { createApiKey } = await admin.data(CREATE, { input: { label: 'Partner CRM', scopes } });
  return { ws, admin, key: createApiKey.secret as string, apiKey: createApiKey.apiKey };
}

describe('partner API keys', () => {
  it('shows the secret once, stores only a hash, and lists the key by prefix', async () => {
    const { admin, key, apiKey } = await adminWithKey();
    expect(key.startsWith(`${apiKey.prefix}_`)).toBe(true);
    const [row] = await t.dataSource.query('SELECT secret_hash FROM api_keys WHERE id = $1', [apiKey.id]);
    expect(row.secret_hash).not.toContain(key);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    const { apiKeys } = await admin.data(LIST);
    expect(apiKeys.nodes).toEqual([{ id: apiKey.id, prefix: apiKey.prefix, lastUsedAt: null, revokedAt: null }]);
    expect(JSON.stringify(apiKeys)).not.toContain(key.slice(apiKey.prefix.length));
  });

  it('authenticates plain HTTP with Authorization: Bearer, scoped to its workspace, and records lastUsedAt', async () => {
    const { ws, admin, key } = await adminWithKey(['TRIGGERS_READ', 'EVENTS_READ']);
    const res = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: VIEWER }),
    });
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.data.viewer).toMatchObject({ kind: 'API_KEY', workspace: { id: ws.id } });
    expect(body.data.viewer.permissions).toEqual(['events:read', 'triggers:read', 'workspace:read']);
    const { apiKeys } = await admin.data(LIST);
    expect(apiKeys.nodes[0].lastUsedAt).not.toBeNull();
  });

  it('refuses what its scopes do not cover with FORBIDDEN', async () => {
    const { key } = await adminWithKey(['TRIGGERS_READ']);
    const partner = GqlClient.withKey(t, key);
    for (const query of ['query { auditLog { totalCount } }', 'query { apiKeys { totalCount } }']) {
      const error = await partner.error(query);
      expect(error).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
    }
    const create = await partner.error(CREATE, { input: { label: 'escalate', scopes: ['JOURNEYS_WRITE'] } });
    expect(create.code).toBe('FORBIDDEN');
  });

  it('rejects malformed and unknown keys with 401 UNAUTHENTICATED', async () => {
    for (const bad of ['nonsense', 'flr_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const error = await GqlClient.withKey(t, bad).error(VIEWER);
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    }
  });

  it('validates label and scopes', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    expect(await admin.error(CREATE, { input: { label: '   ', scopes: ['TRIGGERS_READ'] } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_API_KEY' });
    expect(await admin.error(CREATE, { input: { label: 'ok', scopes: [] } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await admin.error(CREATE, { input: { label: 'ok', scopes: ['ROOT'] } })).code).toBe('BAD_USER_INPUT');
    expect((await admin.data(LIST)).apiKeys.totalCount).toBe(0);
  });

  it('refuses a revoked key on the next request and closes its open WebSocket', async () => {
    const { admin, key, apiKey } = await adminWithKey(['TRIGGERS_READ']);
    const partner = GqlClient.withKey(t, key);
    expect((await partner.data(VIEWER)).viewer.kind).toBe('API_KEY');
    const socket = wsClient(t.wsUrl, { authorization: `Bearer ${key}` });
    const probe = collect(socket, 'subscription { auditEntryAppended { action } }');
    await new Promise((r) => setTimeout(r, 200));
    const { revokeApiKey } = await admin.data(REVOKE, { input: { id: apiKey.id } });
    expect(revokeApiKey.apiKey.revokedAt).not.toBeNull();
    expect((await partner.error(VIEWER)).code).toBe('UNAUTHENTICATED');
    const closed = await socket.closed;
    expect(closed.code).toBe(4403);
    probe.dispose();
    expect((await admin.data(LIST)).apiKeys.totalCount).toBe(0);
    expect((await admin.data(LIST, { includeRevoked: true })).apiKeys.nodes[0].revokedAt).not.toBeNull();
    // Revoking again changes nothing.
    const again = await admin.data(REVOKE, { input: { id: apiKey.id } });
    expect(again.revokeApiKey.apiKey.revokedAt).toBe(revokeApiKey.apiKey.revokedAt);
  });
});

describe('WebSocket authentication', () => {
  it('closes 4403 without credentials, and runs nothing', async () => {
    const outcome = await rawWsAttempt(t.wsUrl, undefined, AUDIT_SUB);
    expect(outcome.closeCode).toBe(4403);
    expect(outcome.messages.filter((m) => m.type === 'next')).toEqual([]);
  });

  it('never runs an operation sent before the connection is acknowledged', async () => {
    const outcome = await rawWsAttempt(t.wsUrl, undefined, AUDIT_SUB, { eager: true });
    expect([4401, 4403]).toContain(outcome.closeCode);
    expect(outcome.messages.filter((m) => m.type === 'next')).toEqual([]);
  });

  it('closes 4403 for a bad key, and runs nothing', async () => {
    const outcome = await rawWsAttempt(t.wsUrl, { authorization: 'Bearer flr_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, AUDIT_SUB);
    expect(outcome.closeCode).toBe(4403);
    expect(outcome.messages.some((m) => m.type === 'next' || m.type === 'connection_ack')).toBe(false);
  });

  it('refuses a cookie-authenticated upgrade from a foreign Origin', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const outcome = await rawWsAttempt(t.wsUrl, {}, AUDIT_SUB, { headers: { cookie: admin.cookie!, origin: 'https://evil.example' } });
    expect(outcome.closeCode).toBe(4403);
    expect(outcome.messages.filter((m) => m.type === 'next')).toEqual([]);
  });

  it('streams to a valid session: the admin sees audit entries of their workspace only', async () => {
    const ws = await createWorkspace(t);
    const other = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const otherAdmin = await GqlClient.signedIn(t, other.admin);
    const socket = wsClient(t.wsUrl, {}, { cookie: admin.cookie!, origin: 'http://localhost:4000' });
    const stream = collect(socket, AUDIT_SUB);
    await new Promise((r) => setTimeout(r, 200));
    await otherAdmin.data(CREATE, { input: { label: 'Other workspace key', scopes: ['TRIGGERS_READ'] } });
    const { createApiKey } = await admin.data(CREATE, { input: { label: 'Mine', scopes: ['TRIGGERS_READ'] } });
    await stream.first(1);
    expect(stream.results).toEqual([{ data: { auditEntryAppended: { action: 'apiKey.create', targetId: createApiKey.apiKey.id } } }]);
    stream.dispose();
    await socket.dispose();
  });
});
