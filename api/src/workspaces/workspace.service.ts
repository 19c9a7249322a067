import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { nameProblem, slugify } from '../accounts/account.rules.js';
import { permissionsForRole, Role } from '../auth/permissions.js';
import { requireUser, workspaceOf, type Viewer } from '../auth/viewer.js';
import { transact, type Tx } from '../db/transaction.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { assertId, badInput, conflict, notFound } from '../graphql/errors.js';
import { Topic } from '../graphql/pubsub.js';
import type { ServiceDeps } from '../service-deps.js';
import { Membership } from './membership.entity.js';
import { Workspace } from './workspace.entity.js';
import { lastAdminProblem } from './workspace.rules.js';

export class WorkspaceService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly onWorkspaceCreated: (manager: EntityManager, workspaceId: string) => Promise<unknown>,
  ) {}

  current(viewer: Viewer): Promise<Workspace | null> {
    return viewer.workspaceId ? this.deps.dataSource.getRepository(Workspace).findOneBy({ id: viewer.workspaceId }) : Promise.resolve(null);
  }

  /** Workspaces the signed-in user belongs to (for the switcher); an API key sees only its own. */
  async membershipsOf(viewer: Viewer): Promise<Membership[]> {
    if (viewer.kind !== 'USER') return [];
    return this.deps.dataSource.getRepository(Membership).find({ where: { userId: viewer.userId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async create(viewer: Viewer, input: { name: string }): Promise<{ workspace: Workspace; membership: Membership }> {
    const user = requireUser(viewer);
    const problem = nameProblem(input.name, 'Workspace name');
    if (problem) throw badInput(problem, { field: 'name' });
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const created = await this.insertWorkspace(tx, input.name.trim(), user.userId);
      const asAdmin: Viewer = { ...user, workspaceId: created.workspace.id, role: Role.ADMIN, permissions: permissionsForRole(Role.ADMIN) };
      await this.audit.append(tx, asAdmin, {
        workspaceId: created.workspace.id,
        action: 'workspace.create',
        targetType: 'Workspace',
        targetId: created.workspace.id,
        details: { name: created.workspace.name },
      });
      return created;
    });
  }

  /** Also used by the demo seed. Picks a free slug by suffixing. */
  async insertWorkspace(tx: Tx, name: string, adminUserId: string) {
    const workspaces = tx.manager.getRepository(Workspace);
    const base = slugify(name);
    let slug = base;
    for (let n = 2; await workspaces.existsBy({ slug }); n += 1) slug = `${base}-${n}`;
    const workspace = await workspaces.save(workspaces.create({ name, slug }));
    const memberships = tx.manager.getRepository(Membership);
    const membership = await memberships.save(memberships.create({ workspaceId: workspace.id, userId: adminUserId, role: Role.ADMIN }));
    await this.onWorkspaceCreated(tx.manager, workspace.id);
    return { workspace, membership };
  }

  members(viewer: Viewer, page: PageArgs) {
    const qb = this.deps.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .where('m.workspaceId = :ws', { ws: workspaceOf(viewer) });
    return paginate(qb, page, 'ASC');
  }

  async changeRole(viewer: Viewer, input: { membershipId: string; role: Role }): Promise<Membership> {
    return this.withAdminGuard(viewer, input.membershipId, input.role, async (tx, membership) => {
      const from = membership.role;
      membership.role = input.role;
      await tx.manager.getRepository(Membership).save(membership);
      this.announceMembershipChange(tx, membership);
      await this.audit.append(tx, viewer, {
        workspaceId: membership.workspaceId,
        action: 'member.roleChange',
        targetType: 'Membership',
        targetId: membership.id,
        details: { from, to: input.role },
      });
      return membership;
    });
  }

  async remove(viewer: Viewer, input: { membershipId: string }): Promise<string> {
    return this.withAdminGuard(viewer, input.membershipId, 'REMOVED', async (tx, membership) => {
      await tx.manager.getRepository(Membership).delete(membership.id);
      this.announceMembershipChange(tx, membership);
      await this.audit.append(tx, viewer, {
        workspaceId: membership.workspaceId,
        action: 'member.remove',
        targetType: 'Membership',
        targetId: membership.id,
        details: { userId: membership.userId, role: membership.role },
      });
      return membership.id;
    });
  }

  /** After commit, every API process re-authenticates the member's open WebSockets (downgrades or closes them). */
  private announceMembershipChange(tx: Tx, membership: Membership) {
    const { workspaceId, userId } = membership;
    tx.afterCommit(() => this.deps.pubsub.publish(Topic.MEMBERSHIP_CHANGED, { workspaceId, userId }));
  }

  /** Locks the workspace's admin rows so two concurrent demotions cannot leave it without an admin. */
  private withAdminGuard<T>(viewer: Viewer, membershipId: string, next: Role | 'REMOVED', change: (tx: Tx, m: Membership) => Promise<T>): Promise<T> {
    const workspaceId = workspaceOf(viewer);
    assertId('Membership', membershipId);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const repo = tx.manager.getRepository(Membership);
      const admins = await repo
        .createQueryBuilder('m')
        .setLock('pessimistic_write')
        .where('m.workspaceId = :workspaceId AND m.role = :admin', { workspaceId, admin: Role.ADMIN })
        .getMany();
      const membership = await repo.findOneBy({ id: membershipId, workspaceId });
      if (!membership) throw notFound('Membership', membershipId);
      const problem = lastAdminProblem(membership.role, next, admins.length);
      if (problem) throw conflict('A workspace needs at least one admin. Make someone else admin first.', { reason: problem });
      return change(tx, membership);
    });
  }
}
