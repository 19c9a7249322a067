import type { Tx } from '../db/transaction.js';
import { actorOf, workspaceOf, type Viewer } from '../auth/viewer.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { Topic } from '../graphql/pubsub.js';
import { withResync } from '../graphql/resync.js';
import { badInput, forbidden } from '../graphql/errors.js';
import { ApiKeyScope } from '../auth/permissions.js';
import { filter, map } from '@graphql-yoga/subscription';
import { currentRequestId } from '../ops/request-context.js';
import type { ServiceDeps } from '../service-deps.js';
import { ActorType, AuditEntry, TARGET_NAME_KEY } from './audit-entry.entity.js';
import { AUDIT_CSV_MAX_ROWS, auditCsv } from './audit.csv.js';
import type { AuditAction, AuditFilter } from './audit.inputs.js';
import { targetNameAt } from './audit.names.js';
import type { SelectQueryBuilder } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AuditRecord = {
  workspaceId: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
  /** The object's readable name; looked up from the object itself (inside the transaction) when not given. */
  targetName?: string | null;
};

/** Appends to the audit log inside the caller's transaction and announces the entry after commit. */
export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async append(tx: Tx, viewer: Viewer | null, record: AuditRecord): Promise<AuditEntry> {
    const actor = viewer ? actorOf(viewer) : { actorType: ActorType.SYSTEM, actorId: null, actorLabel: 'Flare' };
    const { targetName: given, ...fields } = record;
    const details = record.details ?? {};
    // The name as it is now, kept with the entry: renaming or deleting the object later does not rewrite history.
    const targetName = given ?? (await targetNameAt(tx.manager, record.workspaceId, record.targetType, record.targetId, details));
    const entry = await tx.manager.getRepository(AuditEntry).save(
      tx.manager.getRepository(AuditEntry).create({
        ...fields,
        actorType: actor.actorType as ActorType,
        actorId: actor.actorId,
        actorLabel: actor.actorLabel,
        details: targetName ? { ...details, [TARGET_NAME_KEY]: targetName } : details,
        requestId: currentRequestId(),
        createdAt: this.deps.clock.now(),
      }),
    );
    tx.afterCommit(() => this.deps.pubsub.publish(Topic.AUDIT_APPENDED, { workspaceId: record.workspaceId, entryId: entry.id }));
    return entry;
  }

  async list(viewer: Viewer, filter: AuditFilter | undefined, page: PageArgs) {
    const connection = await paginate(this.filtered(viewer, filter), page, 'DESC');
    await this.withActorNames(connection.nodes);
    return connection;
  }

  /** The actions (and their object kinds) the workspace's log holds, for the log's filters. */
  async actions(viewer: Viewer): Promise<AuditAction[]> {
    return this.deps.dataSource.query('SELECT DISTINCT action, target_type AS "targetType" FROM audit_entries WHERE workspace_id = $1 ORDER BY target_type, action', [
      workspaceOf(viewer),
    ]);
  }

  /** The filtered log as CSV, newest first; refused above AUDIT_CSV_MAX_ROWS entries (export a shorter date range). */
  async exportCsv(viewer: Viewer, filter: AuditFilter | undefined): Promise<string> {
    const qb = this.filtered(viewer, filter);
    const count = await qb.clone().getCount();
    if (count > AUDIT_CSV_MAX_ROWS) {
      throw badInput(
        `The export holds at most ${AUDIT_CSV_MAX_ROWS.toLocaleString('en')} entries; this filter matches ${count.toLocaleString('en')}. Choose a shorter date range.`,
        {
          reason: 'AUDIT_EXPORT_TOO_LARGE',
          limit: AUDIT_CSV_MAX_ROWS,
          count,
        },
      );
    }
    const entries = await qb.orderBy('entry.createdAt', 'DESC').addOrderBy('entry.id', 'DESC').getMany();
    await this.withActorNames(entries);
    return auditCsv(entries);
  }

  private filtered(viewer: Viewer, filter: AuditFilter | undefined): SelectQueryBuilder<AuditEntry> {
    const qb = this.deps.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('entry.workspaceId = :workspaceId', { workspaceId: workspaceOf(viewer) });
    if (filter?.from && filter?.to && filter.from >= filter.to)
      throw badInput('The start of the date range must be before its end.', { reason: 'INVALID_DATE_RANGE', field: 'to' });
    if (filter?.action) qb.andWhere('entry.action = :action', { action: filter.action });
    if (filter?.targetType) qb.andWhere('entry.targetType = :targetType', { targetType: filter.targetType });
    if (filter?.targetId) qb.andWhere('entry.targetId = :targetId', { targetId: filter.targetId });
    if (filter?.actorId) {
      if (!UUID.test(filter.actorId)) throw badInput('`actorId` must be the id of a user or API key.', { reason: 'INVALID_ID', field: 'actorId' });
      qb.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
    }
    if (filter?.from) qb.andWhere('entry.createdAt >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('entry.createdAt < :to', { to: filter.to });
    return qb;
  }

  /** Users' current display names, one statement for a whole page. */
  private async withActorNames(entries: AuditEntry[]): Promise<void> {
    const ids = [...new Set(entries.filter((e) => e.actorType === ActorType.USER && e.actorId).map((e) => e.actorId!))];
    const rows: { id: string; name: string }[] = ids.length ? await this.deps.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[]) AND name <> ''`, [ids]) : [];
    const names = new Map(rows.map((r) => [r.id, r.name]));
    for (const e of entries) e.actorName = (e.actorId && names.get(e.actorId)) || null;
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
    const entry = await this.deps.dataSource.getRepository(AuditEntry).findOneBy({ id: entryId, workspaceId: workspaceOf(viewer) });
    if (entry) await this.withActorNames([entry]);
    return entry;
  }
}
