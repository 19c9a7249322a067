import { In, IsNull } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { Role } from '../auth/permissions.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { requireUser, workspaceOf, type Viewer } from '../auth/viewer.js';
import { transact, type Tx } from '../db/transaction.js';
import { assertId, badInput, forbidden, notFound, rateLimited } from '../graphql/errors.js';
import { Topic } from '../graphql/pubsub.js';
import type { RateLimiter } from '../ops/rate-limit.js';
import type { ServiceDeps } from '../service-deps.js';
import { Membership } from '../workspaces/membership.entity.js';
import { linkEmail, type AccountMail } from './account-mail.js';
import { emailProblem, normaliseEmail } from './account.rules.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { PASSWORD_RESET_TTL_MS, resetLinkMessage, resetLinkState, type ResetLinkState } from './password-reset.rules.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import { auditForUser, userActor } from './user-audit.js';
import { User } from './user.entity.js';

type ClientInfo = { ip: string; userAgent: string | null };

const invalidPassword = (problem: string, field: string) => badInput(problem, { reason: 'INVALID_PASSWORD', field });

/**
 * Password change (signed in), reset by email (public, answers alike for every address) and reset links an
 * admin issues from Members. Every way ends the user's other sessions and is audited in their workspaces.
 */
export class PasswordService {
  /** Reset emails per address and per client address: enough for a typo and a retry, not for mail bombing. */
  private readonly resetsByEmail: RateLimiter;
  private readonly resetsByAddress: RateLimiter;
  /** Reset requests being handled after their answer went out (so timing does not tell known from unknown addresses). */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly mail: AccountMail,
  ) {
    this.resetsByEmail = deps.rateLimits.limiter({ name: 'password-reset-email', limit: 3, periodMs: 60 * 60_000 });
    this.resetsByAddress = deps.rateLimits.limiter({ name: 'password-reset-address', limit: 10, periodMs: 60 * 60_000 });
  }

  /** The signed-in user's new password; the current one is required. This session stays, every other one and every open reset link ends. */
  async change(viewer: Viewer, input: { currentPassword: string; newPassword: string }, client: ClientInfo): Promise<number> {
    const me = requireUser(viewer);
    const problem = passwordProblem(input.newPassword);
    if (problem) throw invalidPassword(problem, 'newPassword');
    // A wrong current password is a failed authentication from this address, as on sign-in.
    const attempt = await this.deps.authFailures.begin(client.ip, `${me.userId}\n${input.currentPassword}`);
    const user = await this.deps.dataSource.getRepository(User).findOneByOrFail({ id: me.userId });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      attempt.failed();
      throw badInput('Your current password is not correct.', { reason: 'WRONG_PASSWORD', field: 'currentPassword' });
    }
    attempt.succeeded();
    if (input.newPassword === input.currentPassword) throw badInput('Choose a password different from the current one.', { reason: 'SAME_PASSWORD', field: 'newPassword' });
    const passwordHash = await hashPassword(input.newPassword);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      await tx.manager.getRepository(User).update(user.id, { passwordHash });
      // A reset link asked for before the change would undo it: open links stop working.
      await tx.manager.getRepository(PasswordResetToken).update({ userId: user.id, usedAt: IsNull() }, { usedAt: this.deps.clock.now() });
      const ended = await this.endSessions(tx, user.id, me.sessionId);
      await auditForUser(tx, this.audit, user.id, (ws) => ({ ...me, workspaceId: ws }), {
        action: 'user.passwordChange',
        details: { email: user.email, ip: client.ip, signedOutSessions: ended },
      });
      return ended;
    });
  }

  /**
   * Always the same answer, at once: whether the address has an account is decided (and the email sent) after the
   * answer, so neither the answer nor its timing tells. The limits count every request, known address or not.
   */
  async requestReset(input: { email: string }, client: ClientInfo): Promise<void> {
    const invalid = emailProblem(input.email);
    if (invalid) throw badInput(invalid, { reason: 'INVALID_EMAIL', field: 'email' });
    const email = normaliseEmail(input.email);
    for (const [limiter, key] of [
      [this.resetsByAddress, sha256(client.ip)],
      [this.resetsByEmail, sha256(email)],
    ] as const) {
      const decision = await limiter.take(key);
      if (!decision.ok) throw rateLimited(decision.retryAfterSeconds, 'password reset requests');
    }
    const work = this.sendReset(email, client)
      .catch((error: unknown) => this.deps.logger.error('password reset email failed', { error }))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Resolves once the reset requests answered so far have been handled (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async sendReset(email: string, client: ClientInfo): Promise<void> {
    const user = await this.deps.dataSource.getRepository(User).findOneBy({ email });
    if (!user) {
      // Nothing to send and no workspace to audit in; the log keeps the address the request came from.
      this.deps.logger.info('password reset requested for an address without an account', { ip: client.ip });
      return;
    }
    const { url } = await transact(this.deps.dataSource, this.deps.logger, (tx) => this.issue(tx, user.id, null));
    const sent = await this.mail.toUser(
      user.id,
      linkEmail(
        user.email,
        'Reset your Flare password',
        [
          `Someone (hopefully you) asked to reset the password of the Flare account ${user.email}.`,
          'The link works once, for one hour. If you did not ask, ignore this email: your password stays as it is.',
        ],
        { label: 'Choose a new password', url },
      ),
    );
    await transact(this.deps.dataSource, this.deps.logger, (tx) =>
      auditForUser(tx, this.audit, user.id, null, {
        action: 'user.passwordResetRequest',
        details: { email: user.email, ip: client.ip, via: 'EMAIL', emailSent: sent.sent, ...(sent.sent ? { sentThroughWorkspaceId: sent.workspaceId } : { reason: sent.reason }) },
      }),
    );
  }

  private async issue(tx: Tx, userId: string, issuedByUserId: string | null): Promise<{ url: string; expiresAt: Date }> {
    const token = randomToken(32);
    const expiresAt = new Date(this.deps.clock.now().getTime() + PASSWORD_RESET_TTL_MS);
    const links = tx.manager.getRepository(PasswordResetToken);
    await links.save(links.create({ userId, tokenHash: sha256(token), issuedByUserId, expiresAt, usedAt: null }));
    return { url: `${this.deps.config.publicUrl}/reset-password?token=${token}`, expiresAt };
  }

  /** For the reset page: whether the link still works, and for whom. */
  async linkState(token: string): Promise<{ state: ResetLinkState; email: string | null }> {
    const link = token ? await this.deps.dataSource.getRepository(PasswordResetToken).findOne({ where: { tokenHash: sha256(token) }, relations: { user: true } }) : null;
    const state = resetLinkState(link, this.deps.clock.now());
    return { state, email: state === 'VALID' ? link!.user!.email : null };
  }

  /** Sets the new password from a reset link: the link and every other open one of the user stop working, all sessions end. */
  async reset(input: { token: string; newPassword: string }, client: ClientInfo): Promise<string> {
    const problem = passwordProblem(input.newPassword);
    if (problem) throw invalidPassword(problem, 'newPassword');
    // Unknown links count as failed authentications from the address, so links cannot be guessed at speed.
    const attempt = await this.deps.authFailures.begin(client.ip, input.token);
    let unknown = false;
    const passwordHash = await hashPassword(input.newPassword);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const links = tx.manager.getRepository(PasswordResetToken);
      const link = await links
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: sha256(input.token) })
        .getOne();
      const now = this.deps.clock.now();
      const state = resetLinkState(link, now);
      if (state !== 'VALID') {
        unknown = state === 'UNKNOWN';
        throw badInput(resetLinkMessage(state), { reason: `RESET_LINK_${state}` });
      }
      const user = await tx.manager.getRepository(User).findOneByOrFail({ id: link!.userId });
      await tx.manager.getRepository(User).update(user.id, { passwordHash });
      await links.update({ userId: user.id, usedAt: IsNull() }, { usedAt: now });
      const ended = await this.endSessions(tx, user.id, null);
      await auditForUser(tx, this.audit, user.id, (ws) => userActor(user, ws), {
        action: 'user.passwordReset',
        details: { email: user.email, ip: client.ip, via: link!.issuedByUserId ? 'ADMIN_LINK' : 'EMAIL', signedOutSessions: ended },
      });
      return user.email;
    }).finally(() => (unknown ? attempt.failed() : attempt.succeeded()));
  }

  /**
   * A reset link for a member, shown once to the admin (for when no email channel delivers). Only for someone whose
   * every workspace has the admin as an admin too: an admin of one workspace must not take over an account that
   * holds rights elsewhere.
   */
  async issueForMember(viewer: Viewer, input: { membershipId: string }): Promise<{ url: string; expiresAt: Date }> {
    const workspaceId = workspaceOf(viewer);
    const admin = requireUser(viewer);
    assertId('Membership', input.membershipId);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const memberships = tx.manager.getRepository(Membership);
      const member = await memberships.findOneBy({ id: input.membershipId, workspaceId });
      if (!member) throw notFound('Membership', input.membershipId);
      if (member.userId === admin.userId) throw badInput('Change your own password on the Account page.', { reason: 'OWN_ACCOUNT' });
      const elsewhere = await memberships.find({ where: { userId: member.userId } });
      const otherWorkspaces = elsewhere.map((m) => m.workspaceId).filter((id) => id !== workspaceId);
      const adminOf = otherWorkspaces.length ? await memberships.findBy({ userId: admin.userId, workspaceId: In(otherWorkspaces), role: Role.ADMIN }) : [];
      if (adminOf.length < otherWorkspaces.length) {
        throw forbidden('This person also belongs to workspaces you do not administer; they can reset their password from the sign-in page.', {
          reason: 'MEMBER_OF_OTHER_WORKSPACES',
        });
      }
      const user = await tx.manager.getRepository(User).findOneByOrFail({ id: member.userId });
      const link = await this.issue(tx, user.id, admin.userId);
      await this.audit.append(tx, viewer, {
        workspaceId,
        action: 'user.passwordResetRequest',
        targetType: 'User',
        targetId: user.id,
        details: { email: user.email, via: 'ADMIN_LINK', expiresAt: link.expiresAt.toISOString() },
      });
      return link;
    });
  }

  /** Revokes the user's sessions except `keep`; their open WebSockets close after commit. Returns how many ended. */
  private async endSessions(tx: Tx, userId: string, keep: string | null): Promise<number> {
    const rows: [{ id: string }[], number] = await tx.manager.query(
      `UPDATE sessions SET revoked_at = $3 WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid) RETURNING id`,
      [userId, keep, this.deps.clock.now()],
    );
    const ids = rows[0].map((r) => r.id);
    tx.afterCommit(() => {
      for (const id of ids) this.deps.pubsub.publish(Topic.CREDENTIAL_REVOKED, { credentialId: `session:${id}` });
    });
    return ids.length;
  }
}
