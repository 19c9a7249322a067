import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { startSmtpServer } from '../../test/smtp.js';
import { addMember, createUser, createWorkspace, GqlClient, Role, startTestServer, type TestServer, type TestUser } from '../../test/harness.js';

const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { signedOutSessions } }`;
const REQUEST = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { email } }`;
const LINK_STATE = `query($token: String!) { passwordResetLink(token: $token) { state email } }`;
const ADMIN_LINK = `mutation($input: CreatePasswordResetLinkInput!) { createPasswordResetLink(input: $input) { resetUrl expiresAt } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { user { email } } }`;
const VIEWER = `query { viewer { user { email } } }`;
const NEW_PASSWORD = 'a-brand-new-password';

let t: TestServer;
const clock = new FakeClock();
beforeAll(async () => {
  t = await startTestServer({ clock });
});
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
afterAll(async () => {
  await t.close();
  await smtp?.close();
});

/** A client whose requests come from its own address (the server trusts X-Forwarded-For from loopback). */
let addresses = 0;
function fromOwnAddress(): GqlClient {
  const client = new GqlClient(t);
  addresses += 1;
  client.headers['x-forwarded-for'] = `203.0.113.${addresses}`;
  return client;
}

async function signInWith(user: TestUser, password = user.password) {
  return (await fromOwnAddress().request(SIGN_IN, { input: { email: user.email, password } })).body;
}

/** The reset email in the Flare inbox of `workspaceId`, and the token of its link. */
async function resetEmail(workspaceId: string, to: string) {
  await t.server.services.passwords.settled();
  const rows: { subject: string; text_body: string; html_body: string }[] = await t.dataSource.query(
    'SELECT subject, text_body, html_body FROM inbox_messages WHERE workspace_id = $1 AND recipient = $2 ORDER BY received_at DESC',
    [workspaceId, to],
  );
  const token = rows[0] ? new URL(rows[0].text_body.match(/https?:\/\/\S+/)![0]).searchParams.get('token') : null;
  return { rows, token };
}

describe('password change', () => {
  it('needs the current password, keeps this session, signs out the others, and is audited', async () => {
    const ws = await createWorkspace(t);
    const here = await GqlClient.signedIn(t, ws.admin);
    const elsewhere = await GqlClient.signedIn(t, ws.admin);
    const wrong = await here.error(CHANGE, { input: { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD } });
    expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_PASSWORD' });
    expect((await signInWith(ws.admin, NEW_PASSWORD)).errors?.[0].extensions.reason).toBe('INVALID_CREDENTIALS');

    const { changePassword } = await here.data(CHANGE, { input: { currentPassword: ws.admin.password, newPassword: NEW_PASSWORD } });
    expect(changePassword.signedOutSessions).toBe(1);
    expect((await here.data(VIEWER)).viewer.user.email).toBe(ws.admin.email);
    expect((await elsewhere.error(VIEWER)).code).toBe('UNAUTHENTICATED');
    expect((await signInWith(ws.admin)).errors?.[0].extensions.reason).toBe('INVALID_CREDENTIALS');
    expect((await signInWith(ws.admin, NEW_PASSWORD)).data?.signIn.user.email).toBe(ws.admin.email);
    const audited = await t.dataSource.query(`SELECT actor_label, details FROM audit_entries WHERE workspace_id = $1 AND action = 'user.passwordChange'`, [ws.id]);
    expect(audited).toEqual([{ actor_label: ws.admin.email, details: expect.objectContaining({ email: ws.admin.email, signedOutSessions: 1 }) }]);
  });

  it('applies the sign-up password policy, refuses the same password, and is not available to signed-out callers', async () => {
    const ws = await createWorkspace(t);
    const client = await GqlClient.signedIn(t, ws.admin);
    expect(await client.error(CHANGE, { input: { currentPassword: ws.admin.password, newPassword: 'short' } })).toMatchObject({ reason: 'INVALID_PASSWORD' });
    expect(await client.error(CHANGE, { input: { currentPassword: ws.admin.password, newPassword: 'x'.repeat(201) } })).toMatchObject({ reason: 'INVALID_PASSWORD' });
    expect(await client.error(CHANGE, { input: { currentPassword: ws.admin.password, newPassword: ws.admin.password } })).toMatchObject({ reason: 'SAME_PASSWORD' });
    expect((await new GqlClient(t).error(CHANGE, { input: { currentPassword: 'x', newPassword: NEW_PASSWORD } })).code).toBe('UNAUTHENTICATED');
  });
});

