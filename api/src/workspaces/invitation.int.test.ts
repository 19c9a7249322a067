import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id email expiresAt } inviteUrl emailSent } }`;
const PENDING = `query { pendingInvitations { id email role expiresAt revokedAt } }`;
const RESEND = `mutation($input: InvitationRefInput!) { resendInvitation(input: $input) { invitation { id expiresAt } inviteUrl emailSent } }`;
const REVOKE = `mutation($input: InvitationRefInput!) { revokeInvitation(input: $input) { invitation { id revokedAt } } }`;
const LINK = `query($token: String!) { invitationLink(token: $token) { state email role workspaceName } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { workspace { id } } }`;

let t: TestServer;
const clock = new FakeClock();
beforeAll(async () => {
  t = await startTestServer({ clock });
});
afterAll(() => t.close());

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
const inbox = (workspaceId: string, to: string): Promise<{ subject: string; text_body: string }[]> =>
  t.dataSource.query('SELECT subject, text_body FROM inbox_messages WHERE workspace_id = $1 AND recipient = $2 ORDER BY received_at', [workspaceId, to]);

describe('invitations', () => {
  it('emails the invitation through the workspace’s email channel (the Flare inbox by default) besides showing the link', async () => {
    const ws = await createWorkspace(t, 'Acme Retail');
    const admin = await GqlClient.signedIn(t, ws.admin);
    const { inviteMember } = await admin.data(INVITE, { input: { email: 'Newbie@Example.com', role: 'MARKETER' } });
    expect(inviteMember.emailSent).toBe(true);
    const mails = await inbox(ws.id, 'newbie@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('You are invited to Acme Retail on Flare');
    expect(mails[0].text_body).toContain(inviteMember.inviteUrl);
    expect((await new GqlClient(t).data(LINK, { token: tokenOf(inviteMember.inviteUrl) })).invitationLink).toEqual({
      state: 'VALID',
      email: 'newbie@example.com',
      role: 'MARKETER',
      workspaceName: 'Acme Retail',
    });
  });

  it('lists pending invitations to admins only; revoking makes the link invalid at once', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const marketer = await GqlClient.signedIn(t, await addMember(t, ws, Role.MARKETER));
    const { inviteMember } = await admin.data(INVITE, { input: { email: 'revoked@example.com', role: 'VIEWER' } });
    const id = inviteMember.invitation.id;
    expect((await admin.data(PENDING)).pendingInvitations.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await marketer.error(PENDING)).code).toBe('FORBIDDEN');
    expect((await marketer.error(REVOKE, { input: { invitationId: id } })).code).toBe('FORBIDDEN');
    expect((await marketer.error(RESEND, { input: { invitationId: id } })).code).toBe('FORBIDDEN');

    const { revokeInvitation } = await admin.data(REVOKE, { input: { invitationId: id } });
    expect(revokeInvitation.invitation.revokedAt).toBeTruthy();
    expect((await admin.data(PENDING)).pendingInvitations).toEqual([]);
    const token = tokenOf(inviteMember.inviteUrl);
    const stranger = new GqlClient(t);
    expect((await stranger.data(LINK, { token })).invitationLink).toEqual({ state: 'REVOKED', email: null, role: null, workspaceName: null });
    expect(await stranger.error(ACCEPT, { input: { token, name: 'Eve', password: 'a-long-enough-password' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVITATION_INVALID',
    });
    expect(await admin.error(REVOKE, { input: { invitationId: id } })).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_REVOKED' });
    expect(await admin.error(RESEND, { input: { invitationId: id } })).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_REVOKED' });
    const audited = await t.dataSource.query(`SELECT action FROM audit_entries WHERE workspace_id = $1 AND target_id = $2 ORDER BY created_at`, [ws.id, id]);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['member.invite', 'invitation.revoke']);
  });

  it('resends with a renewed expiry and a new link (the old one stops working), emailed again; an expired one can be resent', async () => {
    const ws = await createWorkspace(t);
    let admin = await GqlClient.signedIn(t, ws.admin);
    const { inviteMember } = await admin.data(INVITE, { input: { email: 'late@example.com', role: 'DEVELOPER' } });
    const oldToken = tokenOf(inviteMember.inviteUrl);
    clock.advance(8 * 24 * 3_600_000);
    expect((await new GqlClient(t).data(LINK, { token: oldToken })).invitationLink.state).toBe('EXPIRED');
    // The admin's week-long session has ended too.
    admin = await GqlClient.signedIn(t, ws.admin);
    expect((await admin.data(PENDING)).pendingInvitations).toHaveLength(1);

    const { resendInvitation } = await admin.data(RESEND, { input: { invitationId: inviteMember.invitation.id } });
    expect(new Date(resendInvitation.invitation.expiresAt).getTime()).toBe(clock.now().getTime() + 7 * 24 * 3_600_000);
    expect(resendInvitation.emailSent).toBe(true);
    const newToken = tokenOf(resendInvitation.inviteUrl);
    expect(newToken).not.toBe(oldToken);
    const mails = await inbox(ws.id, 'late@example.com');
    expect(mails).toHaveLength(2);
    expect(mails[1].text_body).toContain(resendInvitation.inviteUrl);
    expect((await new GqlClient(t).data(LINK, { token: oldToken })).invitationLink.state).toBe('UNKNOWN');

    const invitee = new GqlClient(t);
    expect((await invitee.data(ACCEPT, { input: { token: newToken, name: 'Late', password: 'a-long-enough-password' } })).acceptInvitation.workspace.id).toBe(ws.id);
    expect((await invitee.data(LINK, { token: newToken })).invitationLink.state).toBe('USED');
    expect(await admin.error(RESEND, { input: { invitationId: inviteMember.invitation.id } })).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_ACCEPTED' });
    expect(await admin.error(REVOKE, { input: { invitationId: inviteMember.invitation.id } })).toMatchObject({ reason: 'INVITATION_ACCEPTED' });
    expect((await admin.data(PENDING)).pendingInvitations).toEqual([]);
  });

  it('keeps each workspace’s invitations to itself', async () => {
    const mine = await createWorkspace(t);
    const theirs = await createWorkspace(t);
    const theirAdmin = await GqlClient.signedIn(t, theirs.admin);
    const { inviteMember } = await theirAdmin.data(INVITE, { input: { email: 'theirs@example.com', role: 'VIEWER' } });
    const myAdmin = await GqlClient.signedIn(t, mine.admin);
    expect((await myAdmin.data(PENDING)).pendingInvitations).toEqual([]);
    expect(await myAdmin.error(REVOKE, { input: { invitationId: inviteMember.invitation.id } })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await new GqlClient(t).data(LINK, { token: tokenOf(inviteMember.inviteUrl) })).invitationLink.state).toBe('VALID');
  });

  it('tells an unknown link from a valid one', async () => {
    expect((await new GqlClient(t).data(LINK, { token: 'not-a-real-token' })).invitationLink.state).toBe('UNKNOWN');
    expect((await new GqlClient(t).data(LINK, { token: '' })).invitationLink.state).toBe('UNKNOWN');
  });
});
