import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records API key changes with actor, target and request id, newest first', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const created = await admin.data(`mutation { createApiKey(input: { label: "ERP", scopes: [TRIGGERS_READ] }) { secret apiKey { id prefix } } }`);
    const id = created.createApiKey.apiKey.id;
    const res = await admin.request(`mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } } }`, { id }, { 'x-request-id': 'req-revoke-1' });
    expect(res.body.errors).toBeUndefined();
    const { auditLog } = await admin.data(`query { auditLog(first: 10) { totalCount nodes { action actorType actorLabel targetType targetId details requestId } } }`);
    expect(auditLog.nodes.slice(0, 2)).toEqual([
      {
        action: 'apiKey.revoke',
        actorType: 'USER',
        actorLabel: ws.admin.email,
        targetType: 'ApiKey',
        targetId: id,
        details: { label: 'ERP', prefix: created.createApiKey.apiKey.prefix },
        requestId: 'req-revoke-1',
      },
      expect.objectContaining({ action: 'apiKey.create', targetId: id }),
    ]);
    expect(JSON.stringify(auditLog)).not.toContain(created.createApiKey.secret);
    const filtered = await admin.data(`query($f: AuditFilter) { auditLog(filter: $f) { totalCount } }`, { f: { action: 'apiKey.revoke' } });
    expect(filtered.auditLog.totalCount).toBe(1);
  });

  it('is append-only in the database itself', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    await admin.data(`mutation { createApiKey(input: { label: "x", scopes: [EVENTS_READ] }) { secret } }`);
    await expect(t.dataSource.query(`UPDATE audit_entries SET action = 'forged' WHERE workspace_id = $1`, [ws.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_entries WHERE workspace_id = $1`, [ws.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM audit_entries WHERE workspace_id = $1 AND action = 'apiKey.create'`, [ws.id]);
    expect(count).toBe(1);
  });
});