describe('password reset by email', () => {
  it('answers an unknown address exactly like a known one, and emails only the known one', async () => {
    const ws = await createWorkspace(t);
    const known = await fromOwnAddress().request(REQUEST, { input: { email: ws.admin.email.toUpperCase() } });
    const unknown = await fromOwnAddress().request(REQUEST, { input: { email: 'nobody-here@example.com' } });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(known.body).toEqual({ data: { requestPasswordReset: { accepted: true } } });
    const { rows, token } = await resetEmail(ws.id, ws.admin.email);
    expect(rows).toHaveLength(1);
    expect(rows[0].subject).toBe('Reset your Flare password');
    expect(rows[0].html_body).toContain('/reset-password?token=');
    expect(token).toBeTruthy();
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox_messages WHERE recipient = 'nobody-here@example.com'`))[0].n).toBe(0);
    const audited = await t.dataSource.query(`SELECT actor_type, details FROM audit_entries WHERE workspace_id = $1 AND action = 'user.passwordResetRequest'`, [ws.id]);
    expect(audited).toEqual([{ actor_type: 'SYSTEM', details: expect.objectContaining({ email: ws.admin.email, via: 'EMAIL', emailSent: true }) }]);
  });

  it('stores only the hash of the token, never the token itself', async () => {
    const ws = await createWorkspace(t);
    await fromOwnAddress().data(REQUEST, { input: { email: ws.admin.email } });
    const { token } = await resetEmail(ws.id, ws.admin.email);
    const rows: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM password_reset_tokens WHERE user_id = $1', [ws.admin.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    const { createHash } = await import('node:crypto');
    expect(rows[0].token_hash).toBe(createHash('sha256').update(token!).digest('hex'));
  });

  it('sets a new password once: all sessions end, the link cannot be used again, and the reset is audited', async () => {
    const ws = await createWorkspace(t);
    const session = await GqlClient.signedIn(t, ws.admin);
    await fromOwnAddress().data(REQUEST, { input: { email: ws.admin.email } });
    const { token } = await resetEmail(ws.id, ws.admin.email);
    const page = fromOwnAddress();
    expect((await page.data(LINK_STATE, { token })).passwordResetLink).toEqual({ state: 'VALID', email: ws.admin.email });
    expect(await page.error(RESET, { input: { token, newPassword: 'short' } })).toMatchObject({ reason: 'INVALID_PASSWORD' });
    expect((await page.data(RESET, { input: { token, newPassword: NEW_PASSWORD } })).resetPassword.email).toBe(ws.admin.email);
    expect((await session.error(VIEWER)).code).toBe('UNAUTHENTICATED');
    expect((await signInWith(ws.admin)).errors?.[0].extensions.reason).toBe('INVALID_CREDENTIALS');
    expect((await signInWith(ws.admin, NEW_PASSWORD)).data?.signIn.user.email).toBe(ws.admin.email);
    expect(await page.error(RESET, { input: { token, newPassword: 'yet-another-password' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RESET_LINK_USED' });
    expect((await page.data(LINK_STATE, { token })).passwordResetLink).toEqual({ state: 'USED', email: null });
    expect((await signInWith(ws.admin, NEW_PASSWORD)).data).toBeTruthy();
    const audited = await t.dataSource.query(`SELECT actor_label, details FROM audit_entries WHERE workspace_id = $1 AND action = 'user.passwordReset'`, [ws.id]);
    expect(audited).toEqual([{ actor_label: ws.admin.email, details: expect.objectContaining({ via: 'EMAIL', signedOutSessions: 1 }) }]);
  });

  it('ends every other open link of the account when one is used, and all of them when the password is changed', async () => {
    const ws = await createWorkspace(t);
    await fromOwnAddress().data(REQUEST, { input: { email: ws.admin.email } });
    const first = (await resetEmail(ws.id, ws.admin.email)).token;
    // Emails are read newest first: let the clock (which stamps the inbox) move between them.
    clock.advance(1_000);
    await fromOwnAddress().data(REQUEST, { input: { email: ws.admin.email } });
    const second = (await resetEmail(ws.id, ws.admin.email)).token;
    expect(second).not.toBe(first);
    await fromOwnAddress().data(RESET, { input: { token: second, newPassword: NEW_PASSWORD } });
    expect(await fromOwnAddress().error(RESET, { input: { token: first, newPassword: 'yet-another-password' } })).toMatchObject({ reason: 'RESET_LINK_USED' });

    clock.advance(1_000);
    await fromOwnAddress().data(REQUEST, { input: { email: ws.admin.email } });
    const third = (await resetEmail(ws.id, ws.admin.email)).token;
    const client = await GqlClient.signedIn(t, { ...ws.admin, password: NEW_PASSWORD });
    await client.data(CHANGE, { input: { currentPassword: NEW_PASSWORD, newPassword: 'changed-by-the-user' } });
    expect((await fromOwnAddress().data(LINK_STATE, { token: third })).passwordResetLink.state).toBe('USED');
  });

  it('refuses a link after one hour', async () => {
    const ws = await createWorkspace(t);
    await fromOwnAddress().data(REQUEST, { input: { email: ws.admin.email } });
    const { token } = await resetEmail(ws.id, ws.admin.email);
    clock.advance(60 * 60_000 - 1_000);
    expect((await fromOwnAddress().data(LINK_STATE, { token })).passwordResetLink.state).toBe('VALID');
    clock.advance(1_000);
    const page = fromOwnAddress();
    expect((await page.data(LINK_STATE, { token })).passwordResetLink).toEqual({ state: 'EXPIRED', email: null });
    expect(await page.error(RESET, { input: { token, newPassword: NEW_PASSWORD } })).toMatchObject({ reason: 'RESET_LINK_EXPIRED' });
    expect((await signInWith(ws.admin)).data?.signIn.user.email).toBe(ws.admin.email);
  });

  it('refuses an unknown link', async () => {
    const page = fromOwnAddress();
    expect((await page.data(LINK_STATE, { token: 'made-up' })).passwordResetLink).toEqual({ state: 'UNKNOWN', email: null });
    expect(await page.error(RESET, { input: { token: 'made-up', newPassword: NEW_PASSWORD } })).toMatchObject({ reason: 'RESET_LINK_UNKNOWN' });
  });

  it('limits requests per email address (known or not) and per client address, with 429', async () => {
    const ws = await createWorkspace(t);
    for (const email of [ws.admin.email, 'someone-unknown@example.com']) {
      const answers = [];
      for (let i = 0; i < 4; i += 1) answers.push(await fromOwnAddress().request(REQUEST, { input: { email } }));
      expect(answers.slice(0, 3).map((a) => a.body.data?.requestPasswordReset.accepted)).toEqual([true, true, true]);
      expect(answers[3].status).toBe(429);
      expect(answers[3].body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    }
    expect((await resetEmail(ws.id, ws.admin.email)).rows).toHaveLength(3);
    const oneAddress = fromOwnAddress();
    const answers = [];
    for (let i = 0; i < 11; i += 1) answers.push(await oneAddress.request(REQUEST, { input: { email: `spray-${i}@example.com` } }));
    expect(answers.slice(0, 10).every((a) => a.body.data?.requestPasswordReset.accepted)).toBe(true);
    expect(answers[10].status).toBe(429);
    clock.advance(61 * 60_000);
    expect((await oneAddress.request(REQUEST, { input: { email: 'spray-late@example.com' } })).body.data?.requestPasswordReset.accepted).toBe(true);
  });
});

describe('admin-issued reset links', () => {
  it('gives an admin a one-hour link for a member, audited; the member sets a new password with it', async () => {
    const ws = await createWorkspace(t);
    const member = await addMember(t, ws, Role.MARKETER);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const membershipId = (await t.dataSource.query('SELECT id FROM memberships WHERE user_id = $1', [member.id]))[0].id;
    const { createPasswordResetLink } = await admin.data(ADMIN_LINK, { input: { membershipId } });
    expect(new Date(createPasswordResetLink.expiresAt).getTime()).toBe(clock.now().getTime() + 60 * 60_000);
    const token = new URL(createPasswordResetLink.resetUrl).searchParams.get('token');
    await fromOwnAddress().data(RESET, { input: { token, newPassword: NEW_PASSWORD } });
    expect((await signInWith(member, NEW_PASSWORD)).data?.signIn.user.email).toBe(member.email);
    const actions = await t.dataSource.query(
      `SELECT action, actor_label, details->>'via' AS via FROM audit_entries WHERE workspace_id = $1 AND target_id = $2 AND action LIKE 'user.password%' ORDER BY created_at`,
      [ws.id, member.id],
    );
    expect(actions).toEqual([
      { action: 'user.passwordResetRequest', actor_label: ws.admin.email, via: 'ADMIN_LINK' },
      { action: 'user.passwordReset', actor_label: member.email, via: 'ADMIN_LINK' },
    ]);
  });

  it('is refused to non-admins, for one’s own account, and for members of workspaces the admin does not administer', async () => {
    const ws = await createWorkspace(t);
    const marketer = await addMember(t, ws, Role.MARKETER);
    const idOf = async (userId: string) => (await t.dataSource.query('SELECT id FROM memberships WHERE user_id = $1 AND workspace_id = $2', [userId, ws.id]))[0].id;
    const asMarketer = await GqlClient.signedIn(t, marketer);
    expect((await asMarketer.error(ADMIN_LINK, { input: { membershipId: await idOf(ws.admin.id) } })).code).toBe('FORBIDDEN');
    const admin = await GqlClient.signedIn(t, ws.admin);
    expect(await admin.error(ADMIN_LINK, { input: { membershipId: await idOf(ws.admin.id) } })).toMatchObject({ reason: 'OWN_ACCOUNT' });
    const other = await createWorkspace(t, 'Elsewhere');
    await t.dataSource.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'ADMIN')`, [other.id, marketer.id]);
    expect(await admin.error(ADMIN_LINK, { input: { membershipId: await idOf(marketer.id) } })).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBER_OF_OTHER_WORKSPACES' });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM password_reset_tokens WHERE user_id = $1', [marketer.id]))[0].n).toBe(0);
  });
});

