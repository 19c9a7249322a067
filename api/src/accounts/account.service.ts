import { IsNull, type EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { credentialIdOf, requireUser, type Viewer } from '../auth/viewer.js';
import { transact, type Tx } from '../db/transaction.js';
import { AppError, badInput, ErrorCode, forbidden, rateLimited } from '../graphql/errors.js';
import { Topic } from '../graphql/pubsub.js';
import type { RateLimiter } from '../ops/rate-limit.js';
import type { ServiceDeps } from '../service-deps.js';
import { Invitation } from '../workspaces/invitation.entity.js';
import { Membership } from '../workspaces/membership.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { invitationState } from '../workspaces/workspace.rules.js';
import { auditForUser } from './user-audit.js';
import { emailProblem, nameProblem, normaliseEmail } from './account.rules.js';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

export type NewSession = { token: string; expiresAt: Date; user: User; workspace: Workspace | null };
type ClientInfo = { ip: string; userAgent: string | null };

const invalidCredentials = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Email or password is incorrect.', { reason: 'INVALID_CREDENTIALS' });

/** The user as the actor of an audit entry written before they hold a session viewer. */
const actorFor = (user: User, workspaceId: string): Viewer => ({
  kind: 'USER',
  userId: user.id,
  email: user.email,
  sessionId: '',
  workspaceId,
  role: null,
  permissions: new Set(),
});

export class AccountService {
  /**
   * Slows password guessing per account: every attempt is counted before the password is checked (so concurrent
   * guesses respect the limit, and once it is used up even the right password waits) and taken back when the
   * password was right, so signing in often never locks anyone out. Per client address, bad passwords count as
   * failed authentications.
   */
  private readonly attemptsByEmail: RateLimiter;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
  ) {
    this.attemptsByEmail = deps.rateLimits.limiter({ name: 'sign-in-email', limit: 10, periodMs: 10 * 60_000 });
  }

  async signIn(input: { email: string; password: string }, client: ClientInfo): Promise<NewSession> {
    const email = normaliseEmail(input.email);
    const attempt = await this.deps.authFailures.begin(client.ip, `${email}\n${input.password}`);
    // Keyed by a hash: the shared counts live in a database table, addresses need not.
    const perAccount = await this.attemptsByEmail.reserve(sha256(email));
    if (!perAccount.ok) {
      attempt.succeeded();
      throw rateLimited(perAccount.retryAfterSeconds, 'sign-in attempts');
    }
    const user = await this.deps.dataSource
      .getRepository(User)
      .findOneBy({ email })
      .catch((error: unknown) => {
        attempt.succeeded();
        perAccount.release();
        throw error;
      });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
    if (!user || !valid) {
      attempt.failed();
      await this.recordFailedSignIn(email, user, client);
      throw invalidCredentials();
    }
    attempt.succeeded();
    perAccount.release();
    const session = await this.openSession(user, client);
    if (session.workspace) await this.auditSession(user, session.workspace.id, 'session.signIn', client);
    return session;
  }

  /**
   * A wrong password goes into the audit log of each workspace of the account (actor SYSTEM: nobody proved who
   * they are). An unknown address has no workspace to record it in; the server log keeps the client address and
   * the reason, without the typed address (people paste passwords into the email field).
   */
  private async recordFailedSignIn(email: string, user: User | null, client: ClientInfo): Promise<void> {
    if (!user) {
      this.deps.logger.info('sign-in failed', { reason: 'UNKNOWN_USER', ip: client.ip });
      return;
    }
    await transact(this.deps.dataSource, this.deps.logger, (tx) =>
      auditForUser(tx, this.audit, user.id, null, { action: 'user.signInFailed', details: { email, ip: client.ip, userAgent: client.userAgent, reason: 'WRONG_PASSWORD' } }),
    ).catch((error: unknown) => this.deps.logger.error('could not audit a failed sign-in', { error }));
  }

  async signOut(viewer: Viewer): Promise<void> {
    const user = requireUser(viewer);
    await this.deps.dataSource.getRepository(Session).update({ id: user.sessionId, revokedAt: IsNull() }, { revokedAt: this.deps.clock.now() });
    this.deps.pubsub.publish(Topic.CREDENTIAL_REVOKED, { credentialId: credentialIdOf(viewer) });
    if (user.workspaceId) {
      await transact(this.deps.dataSource, this.deps.logger, (tx) =>
        this.audit.append(tx, viewer, { workspaceId: user.workspaceId!, action: 'session.signOut', targetType: 'Session', targetId: user.sessionId }),
      );
    }
  }

  private auditSession(user: User, workspaceId: string, action: string, client: ClientInfo) {
    return transact(this.deps.dataSource, this.deps.logger, (tx) =>
      this.audit.append(tx, actorFor(user, workspaceId), { workspaceId, action, targetType: 'User', targetId: user.id, details: { ip: client.ip, userAgent: client.userAgent } }),
    );
  }

  /** Joins the invited workspace: creates the account, or checks the existing account's password. */
  async acceptInvitation(input: { token: string; name: string; password: string }, client: ClientInfo): Promise<NewSession> {
    const now = this.deps.clock.now();
    // An existing account's password is checked here as on sign-in, so it is limited alike (per address and per account).
    const attempt = await this.deps.authFailures.begin(client.ip, `${input.token}\n${input.password}`);
    let wrongPassword = false;
    const { user, workspaceId } = await transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const invitation = await this.openInvitation(tx, input.token, now);
      const users = tx.manager.getRepository(User);
      let account = await users.findOneBy({ email: invitation.email });
      if (account) {
        const perAccount = await this.attemptsByEmail.reserve(sha256(account.email));
        if (!perAccount.ok) throw rateLimited(perAccount.retryAfterSeconds, 'sign-in attempts');
        wrongPassword = !(await verifyPassword(account.passwordHash, input.password));
        if (wrongPassword) throw invalidCredentials();
        perAccount.release();
      } else {
        const problem = nameProblem(input.name) ?? passwordProblem(input.password);
        if (problem) throw badInput(problem, { reason: 'INVALID_ACCOUNT_DETAILS' });
        account = await users.save(users.create({ email: invitation.email, name: input.name.trim(), passwordHash: await hashPassword(input.password) }));
      }
      await this.claim(tx, invitation, account, now);
      return { user: account, workspaceId: invitation.workspaceId };
    }).finally(() => (wrongPassword ? attempt.failed() : attempt.succeeded()));
    return this.openSession(user, client, workspaceId);
  }

  /** A signed-in user accepts an invitation addressed to their own email, without typing their password again. */
  async joinWorkspace(viewer: Viewer, input: { token: string }): Promise<Membership> {
    const user = requireUser(viewer);
    const now = this.deps.clock.now();
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const invitation = await this.openInvitation(tx, input.token, now);
      if (invitation.email !== normaliseEmail(user.email)) {
        throw forbidden('This invitation is for another email address. Sign out, then open the link again and sign in as the invited person.', {
          reason: 'INVITATION_FOR_ANOTHER_EMAIL',
        });
      }
      const account = await tx.manager.getRepository(User).findOneByOrFail({ id: user.userId });
      return this.claim(tx, invitation, account, now);
    });
  }

  /** Locks the invitation of `token`; unknown, used, revoked and expired links are refused alike. */
  private async openInvitation(tx: Tx, token: string, now: Date): Promise<Invitation> {
    const invitation = await tx.manager
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.tokenHash = :hash', { hash: sha256(token) })
      .getOne();
    const state = invitationState(invitation, now);
    if (state !== 'VALID') {
      throw badInput('This invitation link is invalid, expired, revoked or already used. Ask an admin for a new one.', { reason: 'INVITATION_INVALID', state });
    }
    return invitation!;
  }

  /** Makes the account a member with the invited role; someone who already is one keeps their role and simply lands there. */
  private async claim(tx: Tx, invitation: Invitation, account: User, now: Date): Promise<Membership> {
    const memberships = tx.manager.getRepository(Membership);
    const existing = await memberships.findOneBy({ workspaceId: invitation.workspaceId, userId: account.id });
    const membership = existing ?? (await memberships.save(memberships.create({ workspaceId: invitation.workspaceId, userId: account.id, role: invitation.role })));
    await tx.manager.getRepository(Invitation).update(invitation.id, { acceptedAt: now });
    await this.audit.append(tx, actorFor(account, invitation.workspaceId), {
      workspaceId: invitation.workspaceId,
      action: 'invitation.accept',
      targetType: 'Membership',
      targetId: membership.id,
      details: { email: account.email, role: membership.role, ...(existing ? { alreadyMember: true } : {}) },
    });
    if (!existing) tx.afterCommit(() => this.deps.pubsub.publish(Topic.MEMBERSHIP_CHANGED, { workspaceId: invitation.workspaceId, userId: account.id }));
    return membership;
  }

  async createUser(input: { email: string; name: string; password: string }, manager: EntityManager = this.deps.dataSource.manager): Promise<User> {
    const problem = emailProblem(input.email) ?? nameProblem(input.name) ?? passwordProblem(input.password);
    if (problem) throw badInput(problem);
    const users = manager.getRepository(User);
    return users.save(users.create({ email: normaliseEmail(input.email), name: input.name.trim(), passwordHash: await hashPassword(input.password) }));
  }

  /** Starts in `workspaceId` when given (the workspace just joined), else in the user's first workspace. */
  private async openSession(user: User, client: ClientInfo, workspaceId?: string): Promise<NewSession> {
    const token = randomToken(32);
    const expiresAt = new Date(this.deps.clock.now().getTime() + this.deps.config.sessionTtlHours * 3_600_000);
    const sessions = this.deps.dataSource.getRepository(Session);
    await sessions.save(sessions.create({ userId: user.id, tokenHash: sha256(token), expiresAt, userAgent: client.userAgent?.slice(0, 300) ?? null, revokedAt: null }));
    const first = await this.deps.dataSource
      .getRepository(Membership)
      .findOne({ where: { userId: user.id, ...(workspaceId ? { workspaceId } : {}) }, order: { createdAt: 'ASC', id: 'ASC' }, relations: { workspace: true } });
    return { token, expiresAt, user, workspace: first?.workspace ?? null };
  }
}
