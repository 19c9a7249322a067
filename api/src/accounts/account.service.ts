import { IsNull, type EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { credentialIdOf, requireUser, type Viewer } from '../auth/viewer.js';
import { transact } from '../db/transaction.js';
import { AppError, badInput, conflict, ErrorCode, rateLimited } from '../graphql/errors.js';
import { Topic } from '../graphql/pubsub.js';
import type { RateLimiter } from '../ops/rate-limit.js';
import type { ServiceDeps } from '../service-deps.js';
import { Invitation } from '../workspaces/invitation.entity.js';
import { Membership } from '../workspaces/membership.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { emailProblem, nameProblem, normaliseEmail } from './account.rules.js';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

export type NewSession = { token: string; expiresAt: Date; user: User; workspace: Workspace | null };
type ClientInfo = { ip: string; userAgent: string | null };

const invalidCredentials = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 'Email or password is incorrect.', { reason: 'INVALID_CREDENTIALS' });

/** The user as the actor of an audit entry written before they hold a session viewer. */
const actorFor = (user: User, workspaceId: string): Viewer => ({ kind: 'USER', userId: user.id, email: user.email, sessionId: '', workspaceId, role: null, permissions: new Set() });

export class AccountService {
  /** Slows password guessing per account (attempts); per client address, bad passwords count as failed authentications. */
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
    const decision = await this.attemptsByEmail.take(sha256(email));
    if (!decision.ok) {
      attempt.succeeded();
      throw rateLimited(decision.retryAfterSeconds, 'sign-in attempts');
    }
    const user = await this.deps.dataSource.getRepository(User).findOneBy({ email }).catch((error: unknown) => {
      attempt.succeeded();
      throw error;
    });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
    if (!user || !valid) {
      attempt.failed();
      throw invalidCredentials();
    }
    attempt.succeeded();
    const session = await this.openSession(user, client);
    if (session.workspace) await this.auditSession(user, session.workspace.id, 'session.signIn', client);
    return session;
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
    const user = await transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const invitation = await tx.manager
        .getRepository(Invitation)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.tokenHash = :hash', { hash: sha256(input.token) })
        .getOne();
      if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) {
        throw badInput('This invitation link is invalid, expired or already used. Ask an admin for a new one.', { reason: 'INVITATION_INVALID' });
      }
      const users = tx.manager.getRepository(User);
      let account = await users.findOneBy({ email: invitation.email });
      if (account) {
        if (!(await verifyPassword(account.passwordHash, input.password))) throw invalidCredentials();
      } else {
        const problem = nameProblem(input.name) ?? passwordProblem(input.password);
        if (problem) throw badInput(problem, { reason: 'INVALID_ACCOUNT_DETAILS' });
        account = await users.save(users.create({ email: invitation.email, name: input.name.trim(), passwordHash: await hashPassword(input.password) }));
      }
      const memberships = tx.manager.getRepository(Membership);
      if (await memberships.existsBy({ workspaceId: invitation.workspaceId, userId: account.id })) {
        throw conflict('You are already a member of this workspace.', { reason: 'ALREADY_MEMBER' });
      }
      const membership = await memberships.save(memberships.create({ workspaceId: invitation.workspaceId, userId: account.id, role: invitation.role }));
      await tx.manager.getRepository(Invitation).update(invitation.id, { acceptedAt: now });
      await this.audit.append(tx, actorFor(account, invitation.workspaceId), {
        workspaceId: invitation.workspaceId,
        action: 'invitation.accept',
        targetType: 'Membership',
        targetId: membership.id,
        details: { email: account.email, role: invitation.role },
      });
      return account;
    });
    return this.openSession(user, client);
  }

  async createUser(input: { email: string; name: string; password: string }, manager: EntityManager = this.deps.dataSource.manager): Promise<User> {
    const problem = emailProblem(input.email) ?? nameProblem(input.name) ?? passwordProblem(input.password);
    if (problem) throw badInput(problem);
    const users = manager.getRepository(User);
    return users.save(users.create({ email: normaliseEmail(input.email), name: input.name.trim(), passwordHash: await hashPassword(input.password) }));
  }

  private async openSession(user: User, client: ClientInfo): Promise<NewSession> {
    const token = randomToken(32);
    const expiresAt = new Date(this.deps.clock.now().getTime() + this.deps.config.sessionTtlHours * 3_600_000);
    const sessions = this.deps.dataSource.getRepository(Session);
    await sessions.save(sessions.create({ userId: user.id, tokenHash: sha256(token), expiresAt, userAgent: client.userAgent?.slice(0, 300) ?? null, revokedAt: null }));
    const first = await this.deps.dataSource.getRepository(Membership).findOne({ where: { userId: user.id }, order: { createdAt: 'ASC', id: 'ASC' }, relations: { workspace: true } });
    return { token, expiresAt, user, workspace: first?.workspace ?? null };
  }
}