describe('failed sign-ins', () => {
  it('are audited in every workspace of the account with the address and the reason; unknown emails leave no entry', async () => {
    const first = await createWorkspace(t);
    const second = await createWorkspace(t);
    await t.dataSource.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'VIEWER')`, [second.id, first.admin.id]);
    const client = new GqlClient(t);
    client.headers['x-forwarded-for'] = '198.51.100.7';
    await client.request(SIGN_IN, { input: { email: first.admin.email, password: 'wrong-password-here' } });
    const unknown = await createUser(t);
    await t.dataSource.query('DELETE FROM users WHERE id = $1', [unknown.id]);
    await client.request(SIGN_IN, { input: { email: unknown.email, password: 'whatever-password' } });
    const entries = await t.dataSource.query(
      `SELECT workspace_id, actor_type, target_id, details FROM audit_entries WHERE action = 'user.signInFailed' AND workspace_id = ANY($1)`,
      [[first.id, second.id]],
    );
    expect(entries).toHaveLength(2);
    expect(new Set(entries.map((e: { workspace_id: string }) => e.workspace_id))).toEqual(new Set([first.id, second.id]));
    for (const e of entries) {
      expect(e).toMatchObject({ actor_type: 'SYSTEM', target_id: first.admin.id, details: { email: first.admin.email, ip: '198.51.100.7', reason: 'WRONG_PASSWORD' } });
    }
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE details->>'email' = $1`, [unknown.email]))[0].n).toBe(0);
  });
});

