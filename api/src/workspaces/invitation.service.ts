import { IsNull } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { linkEmail, type AccountMail } from '../accounts/account-mail.js';
import { emailProblem, normaliseEmail } from '../accounts/account.rules.js';
import type { Role } from '../auth/permissions.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { transact } from '../db/transaction.js';
import { assertId, badInput, conflict, notFound } from '../graphql/errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { Invitation } from './invitation.entity.js';
import { Workspace } from './workspace.entity.js';
import { INVITATION_TTL_MS, invitationChangeProblem, invitationState, type InvitationState } from './workspace.rules.js';

export type SentInvitation = { invitation: Invitation; inviteUrl: string; emailSent: boolean };

/** Invitations: sent by link (shown once) and by the workspace's email channel; listed, resent and revoked by admins. */
export class InvitationService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly mail: AccountMail,
  ) {}

  /** Open and expired invitations (not accepted, not revoked), newest first. */
  pending(viewer: Viewer): Promise<Invitation[]> {
    return this.deps.dataSource.getRepository(Invitation).find({
      where: { workspaceId: workspaceOf(viewer), acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /**
   * Always an invitation the person accepts, whether or not the email has an account or is already a member:
   * the answer is the same in every case, so inviting reveals nothing about who uses Flare.
   */
  async invite(viewer: Viewer, input: { email: string; role: Role }): Promise<SentInvitation> {
    const workspaceId = workspaceOf(viewer);
    const invalid = emailProblem(input.email);
    if (invalid) throw badInput(invalid, { field: 'email' });
    const email = normaliseEmail(input.email);
    const token = randomToken(32);
    const invitation = await transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const invitations = tx.manager.getRepository(Invitation);
      const saved = await invitations.save(
        invitations.create({
          workspaceId,
          email,
          role: input.role,
          tokenHash: sha256(token),
          invitedByUserId: viewer.kind === 'USER' ? viewer.userId : null,
          expiresAt: new Date(this.deps.clock.now().getTime() + INVITATION_TTL_MS),
          acceptedAt: null,
          revokedAt: null,
        }),
      );
      await this.audit.append(tx, viewer, { workspaceId, action: 'member.invite', targetType: 'Invitation', targetId: saved.id, details: { email, role: input.role } });
      return saved;
    });
    return this.send(invitation, token);
  }

  /** A new link (the previous one stops working), valid for another 7 days from now, sent again. */
  async resend(viewer: Viewer, input: { invitationId: string }): Promise<SentInvitation> {
    const token = randomToken(32);
    const invitation = await this.change(viewer, input.invitationId, 'invitation.resend', (i) => {
      i.tokenHash = sha256(token);
      i.expiresAt = new Date(this.deps.clock.now().getTime() + INVITATION_TTL_MS);
      return { expiresAt: i.expiresAt.toISOString() };
    });
    return this.send(invitation, token);
  }

  /** The link stops working at once. */
  revoke(viewer: Viewer, input: { invitationId: string }): Promise<Invitation> {
    return this.change(viewer, input.invitationId, 'invitation.revoke', (i) => {
      i.revokedAt = this.deps.clock.now();
      return {};
    });
  }

  /** For the invitation page: whether the link can be accepted, and if so to which workspace. */
  async state(token: string): Promise<{ state: InvitationState; invitation: Invitation | null; workspace: Workspace | null }> {
    const invitation = token ? await this.deps.dataSource.getRepository(Invitation).findOne({ where: { tokenHash: sha256(token) }, relations: { workspace: true } }) : null;
    const state = invitationState(invitation, this.deps.clock.now());
    return state === 'VALID' ? { state, invitation, workspace: invitation!.workspace ?? null } : { state, invitation: null, workspace: null };
  }

  private async change(viewer: Viewer, invitationId: string, action: string, apply: (i: Invitation) => Record<string, unknown>): Promise<Invitation> {
    const workspaceId = workspaceOf(viewer);
    assertId('Invitation', invitationId);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const invitations = tx.manager.getRepository(Invitation);
      const invitation = await invitations
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.id = :id AND i.workspaceId = :workspaceId', { id: invitationId, workspaceId })
        .getOne();
      if (!invitation) throw notFound('Invitation', invitationId);
      const problem = invitationChangeProblem(invitationState(invitation, this.deps.clock.now()));
      if (problem) throw conflict(problem === 'INVITATION_ACCEPTED' ? 'This invitation was already accepted.' : 'This invitation was revoked.', { reason: problem });
      const details = apply(invitation);
      await invitations.save(invitation);
      await this.audit.append(tx, viewer, {
        workspaceId,
        action,
        targetType: 'Invitation',
        targetId: invitation.id,
        details: { email: invitation.email, role: invitation.role, ...details },
      });
      return invitation;
    });
  }

  /** Emails the link through the workspace's email channel (SMTP, or the Flare inbox); the link is shown to the admin either way. */
  private async send(invitation: Invitation, token: string): Promise<SentInvitation> {
    const inviteUrl = `${this.deps.config.publicUrl}/accept-invitation?token=${token}`;
    const workspace = await this.deps.dataSource.getRepository(Workspace).findOneByOrFail({ id: invitation.workspaceId });
    const email = linkEmail(
      invitation.email,
      `You are invited to ${workspace.name} on Flare`,
      [
        `You are invited to join the Flare workspace “${workspace.name}” with the role ${invitation.role.toLowerCase()}.`,
        `Accept with your Flare account or create one. The link works once, until ${invitation.expiresAt.toUTCString()}.`,
      ],
      { label: 'Accept the invitation', url: inviteUrl },
    );
    const sent = await this.mail.toWorkspace(invitation.workspaceId, email).catch((error: unknown) => {
      this.deps.logger.warn('invitation email failed', { error, invitationId: invitation.id });
      return { sent: false as const, reason: 'ERROR' };
    });
    return { invitation, inviteUrl, emailSent: sent.sent };
  }
}
