import type { Client } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addMember,
  createMigratedScratchDatabase,
  createWorkspace,
  GqlClient,
  Role,
  startTestServer,
  type TestServer,
  type TestUser,
  type TestWorkspace,
} from '../../test/harness.js';
import { collect, wsClient } from '../../test/ws.js';

const MEMBERS = `query { members(first: 50) { totalCount nodes { id user { email } } } }`;
const CHANGE_ROLE = `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { membership { id role } } }`;
const REMOVE = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedMembershipId } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`;
const AUDIT_SUB = `subscription { auditEntryAppended { action targetId } }`;
const ORIGIN = 'http://localhost:4000';

type WsResult = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

/** One query or mutation over an open graphql-ws client: its single result, or the error message's errors. */
function runOnce(client: Client, query: string, variables?: Record<string, unknown>): Promise<WsResult> {
  return new Promise((resolve) => {
    let last: WsResult = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => (last = value as WsResult),
        error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String((error as { reason?: string }).reason ?? error) }] }),
        complete: () => resolve(last),
      },
    );
  });
}

/** Resolves with the close event, or with code -1 when the socket is still open after `ms`. */
const closedWithin = (socket: ReturnType<typeof wsClient>, ms = 3_000) =>
  Promise.race([socket.closed, new Promise<{ code: number; reason: string }>((r) => setTimeout(() => r({ code: -1, reason: 'still open' }), ms))]);

const settle = (ms = 250) => new Promise((r) => setTimeout(r, ms));

/** A workspace with a second ADMIN whose browser session has a socket open (with a live audit stream) on `socketServer`. */
async function secondAdminWithSocket(changeServer: TestServer, socketServer: TestServer) {
  const ws: TestWorkspace = await createWorkspace(changeServer);
  const second: TestUser = await addMember(changeServer, ws, Role.ADMIN);
  const admin = await GqlClient.signedIn(changeServer, ws.admin);
  const secondHttp = await GqlClient.signedIn(socketServer, second);
  const socket = wsClient(socketServer.wsUrl, {}, { cookie: secondHttp.cookie!, origin: ORIGIN });
  const audit = collect(socket, AUDIT_SUB);
  await settle();
  // The socket really is an admin's: it may create keys and receives audit entries.
  const created = await runOnce(socket, CREATE_KEY, { input: { label: 'before', scopes: ['TRIGGERS_READ'] } });
  expect(created.errors).toBeUndefined();
  // The sign-ins just before may reach the stream too (their NOTIFY can arrive after it started): look for the key.
  const actions = () => audit.results.map((r) => r.data?.auditEntryAppended.action as string);
  for (let n = 1; !actions().includes('apiKey.create') && n <= 5; n += 1) await audit.first(n);
  expect(actions()).toContain('apiKey.create');
  const membership = (await admin.data(MEMBERS)).members.nodes.find((m: { user: { email: string } }) => m.user.email === second.email);
  return { ws, second, admin, secondHttp, socket, audit, membershipId: membership.id as string };
}

describe('one server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(() => t.close());

  it('closes a removed member’s open socket with 4403 and delivers them no further audit entries', async () => {
    const { admin, socket, audit, membershipId } = await secondAdminWithSocket(t, t);
    await admin.data(REMOVE, { input: { membershipId } });
    expect((await closedWithin(socket)).code).toBe(4403);
    const delivered = audit.results.length;
    await admin.data(CREATE_KEY, { input: { label: 'after removal', scopes: ['TRIGGERS_READ'] } });
    await settle(400);
    expect(audit.results.slice(delivered).map((r) => r.data?.auditEntryAppended.action)).toEqual([]);
  });

  it('downgrades a demoted admin’s open socket: writes refused with FORBIDDEN, reads still work, the audit stream ends with FORBIDDEN', async () => {
    const { admin, socket, audit, membershipId, ws } = await secondAdminWithSocket(t, t);
    await admin.data(CHANGE_ROLE, { input: { membershipId, role: 'VIEWER' } });

    const refused = await runOnce(socket, CREATE_KEY, { input: { label: 'after demotion', scopes: ['TRIGGERS_READ'] } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
    expect(await t.dataSource.query(`SELECT label FROM api_keys WHERE workspace_id = $1 AND label = 'after demotion'`, [ws.id])).toEqual([]);

    const read = await runOnce(socket, 'query { members { totalCount } viewer { role permissions } }');
    expect(read.errors).toBeUndefined();
    expect(read.data).toMatchObject({ members: { totalCount: 2 }, viewer: { role: 'VIEWER' } });
    expect(read.data!.viewer.permissions).not.toContain('audit:read');

    // The audit stream needs audit:read, which the member no longer has: it ends with an error, not silently.
    await audit.first(99, 3_000).catch(() => undefined);
    expect(audit.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'PERMISSION_LOST' }) })]);
    const delivered = audit.results.length;
    await admin.data(CREATE_KEY, { input: { label: 'after demotion by admin', scopes: ['TRIGGERS_READ'] } });
    await settle(400);
    expect(audit.results.length).toBe(delivered);
    // A new audit subscription on the same socket is refused too.
    const again = collect(socket, AUDIT_SUB);
    await again.first(1, 3_000).catch(() => undefined);
    const againErrors = (again.error as WsResult['errors']) ?? again.results[0]?.errors;
    expect(againErrors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await closedWithin(socket, 100)).toMatchObject({ code: -1 });
    await socket.dispose();
  });

  it('closes the sockets of a session that signs out', async () => {
    const ws = await createWorkspace(t);
    const member = await GqlClient.signedIn(t, ws.admin);
    const socket = wsClient(t.wsUrl, {}, { cookie: member.cookie!, origin: ORIGIN });
    expect((await runOnce(socket, 'query { viewer { kind } }')).data).toEqual({ viewer: { kind: 'USER' } });
    await member.data('mutation { signOut { signedOut } }');
    expect((await closedWithin(socket)).code).toBe(4403);
  });
});

describe('two API processes on one database', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '100000' } }), startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '100000' } })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('a demotion made through server A ends the audit stream on server B and refuses B’s socket the write', async () => {
    const { admin, socket, audit, membershipId } = await secondAdminWithSocket(a, b);
    await admin.data(CHANGE_ROLE, { input: { membershipId, role: 'VIEWER' } });
    await audit.first(99, 3_000).catch(() => undefined);
    expect(audit.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'PERMISSION_LOST' }) })]);
    const refused = await runOnce(socket, CREATE_KEY, { input: { label: 'on b', scopes: ['TRIGGERS_READ'] } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    await socket.dispose();
  });

  it('a removal made through server A closes the member’s socket on server B', async () => {
    const { admin, socket, membershipId } = await secondAdminWithSocket(a, b);
    await admin.data(REMOVE, { input: { membershipId } });
    expect((await closedWithin(socket)).code).toBe(4403);
  });

  it('signing out through server A closes that session’s socket on server B', async () => {
    const ws = await createWorkspace(a);
    const member = await GqlClient.signedIn(a, ws.admin);
    const socket = wsClient(b.wsUrl, {}, { cookie: member.cookie!, origin: ORIGIN });
    expect((await runOnce(socket, 'query { viewer { kind } }')).data).toEqual({ viewer: { kind: 'USER' } });
    await member.data('mutation { signOut { signedOut } }');
    expect((await closedWithin(socket)).code).toBe(4403);
  });
});

describe('a change made while the event listener was away', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('is caught up when the listener is back: the demoted member’s audit stream ends with PERMISSION_LOST', { timeout: 60_000 }, async () => {
    const scratch = await createMigratedScratchDatabase();
    cleanups.push(() => scratch.drop());
    const t = await startTestServer({ databaseUrl: scratch.url, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    cleanups.push(() => t.close());
    const { admin, socket, audit, membershipId } = await secondAdminWithSocket(t, t);
    cleanups.push(() => socket.dispose() as Promise<void>);

    // Keep the listener away while the pool's open connections still work; its MEMBERSHIP_CHANGED is lost.
    const dba = new pg.Client({ connectionString: inject('databaseUrl') });
    dba.on('error', () => undefined);
    await dba.connect();
    cleanups.push(() => dba.end());
    const name = new URL(scratch.url).pathname.slice(1);
    await dba.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    cleanups.push(() => dba.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`));
    const cut = await dba.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'flare-listener'`, [name]);
    expect(cut.rowCount).toBe(1);
    await settle(300);
    await admin.data(CHANGE_ROLE, { input: { membershipId, role: 'VIEWER' } });
    await settle(1_000);
    expect(audit.error).toBeNull();

    await dba.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await expect
      .poll(() => audit.error, { timeout: 5_000, interval: 100 })
      .toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'PERMISSION_LOST' }) })]);
  });
});
