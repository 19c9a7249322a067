import type { Tx } from '../db/transaction.js';
import { actorOf, workspaceOf, type Viewer } from '../auth/viewer.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { Topic } from '../graphql/pubsub.js';
import { currentRequestId } from '../ops/request-context.js';
import type { ServiceDeps } from '../service-deps.js';
import { ActorType, AuditEntry } from './audit-entry.entity.js';
import type { AuditFilter } from './audit.inputs.js';

export type AuditRecord = {
  workspaceId: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
};

/** Appends to the audit log inside the caller's transaction and announces the entry after commit. */
export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async append(tx: Tx, viewer: Viewer | null, record: AuditRecord): Promise<AuditEntry> {
    const actor = viewer ? actorOf(viewer) : { actorType: ActorType.SYSTEM, actorId: null, actorLabel: 'Flare' };
    const entry = await tx.manager.getRepository(AuditEntry).save(
      tx.manager.getRepository(AuditEntry).create({
        ...record,
        actorType: actor.actorType as ActorType,
        actorId: actor.actorId,
        actorLabel: actor.actorLabel,
        details: record.details ?? {},
        requestId: currentRequestId(),
        createdAt: this.deps.clock.now(),
      }),
    );
    tx.afterCommit(() => this.deps.pubsub.publish(Topic.AUDIT_APPENDED, { workspaceId: record.workspaceId, entryId: entry.id }));
    return entry;
  }

  async list(viewer: Viewer, filter: AuditFilter | undefined, page: PageArgs) {
    const qb = this.deps.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('entry.workspaceId = :workspaceId', { workspaceId: workspaceOf(viewer) });
    if (filter?.action) qb.andWhere('entry.action = :action', { action: filter.action });
    if (filter?.targetId) qb.andWhere('entry.targetId = :targetId', { targetId: filter.targetId });
    if (filter?.actorId) qb.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
    return paginate(qb, page, 'DESC');
  }

  /** For the live audit subscription: only entries of the viewer's own workspace. */
  async findForViewer(viewer: Viewer, entryId: string): Promise<AuditEntry | null> {
    return this.deps.dataSource.getRepository(AuditEntry).findOneBy({ id: entryId, workspaceId: workspaceOf(viewer) });
  }
}
