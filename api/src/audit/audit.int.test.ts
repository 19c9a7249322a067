import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';
import { FakeClock } from '../../test/clock.js';
import { AUDIT_CSV_MAX_ROWS } from './audit.csv.js';

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

const LOG = `query($f: AuditFilter, $first: Int!, $after: String) {
  auditLog(first: $first, after: $after, filter: $f) { totalCount pageInfo { hasNextPage endCursor } nodes { action actorId actorName actorLabel targetType targetName details createdAt } }
}`;
const CSV = `query($f: AuditFilter) { auditLogCsv(filter: $f) }`;
const CREATE_CONTENT = `mutation($name: String!) { createContent(input: { channel: EMAIL, name: $name }) { content { id revision } } }`;

describe('audit log for people: names, filters, export', () => {
  it('keeps the object’s name as it was then, the acting member’s display name, and content changes field by field', async () => {
    const ws = await createWorkspace(t);
    await t.dataSource.query(`UPDATE users SET name = 'Ada Lovelace' WHERE id = $1`, [ws.admin.id]);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const { createContent } = await admin.data(CREATE_CONTENT, { name: 'Cart reminder' });
    const id = createContent.content.id;
    await admin.data(`mutation($input: UpdateContentInput!) { updateContent(input: $input) { content { id } } }`, {
      input: { id, baseRevision: 1, name: 'Cart reminder v2', subject: 'Your cart misses you' },
    });
    const { auditLog } = await admin.data(LOG, { f: { targetType: 'Content' }, first: 10 });
    expect(auditLog.nodes).toEqual([
      expect.objectContaining({
        action: 'content.update',
        actorName: 'Ada Lovelace',
        actorLabel: ws.admin.email,
        targetName: 'Cart reminder v2',
        details: {
          channel: 'EMAIL',
          state: 'DRAFT',
          revision: 2,
          changes: { name: { before: 'Cart reminder', after: 'Cart reminder v2' }, subject: { before: null, after: 'Your cart misses you' } },
        },
      }),
      // Renaming later does not rewrite the earlier entry.
      expect.objectContaining({ action: 'content.create', targetName: 'Cart reminder', details: { name: 'Cart reminder', channel: 'EMAIL' } }),
    ]);
    // The stored name is not part of the details a reader sees, nor mixed into other entries: customers are never named.
    expect(JSON.stringify(auditLog)).not.toContain('$targetName');
  });

  it('filters by who, what and when on the server, pages through a filtered log, and refuses a backwards range', async () => {
    const clock = new FakeClock(Date.parse('2026-03-01T09:00:00Z'));
    const ts = await startTestServer({ clock });
    try {
      const ws = await createWorkspace(ts);
      const admin = await GqlClient.signedIn(ts, ws.admin);
      const marketerUser = await addMember(ts, ws, Role.MARKETER);
      const marketer = await GqlClient.signedIn(ts, marketerUser);
      for (let i = 0; i < 3; i += 1) {
        clock.advance(1_000);
        await marketer.data(CREATE_CONTENT, { name: `March ${i}` });
      }
      clock.set(Date.parse('2026-03-05T09:00:00Z'));
      await admin.data(CREATE_CONTENT, { name: 'By the admin' });
      await admin.data(`mutation { createApiKey(input: { label: "ERP", scopes: [TRIGGERS_READ] }) { secret } }`);

      // The marketer signed in (audited too) and created three emails.
      expect((await admin.data(LOG, { f: { actorId: marketerUser.id }, first: 10 })).auditLog.nodes.map((n: any) => n.action)).toEqual([
        'content.create',
        'content.create',
        'content.create',
        'session.signIn',
      ]);
      const byMarketer = (await admin.data(LOG, { f: { actorId: marketerUser.id, action: 'content.create' }, first: 2 })).auditLog;
      expect(byMarketer.totalCount).toBe(3);
      expect(byMarketer.nodes.map((n: any) => n.targetName)).toEqual(['March 2', 'March 1']);
      expect(byMarketer.pageInfo.hasNextPage).toBe(true);
      const rest = (await admin.data(LOG, { f: { actorId: marketerUser.id, action: 'content.create' }, first: 2, after: byMarketer.pageInfo.endCursor })).auditLog;
      expect(rest.nodes.map((n: any) => n.targetName)).toEqual(['March 0']);
      expect(rest.pageInfo.hasNextPage).toBe(false);

      expect((await admin.data(LOG, { f: { targetType: 'ApiKey' }, first: 10 })).auditLog.nodes.map((n: any) => n.action)).toEqual(['apiKey.create']);
      expect((await admin.data(LOG, { f: { action: 'content.create', actorId: ws.admin.id }, first: 10 })).auditLog.nodes.map((n: any) => n.targetName)).toEqual(['By the admin']);

      const early = (await admin.data(LOG, { f: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z', targetType: 'Content' }, first: 10 })).auditLog;
      expect(early.nodes.map((n: any) => n.targetName)).toEqual(['March 2', 'March 1', 'March 0']);
      const late = (await admin.data(LOG, { f: { from: '2026-03-05T09:00:00Z', targetType: 'Content' }, first: 10 })).auditLog;
      expect(late.nodes.map((n: any) => n.targetName)).toEqual(['By the admin']);
      // `from` is inclusive, `to` exclusive.
      expect(
        (await admin.data(LOG, { f: { from: '2026-03-01T09:00:01Z', to: '2026-03-01T09:00:02Z', targetType: 'Content' }, first: 10 })).auditLog.nodes.map((n: any) => n.targetName),
      ).toEqual(['March 0']);

      expect(await admin.error(LOG, { f: { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, first: 10 })).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_DATE_RANGE',
      });
      expect(await admin.error(LOG, { f: { actorId: 'not-an-id' }, first: 10 })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });

      const { auditLogActions } = await admin.data(`query { auditLogActions { action targetType } }`);
      expect(auditLogActions).toEqual(
        expect.arrayContaining([
          { action: 'apiKey.create', targetType: 'ApiKey' },
          { action: 'content.create', targetType: 'Content' },
        ]),
      );
    } finally {
      await ts.close();
    }
  });

  it('exports the filtered log as CSV with formula-looking cells neutralised', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2+3', '@cmd', 'Plain, "quoted" name'];
    for (const name of hostile) await admin.data(CREATE_CONTENT, { name });
    await admin.data(`mutation { createApiKey(input: { label: "ERP", scopes: [TRIGGERS_READ] }) { secret } }`);

    const csv: string = (await admin.data(CSV, { f: { targetType: 'Content' } })).auditLogCsv;
    const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['Time (UTC)', 'Actor', 'Actor type', 'Actor id', 'Action', 'Object type', 'Object id', 'Object name', 'Details', 'Request id']);
    expect(rows).toHaveLength(hostile.length);
    const names = rows.map((r) => r[7]);
    expect(names).toEqual([`Plain, "quoted" name`, `'@cmd`, `'-2+3`, `'+SUM(1,2)`, `'=HYPERLINK("http://evil.example","x")`]);
    // No cell starts with a formula character any more.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[0]).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      `Test User <${ws.admin.email}>`,
      'USER',
      ws.admin.id,
      'content.create',
      'Content',
      expect.any(String),
      names[0],
      expect.any(String),
      expect.any(String),
    ]);
    expect(JSON.parse(rows[0][8])).toEqual({ name: 'Plain, "quoted" name', channel: 'EMAIL' });
    expect(csv).not.toContain('apiKey.create');
  });

  it('needs the audit permission for the log and the export, and shows only the viewer’s workspace', async () => {
    const ws = await createWorkspace(t);
    const other = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const otherAdmin = await GqlClient.signedIn(t, other.admin);
    await otherAdmin.data(CREATE_CONTENT, { name: 'Secret plan of the other workspace' });
    await admin.data(CREATE_CONTENT, { name: 'Ours' });

    const marketer = await GqlClient.signedIn(t, await addMember(t, ws, Role.MARKETER));
    expect(await marketer.error(CSV, {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await marketer.error(LOG, { first: 10 })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await marketer.error(`query { auditLogActions { action } }`)).toMatchObject({ code: 'FORBIDDEN' });

    const keyWithout = (await admin.data(`mutation { createApiKey(input: { label: "no audit", scopes: [TRIGGERS_READ] }) { secret } }`)).createApiKey.secret;
    expect(await GqlClient.withKey(t, keyWithout).error(CSV, {})).toMatchObject({ code: 'FORBIDDEN' });
    const keyWith = (await admin.data(`mutation { createApiKey(input: { label: "SIEM", scopes: [AUDIT_READ] }) { secret } }`)).createApiKey.secret;
    const siem = GqlClient.withKey(t, keyWith);
    const csv: string = (await siem.data(CSV, {})).auditLogCsv;
    expect(csv).toContain('Ours');
    expect(csv).not.toContain('Secret plan');

    const { auditLog } = await admin.data(LOG, { first: 100 });
    expect(JSON.stringify(auditLog)).not.toContain('Secret plan');
    // Filtering by the other workspace's admin finds nothing here.
    expect((await admin.data(LOG, { f: { actorId: other.admin.id }, first: 10 })).auditLog.totalCount).toBe(0);
    const actions = (await admin.data(`query { auditLogActions { action } }`)).auditLogActions.map((a: any) => a.action);
    expect(actions).toContain('content.create');
  });

  it('refuses an export larger than the limit and suggests a shorter range', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    await t.dataSource.query(
      `INSERT INTO audit_entries (workspace_id, actor_type, actor_id, actor_label, action, target_type, target_id, details, created_at)
       SELECT $1, 'SYSTEM', NULL, 'Flare', 'bulk.test', 'Thing', NULL, '{}'::jsonb, timestamptz '2026-01-01T00:00:00Z' + make_interval(secs => g)
       FROM generate_series(1, $2::int) g`,
      [ws.id, AUDIT_CSV_MAX_ROWS + 1],
    );
    expect(await admin.error(CSV, { f: { action: 'bulk.test' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AUDIT_EXPORT_TOO_LARGE' });
    const csv: string = (await admin.data(CSV, { f: { action: 'bulk.test', to: '2026-01-01T00:00:11Z' } })).auditLogCsv;
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 10);
  });
});

describe('failed sign-ins in the audit log', () => {
  it('are shown and filtered like any entry: by action and by kind of object, with the address typed and never the password', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const member = await addMember(t, ws, Role.MARKETER);
    const attempt = await new GqlClient(t).request(`mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`, {
      input: { email: member.email, password: 'wrong-password-123' },
    });
    expect(attempt.body.errors?.[0]).toBeDefined();

    const { auditLogActions } = await admin.data(`query { auditLogActions { action targetType } }`);
    const failed = auditLogActions.find((a: { action: string }) => /sign.?in.?fail/i.test(a.action));
    expect(failed).toBeDefined();
    const byAction = (await admin.data(LOG, { f: { action: failed.action }, first: 10 })).auditLog;
    expect(byAction.nodes).toHaveLength(1);
    const [entry] = byAction.nodes;
    expect(entry).toMatchObject({ targetType: 'User', targetName: 'MARKETER user', details: expect.objectContaining({ email: member.email }) });
    expect(JSON.stringify(byAction)).not.toContain('wrong-password-123');
    const byKind = (await admin.data(LOG, { f: { targetType: failed.targetType }, first: 10 })).auditLog.nodes.map((n: any) => n.action);
    expect(byKind).toContain(failed.action);
    const csv: string = (await admin.data(CSV, { f: { action: failed.action } })).auditLogCsv;
    expect(csv).toContain(member.email);
    expect(csv).not.toContain('wrong-password-123');
  });
});
