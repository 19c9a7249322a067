import type { DataSource } from 'typeorm';
import { ApiKeyScope } from '../auth/permissions.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, forbidden } from '../graphql/errors.js';
import type { Journey } from '../journeys/journey.entity.js';
import type { ServiceDeps } from '../service-deps.js';
import { AnalyticsGranularity, type AnalyticsRangeInput, type JourneyAnalytics } from './analytics.objects.js';
import { alignRange, csv, MAX_POINTS, messagesOf, SERIES_METRICS, seriesOf, tilesOf, totalsOf, type StatRow } from './analytics.rules.js';

/** At most this many customers in one export (as Dynamics 365 does). */
export const EXPORT_LIMIT = 50_000;

/** Every rollup of a journey summed over all time: a few hundred rows per day of life, never a scan of its runs. */
export async function journeyStatRows(dataSource: DataSource, journey: Pick<Journey, 'workspaceId' | 'id'>): Promise<StatRow[]> {
  const rows = await dataSource.query<{ step: string | null; metric: string; reason: string; count: number }[]>(
    `SELECT NULL::text AS step, metric, reason, sum(count)::float8 AS count FROM journey_stats_hourly WHERE workspace_id = $1 AND journey_id = $2 GROUP BY metric, reason
     UNION ALL
     SELECT step_id, metric, reason, sum(count)::float8 FROM journey_step_stats_hourly WHERE workspace_id = $1 AND journey_id = $2 GROUP BY step_id, metric, reason`,
    [journey.workspaceId, journey.id],
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** A journey's analytics, read from the rollups the runtime's tables keep (migration JourneyAnalytics). */
export class AnalyticsService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The journey comes from JourneyService.get (access checked, scoped to the viewer's workspace). */
  async journey(journey: Journey, range: AnalyticsRangeInput): Promise<JourneyAnalytics> {
    const r = this.range(range);
    const rows = await journeyStatRows(this.deps.dataSource, journey);
    const series = await this.deps.dataSource.query<{ bucket: Date; metric: string; count: number }[]>(
      `SELECT date_trunc($5, bucket, 'UTC') AS bucket, metric, sum(count)::float8 AS count FROM (
         SELECT bucket, metric, count FROM journey_stats_hourly WHERE workspace_id = $1 AND journey_id = $2 AND bucket >= $3 AND bucket < $4 AND metric = ANY($6)
         UNION ALL
         SELECT bucket, metric, count FROM journey_step_stats_hourly WHERE workspace_id = $1 AND journey_id = $2 AND bucket >= $3 AND bucket < $4 AND metric = ANY($6)) s
        GROUP BY 1, 2`,
      [journey.workspaceId, journey.id, r.from, r.to, range.granularity.toLowerCase(), Object.keys(SERIES_METRICS)],
    );
    const steps = journey.definition.steps;
    // What is waiting in the outbox now (a few rows: the partial index of queued messages).
    const queued = await this.deps.dataSource.query<{ step_id: string; held: number; retrying: number }[]>(
      `SELECT step_id, count(*) FILTER (WHERE reason = 'QUIET_HOURS')::int AS held, count(*) FILTER (WHERE reason LIKE 'RETRY:%')::int AS retrying
         FROM journey_messages WHERE workspace_id = $1 AND journey_id = $2 AND status = 'QUEUED' GROUP BY step_id`,
      [journey.workspaceId, journey.id],
    );
    const now = new Map(queued.map((q) => [q.step_id, q]));
    return {
      journeyId: journey.id,
      totals: totalsOf(rows, journey.definition.goalPercent ?? null),
      tiles: tilesOf(rows, steps),
      messages: messagesOf(rows, steps).map((m) => ({ ...m, held: now.get(m.stepId)?.held ?? 0, retrying: now.get(m.stepId)?.retrying ?? 0 })),
      series: seriesOf(series, r.from, r.to, range.granularity),
    };
  }

  private range(range: AnalyticsRangeInput) {
    const from = new Date(range.from);
    const to = new Date(range.to);
    if (!(from.getTime() < to.getTime())) throw badInput('The range must end after it starts.', { reason: 'RANGE_INVALID', field: 'range' });
    const r = alignRange(from, to, range.granularity);
    if (r.points > MAX_POINTS[range.granularity])
      throw badInput(`At most ${MAX_POINTS[range.granularity]} ${range.granularity === AnalyticsGranularity.HOUR ? 'hours' : 'days'} per series.`, {
        reason: 'RANGE_TOO_LONG',
        field: 'range',
      });
    return r;
  }

  /**
   * The customers at a step now (runs moving or waiting there), oldest entry first, as CSV with formula-like cells
   * defused. Needs customers:read besides journeys:read: it holds their addresses.
   */
  async customersAtStepCsv(viewer: Viewer, journey: Journey, stepId: string): Promise<string> {
    if (!viewer.permissions.has(ApiKeyScope.CUSTOMERS_READ))
      throw forbidden(`Missing ${ApiKeyScope.CUSTOMERS_READ}.`, { reason: 'MISSING_PERMISSION', missing: [ApiKeyScope.CUSTOMERS_READ] });
    if (!journey.definition.steps.some((s) => s.id === stepId)) throw badInput(`The journey has no step “${stepId}”.`, { reason: 'STEP_NOT_FOUND', field: 'stepId' });
    const rows = await this.deps.dataSource.query<Record<string, string | Date | null>[]>(
      `SELECT c.id, c.auth_id, c.email, c.phone, c.first_name, c.last_name, r.id AS run_id, r.status, r.entered_at, r.step_started_at
         FROM journey_runs r JOIN customers c ON c.workspace_id = r.workspace_id AND c.id = r.customer_id
        WHERE r.workspace_id = $1 AND r.journey_id = $2 AND r.step_id = $3 AND r.status IN ('ACTIVE', 'WAITING')
        ORDER BY r.entered_at, r.id LIMIT $4`,
      [journey.workspaceId, journey.id, stepId, EXPORT_LIMIT],
    );
    const header = ['customerId', 'authId', 'email', 'phone', 'firstName', 'lastName', 'runId', 'status', 'enteredAt', 'atStepSince'];
    return csv(
      header,
      rows.map((r) => [r.id, r.auth_id, r.email, r.phone, r.first_name, r.last_name, r.run_id, r.status, r.entered_at, r.step_started_at]),
    );
  }
}
