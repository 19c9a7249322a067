import type { Tx } from '../db/transaction.js';
import { actorOf, workspaceOf, type Viewer } from '../auth/viewer.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { Topic } from '../graphql/pubsub.js';
import { withResync } from '../graphql/resync.js';
import { forbidden } from '../graphql/errors.js';
import { ApiKeyScope } from '../auth/permissions.js';
import { filter, map } from '@graphql-yoga/subscription';
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

  /**
   * New entries of the viewer's workspace as they are committed; after the event listener was away, the
   * entries written since then that this stream has not delivered.
   */
  watch(viewer: Viewer): AsyncIterable<{ workspaceId: string; entryId: string }> {
    if (!viewer.permissions.has(ApiKeyScope.AUDIT_READ)) throw forbidden(`Missing ${ApiKeyScope.AUDIT_READ}.`, { reason: 'MISSING_PERMISSION', missing: [ApiKeyScope.AUDIT_READ] });
    const workspaceId = workspaceOf(viewer);
    const sent = new Set<string>();
    const remember = (entryId: string) => {
      sent.add(entryId);
      if (sent.size > 1_000) sent.delete(sent.values().next().value!);
      return { workspaceId, entryId };
    };
    const mine = filter((update: { workspaceId: string; entryId: string }) => update.workspaceId === workspaceId)(this.deps.pubsub.subscribe(Topic.AUDIT_APPENDED));
    const live = map((update: { entryId: string }) => remember(update.entryId))(mine);
    return withResync(this.deps.pubsub, live, async (since) => {
      const rows: { id: string }[] = await this.deps.dataSource.query(
        'SELECT id FROM audit_entries WHERE workspace_id = $1 AND created_at >= $2 ORDER BY created_at, id LIMIT 500',
        [workspaceId, since],
      );
      return rows.filter((r) => !sent.has(r.id)).map((r) => remember(r.id));
    });
  }

  /** For the live audit subscription: only entries of the viewer's own workspace. */
  async findForViewer(viewer: Viewer, entryId: string): Promise<AuditEntry | null> {
    return this.deps.dataSource.getRepository(AuditEntry).findOneBy({ id: entryId, workspaceId: workspaceOf(viewer) });
  }
}