describe('which email channel carries a reset email', () => {
  it('uses the user’s oldest workspace’s channel (SMTP when configured), and the next workspace’s when that one refuses it', async () => {
    // Closed after the server (whose SMTP connections are pooled), in afterAll.
    smtp = await startSmtpServer();
    const first = await createWorkspace(t, 'Oldest');
    const second = await createWorkspace(t, 'Joined later');
    await t.dataSource.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'VIEWER')`, [second.id, first.admin.id]);
    const admin = await GqlClient.signedIn(t, first.admin);
    await admin.data(`mutation($input: SetSmtpChannelInput!) { setSmtpChannel(input: $input) { channel { provider } } }`, {
      input: { host: '127.0.0.1', port: smtp.port, security: 'NONE', username: null, fromName: 'Oldest', fromAddress: 'flare@oldest.example', replyTo: null },
    });

    await fromOwnAddress().data(REQUEST, { input: { email: first.admin.email } });
    await t.server.services.passwords.settled();
    expect(smtp.received.map((m) => m.subject)).toEqual(['Reset your Flare password']);
    expect(smtp.received[0].text).toContain('/reset-password?token=');
    expect((await resetEmail(second.id, first.admin.email)).rows).toHaveLength(0);

    smtp.behave(() => 'reject');
    await fromOwnAddress().data(REQUEST, { input: { email: first.admin.email } });
    const { rows, token } = await resetEmail(second.id, first.admin.email);
    expect(rows).toHaveLength(1);
    expect((await fromOwnAddress().data(LINK_STATE, { token })).passwordResetLink.state).toBe('VALID');
    const audited = await t.dataSource.query(
      `SELECT workspace_id, details->>'sentThroughWorkspaceId' AS through FROM audit_entries WHERE action = 'user.passwordResetRequest' AND target_id = $1 ORDER BY created_at, workspace_id`,
      [first.admin.id],
    );
    expect(audited.filter((a: { through: string }) => a.through === first.id)).toHaveLength(2);
    expect(audited.filter((a: { through: string }) => a.through === second.id)).toHaveLength(2);
  });
});
