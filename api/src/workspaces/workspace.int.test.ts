import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';

const MEMBERS = `query { members(first: 50) { totalCount nodes { id role user { email } workspace { id } } } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { membership { id role } invitation { id email role } inviteUrl } }`;
const CHANGE_ROLE = `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { membership { id role } } }`;
const REMOVE = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedMembershipId } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`;
const REVOKE_KEY = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { email } workspace { id } } }`;
const JOIN = `mutation($input: JoinWorkspaceInput!) { joinWorkspace(input: $input) { membership { id role workspace { id } } } }`;
const INVITE_ALL = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { membership { id role user { id name email } } invitation { id email role createdAt expiresAt acceptedAt } inviteUrl } }`;
const AUDIT = `query { auditLog(first: 50) { totalCount nodes { action actorType actorLabel targetType targetId details requestId } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const membershipOf = async (admin: GqlClient, email: string) => (await admin.data(MEMBERS)).members.nodes.find((m: { user: { email: string } }) => m.user.email === email);

describe('roles', () => {
  it('refuses writes to a VIEWER with FORBIDDEN and changes nothing', async () => {
    const ws = await createWorkspace(t);
    const viewerUser = await addMember(t, ws, Role.VIEWER);
    const viewer = await GqlClient.signedIn(t, viewerUser);
    expect((await viewer.data(MEMBERS)).members.totalCount).toBe(2);
    const attempts = [
      [CREATE_KEY, { input: { label: 'x', scopes: ['TRIGGERS_READ'] } }],
      [INVITE, { input: { email: 'new@example.com', role: 'ADMIN' } }],
      [CHANGE_ROLE, { input: { membershipId: (await membershipOf(viewer, viewerUser.email)).id, role: 'ADMIN' } }],
    ] as const;
    for (const [query, variables] of attempts) {
      expect(await viewer.error(query, variables)).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
    }
    const rows = await t.dataSource.query('SELECT role FROM memberships WHERE workspace_id = $1 ORDER BY role', [ws.id]);
    expect(rows.map((r: { role: string }) => r.role)).toEqual(['ADMIN', 'VIEWER']);
    expect(await t.dataSource.query('SELECT 1 FROM api_keys WHERE workspace_id = $1', [ws.id])).toEqual([]);
  });

  it('lets marketers and developers read members but not manage them', async () => {
    const ws = await createWorkspace(t);
    for (const role of [Role.MARKETER, Role.DEVELOPER]) {
      const client = await GqlClient.signedIn(t, await addMember(t, ws, role));
      expect((await client.data(MEMBERS)).members.totalCount).toBeGreaterThan(1);
      expect((await client.error('query { auditLog { totalCount } }')).code).toBe('FORBIDDEN');
    }
  });
});

describe('members', () => {
  it('answers the same for a known and an unknown email: an invitation, never a membership or a name', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const known = await createUser(t, 'Known Person');
    const unknownEmail = `unknown-${randomUUID()}@example.com`;
    const asKnown = (await admin.request(INVITE_ALL, { input: { email: known.email, role: 'MARKETER' } })).body;
    const asUnknown = (await admin.request(INVITE_ALL, { input: { email: unknownEmail, role: 'MARKETER' } })).body;
    const blank = (body: unknown, email: string) =>
      JSON.parse(
        JSON.stringify(body)
          .replaceAll(email, '<email>')
          .replace(/"id":"[^"]+"/g, '"id":"<id>"')
          .replace(/token=[^"]+/, 'token=<token>')
          .replace(/"createdAt":"[^"]+"|"expiresAt":"[^"]+"/g, '"t":"<t>"'),
      );
    expect(blank(asKnown, known.email)).toEqual(blank(asUnknown, unknownEmail));
    expect(asKnown.data!.inviteMember).toMatchObject({ membership: null, invitation: { email: known.email, role: 'MARKETER', acceptedAt: null } });
    expect(asKnown.data!.inviteMember.inviteUrl).toMatch(/accept-invitation\?token=/);
    expect(JSON.stringify(asKnown)).not.toContain('Known Person');
    // Not a member until they accept.
    expect(await t.dataSource.query('SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2', [ws.id, known.id])).toEqual([]);
    expect((await admin.data(MEMBERS)).members.totalCount).toBe(1);
    const { auditLog } = await admin.data(AUDIT);
    expect(auditLog.nodes.slice(0, 2).map((n: { action: string; details: { email: string } }) => [n.action, n.details.email])).toEqual([
      ['member.invite', unknownEmail],
      ['member.invite', known.email],
    ]);
    expect(auditLog.nodes[1].requestId).toBeTruthy();

    // The known user accepts while signed in (no password asked again) and only then is a member.
    const token = new URL(asKnown.data!.inviteMember.inviteUrl).searchParams.get('token')!;
    const knownClient = await GqlClient.signedIn(t, known);
    const { joinWorkspace } = await knownClient.data(JOIN, { input: { token } });
    expect(joinWorkspace.membership).toMatchObject({ role: 'MARKETER', workspace: { id: ws.id } });
    expect((await admin.data(MEMBERS)).members.totalCount).toBe(2);
    expect((await knownClient.request('query { viewer { role } }', undefined, { 'x-flare-workspace': ws.id })).body.data?.viewer.role).toBe('MARKETER');
    expect((await admin.data(AUDIT)).auditLog.nodes[0]).toMatchObject({ action: 'invitation.accept', actorLabel: known.email });
    expect(await knownClient.error(JOIN, { input: { token } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITATION_INVALID' });
  });

  it('lets an existing user accept on the invitation page with their password, and nobody else’s session', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const known = await createUser(t);
    const other = await createUser(t);
    const { inviteMember } = await admin.data(INVITE, { input: { email: known.email, role: 'VIEWER' } });
    const token = new URL(inviteMember.inviteUrl).searchParams.get('token')!;
    // Someone else's session cannot take the invitation.
    const otherClient = await GqlClient.signedIn(t, other);
    expect(await otherClient.error(JOIN, { input: { token } })).toMatchObject({ code: 'FORBIDDEN', reason: 'INVITATION_FOR_ANOTHER_EMAIL' });
    const page = new GqlClient(t);
    expect(await page.error(ACCEPT, { input: { token, name: 'ignored', password: 'not-their-password' } })).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_CREDENTIALS',
    });
    expect(await t.dataSource.query('SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2', [ws.id, known.id])).toEqual([]);
    const { acceptInvitation } = await page.data(ACCEPT, { input: { token, name: 'ignored', password: known.password } });
    expect(acceptInvitation).toEqual({ user: { email: known.email }, workspace: { id: ws.id } });
    expect((await page.data('query { viewer { role workspace { id } } }')).viewer).toEqual({ role: 'VIEWER', workspace: { id: ws.id } });
  });

  it('answers an invitation of an existing member like any other; accepting lands them in the workspace with their role unchanged', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const member = await addMember(t, ws, Role.DEVELOPER);
    const stranger = `stranger-${randomUUID()}@example.com`;
    const asMember = (await admin.request(INVITE, { input: { email: member.email, role: 'ADMIN' } })).body;
    const asStranger = (await admin.request(INVITE, { input: { email: stranger, role: 'ADMIN' } })).body;
    expect(asMember.errors).toBeUndefined();
    expect(Object.keys(asMember.data!.inviteMember)).toEqual(Object.keys(asStranger.data!.inviteMember));
    expect(asMember.data!.inviteMember).toMatchObject({ membership: null, invitation: { email: member.email, role: 'ADMIN' } });
    const token = new URL(asMember.data!.inviteMember.inviteUrl).searchParams.get('token')!;
    const client = await GqlClient.signedIn(t, member);
    const { joinWorkspace } = await client.data(JOIN, { input: { token } });
    expect(joinWorkspace.membership).toMatchObject({ role: 'DEVELOPER', workspace: { id: ws.id } });
    const rows = await t.dataSource.query('SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2', [ws.id, member.id]);
    expect(rows).toEqual([{ role: 'DEVELOPER' }]);
    expect((await admin.data(AUDIT)).auditLog.nodes[0]).toMatchObject({ action: 'invitation.accept', details: { email: member.email, role: 'DEVELOPER', alreadyMember: true } });
  });

  it('invites a new person by a one-time link that creates their account', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const email = `new-${randomUUID()}@example.com`;
    const { inviteMember } = await admin.data(INVITE, { input: { email, role: 'DEVELOPER' } });
    expect(inviteMember.invitation).toMatchObject({ email, role: 'DEVELOPER' });
    const token = new URL(inviteMember.inviteUrl).searchParams.get('token')!;
    const invitee = new GqlClient(t);
    expect(await invitee.error(ACCEPT, { input: { token, name: 'Dev', password: 'short' } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const { acceptInvitation } = await invitee.data(ACCEPT, { input: { token, name: 'Dev', password: 'a-long-enough-password' } });
    expect(acceptInvitation).toEqual({ user: { email }, workspace: { id: ws.id } });
    expect((await invitee.data('query { viewer { role } }')).viewer.role).toBe('DEVELOPER');
    expect(await new GqlClient(t).error(ACCEPT, { input: { token, name: 'Again', password: 'a-long-enough-password' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVITATION_INVALID',
    });
  });

  it('never leaves a workspace without an admin, even under concurrent demotions', async () => {
    const ws = await createWorkspace(t);
    const second = await addMember(t, ws, Role.ADMIN);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const adminMembership = await membershipOf(admin, ws.admin.email);
    const secondMembership = await membershipOf(admin, second.email);
    const results = await Promise.all([
      admin.request(CHANGE_ROLE, { input: { membershipId: adminMembership.id, role: 'VIEWER' } }),
      admin.request(CHANGE_ROLE, { input: { membershipId: secondMembership.id, role: 'VIEWER' } }),
    ]);
    const failures = results.filter((r) => r.body.errors);
    expect(failures).toHaveLength(1);
    expect(failures[0].body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
    const [{ admins }] = await t.dataSource.query(`SELECT count(*)::int AS admins FROM memberships WHERE workspace_id = $1 AND role = 'ADMIN'`, [ws.id]);
    expect(admins).toBe(1);
  });

  it('removes a member', async () => {
    const ws = await createWorkspace(t);
    const member = await addMember(t, ws, Role.VIEWER);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const membership = await membershipOf(admin, member.email);
    expect((await admin.data(REMOVE, { input: { membershipId: membership.id } })).removeMember.removedMembershipId).toBe(membership.id);
    expect((await admin.data(MEMBERS)).members.totalCount).toBe(1);
    const self = await membershipOf(admin, ws.admin.email);
    expect(await admin.error(REMOVE, { input: { membershipId: self.id } })).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
  });

  it('creates a new workspace with the creator as admin', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const { createWorkspace: created } = await admin.data(`mutation { createWorkspace(input: { name: "  Acme Retail " }) { workspace { id name slug } membership { role } } }`);
    expect(created).toMatchObject({ workspace: { name: 'Acme Retail' }, membership: { role: 'ADMIN' } });
    expect(created.workspace.slug).toMatch(/^acme-retail/);
    const { viewer } = await admin.data('query { viewer { memberships { role workspace { id } } } }');
    expect(viewer.memberships.map((m: { workspace: { id: string } }) => m.workspace.id)).toEqual([ws.id, created.workspace.id]);
    expect((await admin.error(`mutation { createWorkspace(input: { name: "" }) { workspace { id } } }`)).code).toBe('BAD_USER_INPUT');
  });

  it('pages members with cursors and rejects bad page sizes and cursors', async () => {
    const ws = await createWorkspace(t);
    for (let i = 0; i < 4; i += 1) await addMember(t, ws, Role.VIEWER);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const page = `query($after: String) { members(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { members }: any = await admin.data(page, { after });
      expect(members.totalCount).toBe(5);
      seen.push(...members.nodes.map((n: { id: string }) => n.id));
      if (!members.pageInfo.hasNextPage) break;
      after = members.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(5);
    expect(await admin.error('query { members(first: 0) { totalCount } }')).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PAGE_SIZE' });
    expect(await admin.error('query { members(first: 101) { totalCount } }')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await admin.error('query { members(after: "garbage") { totalCount } }')).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });
});

describe('workspace isolation', () => {
  it('answers NOT_FOUND for every id from another workspace and changes nothing', async () => {
    const mine = await createWorkspace(t, 'Mine');
    const theirs = await createWorkspace(t, 'Theirs');
    const theirMember = await addMember(t, theirs, Role.VIEWER);
    const me = await GqlClient.signedIn(t, mine.admin);
    const them = await GqlClient.signedIn(t, theirs.admin);
    const theirKey = (await them.data(CREATE_KEY, { input: { label: 'theirs', scopes: ['TRIGGERS_READ'] } })).createApiKey.apiKey.id;
    const theirMembership = await membershipOf(them, theirMember.email);
    const before = await t.dataSource.query(
      'SELECT (SELECT json_agg(m ORDER BY m.id) FROM memberships m WHERE workspace_id = $1) AS m, (SELECT json_agg(k ORDER BY k.id) FROM api_keys k WHERE workspace_id = $1) AS k',
      [theirs.id],
    );

    const attempts = [
      [CHANGE_ROLE, { input: { membershipId: theirMembership.id, role: 'ADMIN' } }],
      [REMOVE, { input: { membershipId: theirMembership.id } }],
      [REVOKE_KEY, { input: { id: theirKey } }],
    ] as const;
    for (const [query, variables] of attempts) expect((await me.error(query, variables)).code).toBe('NOT_FOUND');
    // Not an id at all: refused at the edge, before any lookup.
    expect(await me.error(REVOKE_KEY, { input: { id: 'not-even-a-uuid' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    expect((await me.request('query { viewer { role } }', undefined, { 'x-flare-workspace': theirs.id })).body.errors?.[0].extensions.code).toBe('NOT_FOUND');

    const lists = await me.data(`query { members { nodes { user { email } } } apiKeys { totalCount } auditLog { nodes { targetId } } }`);
    expect(lists.members.nodes.map((n: { user: { email: string } }) => n.user.email)).toEqual([mine.admin.email]);
    expect(lists.apiKeys.totalCount).toBe(0);
    expect(JSON.stringify(lists.auditLog)).not.toContain(theirKey);

    const after = await t.dataSource.query(
      'SELECT (SELECT json_agg(m ORDER BY m.id) FROM memberships m WHERE workspace_id = $1) AS m, (SELECT json_agg(k ORDER BY k.id) FROM api_keys k WHERE workspace_id = $1) AS k',
      [theirs.id],
    );
    expect(after).toEqual(before);
  });
});
