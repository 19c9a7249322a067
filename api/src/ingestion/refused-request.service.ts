import { ApiKeyScope } from '../auth/permissions.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { forbidden } from '../graphql/errors.js';
import type { ServiceDeps } from '../service-deps.js';
import type { TriggerQueryService } from '../triggers/trigger-query.service.js';
import { REFUSAL_LOG_LIMITS } from './refusal-log.js';
import { RefusedRequest } from './refused-request.entity.js';

export type RefusedRequestFilter = { triggerId: string | null; reason: string | null };

/** Reads the workspace's refused-requests log (written by RefusalLog), newest first. */
export class RefusedRequestService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly triggers: TriggerQueryService,
  ) {}

  async list(viewer: Viewer, filter: RefusedRequestFilter, page: PageArgs) {
    if (!viewer.permissions.has(ApiKeyScope.EVENTS_READ)) {
      throw forbidden(`Missing ${ApiKeyScope.EVENTS_READ}.`, { reason: 'MISSING_PERMISSION', missing: [ApiKeyScope.EVENTS_READ] });
    }
    const workspaceId = workspaceOf(viewer);
    const since = new Date(this.deps.clock.now().getTime() - REFUSAL_LOG_LIMITS.keepDays * 86_400_000);
    const qb = this.deps.dataSource.getRepository(RefusedRequest).createQueryBuilder('r').where('r.workspaceId = :workspaceId AND r.receivedAt >= :since', { workspaceId, since });
    if (filter.triggerId) {
      // NOT_FOUND for another workspace's trigger, like every trigger read.
      const trigger = await this.triggers.get(viewer, filter.triggerId);
      qb.andWhere('r.triggerKey = :triggerKey', { triggerKey: trigger.key });
    }
    if (filter.reason) qb.andWhere('r.reason = :reason', { reason: filter.reason });
    const result = await paginate(qb, page, 'DESC', { property: 'receivedAt', value: (r) => r.receivedAt.toISOString(), idKind: 'bigint' });
    // The trigger titles of the page, in one statement whatever the page size.
    const keys = [...new Set(result.nodes.map((r) => r.triggerKey).filter((k): k is string => k !== null))];
    const titles = new Map<string, string>();
    if (keys.length > 0) {
      const rows: { key: string; title: string }[] = await this.deps.dataSource.query('SELECT key, title FROM triggers WHERE workspace_id = $1 AND key = ANY($2)', [
        workspaceId,
        keys,
      ]);
      for (const row of rows) titles.set(row.key, row.title);
    }
    for (const r of result.nodes) r.triggerTitle = r.triggerKey ? (titles.get(r.triggerKey) ?? null) : null;
    return result;
  }
}
