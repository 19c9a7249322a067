import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';

const VIEWER = `query { viewer { kind role permissions user { email } workspace { id name } memberships { role workspace { id } } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { user { email } workspace { id } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('sign in and sessions', () => {
  it('signs in, sets an httpOnly SameSite cookie and answers the viewer query', async () => {
    const ws = await createWorkspace(t);
    const client = new GqlClient(t);
    const res = await client.request(SIGN_IN, { input: { email: ws.admin.email.toUpperCase(), password: ws.admin.password } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.signIn.workspace.id).toBe(ws.id);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/flare_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const { viewer } = await client.data(VIEWER);
    expect(viewer).toMatchObject({ kind: 'USER', role: 'ADMIN', user: { email: ws.admin.email }, workspace: { id: ws.id } });
    expect(viewer.permissions).toContain('members:manage');
  });

  it('refuses a wrong password with UNAUTHENTICATED and no cookie', async () => {
    const ws = await createWorkspace(t);
    const client = new GqlClient(t);
    const res = await client.request(SIGN_IN, { input: { email: ws.admin.email, password: 'not-the-password' } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await client.error(VIEWER)).code).toBe('UNAUTHENTICATED');
  });

  it('gives the same answer for an unknown email as for a wrong password', async () => {
    const res = await new GqlClient(t).request(SIGN_IN, { input: { email: 'nobody@example.com', password: 'whatever-password' } });
    expect(res.body.errors?.[0]).toMatchObject({ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('answers signed-out access with UNAUTHENTICATED', async () => {
    const client = new GqlClient(t);
    for (const query of [VIEWER, 'query { members { totalCount } }', 'query { apiKeys { totalCount } }', 'query { auditLog { totalCount } }']) {
      expect((await client.error(query)).code).toBe('UNAUTHENTICATED');
    }
    const mutation = await client.error('mutation { createApiKey(input: { label: "x", scopes: [TRIGGERS_READ] }) { secret } }');
    expect(mutation.code).toBe('UNAUTHENTICATED');
  });

  it('revokes the session server-side on sign-out, so a replayed cookie is refused', async () => {
    const ws = await createWorkspace(t);
    const client = await GqlClient.signedIn(t, ws.admin);
    const stolen = client.cookie;
    const res = await client.request('mutation { signOut { signedOut } }');
    expect(res.body.data?.signOut.signedOut).toBe(true);
    expect(res.headers.get('set-cookie')).toMatch(/flare_session=;/);
    const replay = new GqlClient(t);
    replay.cookie = stolen;
    expect((await replay.error(VIEWER)).code).toBe('UNAUTHENTICATED');
    const audited = await t.dataSource.query('SELECT action, actor_label FROM audit_entries WHERE workspace_id = $1 ORDER BY created_at', [ws.id]);
    expect(audited).toEqual([
      { action: 'session.signIn', actor_label: ws.admin.email },
      { action: 'session.signOut', actor_label: ws.admin.email },
    ]);
  });

  it('refuses a cookie sent from a foreign Origin', async () => {
    const ws = await createWorkspace(t);
    const client = await GqlClient.signedIn(t, ws.admin);
    const res = await client.request(VIEWER, undefined, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'FOREIGN_ORIGIN' });
    const same = await client.request(VIEWER, undefined, { origin: 'http://localhost:4000' });
    expect(same.body.data?.viewer.kind).toBe('USER');
  });

  it('switches workspace with the x-flare-workspace header, only into workspaces the user belongs to', async () => {
    const first = await createWorkspace(t, 'First');
    const second = await createWorkspace(t, 'Second');
    const member = await addMember(t, first, Role.VIEWER);
    await addMember(t, second, Role.VIEWER);
    const client = await GqlClient.signedIn(t, member);
    expect((await client.data(VIEWER)).viewer.workspace.id).toBe(first.id);
    const foreign = await client.request(VIEWER, undefined, { 'x-flare-workspace': second.id });
    expect(foreign.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const bogus = await client.request(VIEWER, undefined, { 'x-flare-workspace': 'not-a-uuid' });
    expect(bogus.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('slows password guessing per account with 429 and Retry-After', async () => {
    const ws = await createWorkspace(t);
    const client = new GqlClient(t);
    const attempts = [];
    for (let i = 0; i < 11; i += 1) attempts.push(await client.request(SIGN_IN, { input: { email: ws.admin.email, password: `wrong-${i}-password` } }));
    const last = attempts.at(-1)!;
    expect(attempts.slice(0, 10).every((r) => r.body.errors?.[0].extensions.code === 'UNAUTHENTICATED')).toBe(true);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // Even the right password waits: the limit is on attempts, not failures.
    const right = await client.request(SIGN_IN, { input: { email: ws.admin.email, password: ws.admin.password } });
    expect(right.status).toBe(429);
  });

  it('never locks out an account that signs in often with the right password, yet still counts the wrong ones', async () => {
    const ws = await createWorkspace(t);
    const client = new GqlClient(t);
    // More right sign-ins than the 10 attempts allowed per account: each is taken back once the password is right.
    for (let i = 0; i < 12; i += 1) {
      const right = await client.request(SIGN_IN, { input: { email: ws.admin.email, password: ws.admin.password } });
      expect(right.body.errors).toBeUndefined();
      expect(right.body.data!.signIn.user.email).toBe(ws.admin.email);
    }
    const wrong = [];
    for (let i = 0; i < 11; i += 1) wrong.push(await client.request(SIGN_IN, { input: { email: ws.admin.email, password: `wrong-${i}-password` } }));
    expect(wrong.slice(0, 10).every((r) => r.body.errors?.[0].extensions.code === 'UNAUTHENTICATED')).toBe(true);
    expect(wrong[10].status).toBe(429);
    const right = await client.request(SIGN_IN, { input: { email: ws.admin.email, password: ws.admin.password } });
    expect(right.status).toBe(429);
  });
});
