import { ApiKeyScope } from '../auth/permissions.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { poolOf } from '../db/data-source.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { assertId, badInput, forbidden, notFound } from '../graphql/errors.js';
import type { Journey } from '../journeys/journey.entity.js';
import { interactionChannel } from '../journeys/journey.rules.js';
import type { ServiceDeps } from '../service-deps.js';
import { CATALOG } from '../triggers/trigger.catalog.js';
import { TriggerKind } from '../triggers/trigger.types.js';
import { withEventTx } from './event-tx.js';
import { JourneyMessage } from './message.entity.js';
import { JourneyRunLogEntry } from './run-log.entity.js';
import { JourneyRun } from './run.entity.js';
import type { EntryRefusalCount, JourneyRunCounts, JourneyRunFilter, JourneyStepCounts, RecordMessageInteractionInput } from './runtime.objects.js';
import { MessageStatus } from './run.types.js';

const INTERACTIONS = new Set(CATALOG.filter((c) => c.kind === TriggerKind.INTERACTION).map((c) => c.key));
const byEnteredAt = { property: 'enteredAt' as const, value: (r: JourneyRun) => r.enteredAt.toISOString() };

const need = (viewer: Viewer, permission: ApiKeyScope) => {
  if (!viewer.permissions.has(permission)) throw forbidden(`Missing ${permission}.`, { reason: 'MISSING_PERMISSION', missing: [permission] });
};

/** Reading runs, their logs, messages and counts; reporting interactions. Every read is scoped to the viewer's workspace. */
export class RunService {
  constructor(private readonly deps: ServiceDeps) {}

  list(viewer: Viewer, journeyId: string, filter: JourneyRunFilter | null | undefined, page: PageArgs) {
    assertId('Journey', journeyId);
    const qb = this.deps.dataSource
      .getRepository(JourneyRun)
      .createQueryBuilder('r')
      .where('r.workspaceId = :ws AND r.journeyId = :journeyId', { ws: workspaceOf(viewer), journeyId });
    if (filter?.status?.length) qb.andWhere('r.status IN (:...status)', { status: filter.status });
    if (filter?.customerId) {
      assertId('Customer', filter.customerId);
      qb.andWhere('r.customerId = :customerId', { customerId: filter.customerId });
    }
    if (filter?.stepId) qb.andWhere('r.stepId = :stepId', { stepId: filter.stepId });
    return paginate(qb, page, 'DESC', byEnteredAt);
  }

  ofCustomer(viewer: Viewer, customer: { workspaceId: string; id: string }, page: PageArgs) {
    need(viewer, ApiKeyScope.JOURNEYS_READ);
    const qb = this.deps.dataSource
      .getRepository(JourneyRun)
      .createQueryBuilder('r')
      .where('r.workspaceId = :ws AND r.customerId = :id', { ws: workspaceOf(viewer), id: customer.id });
    return paginate(qb, page, 'DESC', byEnteredAt);
  }

  async get(viewer: Viewer, id: string): Promise<JourneyRun> {
    assertId('JourneyRun', id);
    const run = await this.deps.dataSource.getRepository(JourneyRun).findOneBy({ workspaceId: workspaceOf(viewer), id });
    if (!run) throw notFound('JourneyRun', id);
    return run;
  }

  log(run: JourneyRun) {
    return this.deps.dataSource.getRepository(JourneyRunLogEntry).find({ where: { workspaceId: run.workspaceId, runId: run.id }, order: { id: 'ASC' } });
  }

  messages(viewer: Viewer, run: JourneyRun) {
    need(viewer, ApiKeyScope.CUSTOMERS_READ);
    return this.deps.dataSource.getRepository(JourneyMessage).find({ where: { workspaceId: run.workspaceId, runId: run.id }, order: { createdAt: 'ASC', stepId: 'ASC' } });
  }

  async counts(journey: Journey): Promise<JourneyRunCounts> {
    const [row] = await this.deps.dataSource.query<Record<string, number>[]>(
      `SELECT count(*)::int AS entered,
              count(*) FILTER (WHERE status = 'ACTIVE')::int AS active, count(*) FILTER (WHERE status = 'WAITING')::int AS waiting,
              count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed, count(*) FILTER (WHERE status = 'EXITED')::int AS exited,
              count(*) FILTER (WHERE status = 'STOPPED')::int AS stopped, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
              count(DISTINCT customer_id) FILTER (WHERE goal_reached_at IS NOT NULL)::int AS "goalReached"
         FROM journey_runs WHERE workspace_id = $1 AND journey_id = $2`,
      [journey.workspaceId, journey.id],
    );
    const refused = await this.deps.dataSource.query<EntryRefusalCount[]>(
      `SELECT reason, count(*)::int AS count FROM journey_entry_refusals WHERE workspace_id = $1 AND journey_id = $2 GROUP BY reason ORDER BY count DESC, reason`,
      [journey.workspaceId, journey.id],
    );
    return { ...(row as unknown as Omit<JourneyRunCounts, 'refused'>), refused: refused.map((r) => ({ reason: r.reason, count: r.count })) };
  }

  /** Per tile: runs that reached it, are at it, passed on and ended at it early. */
  async stepCounts(journey: Journey): Promise<JourneyStepCounts[]> {
    const rows = await this.deps.dataSource.query<{ step_id: string; entered: number; passed: number; waiting: number; exited: number }[]>(
      `WITH log AS (
         SELECT step_id, count(*) FILTER (WHERE kind = 'STEP_STARTED')::int AS entered, count(*) FILTER (WHERE kind = 'STEP_DONE')::int AS passed
           FROM journey_run_log WHERE workspace_id = $1 AND journey_id = $2 AND step_id IS NOT NULL AND kind IN ('STEP_STARTED', 'STEP_DONE') GROUP BY step_id),
       runs AS (
         SELECT step_id, count(*) FILTER (WHERE status IN ('ACTIVE', 'WAITING'))::int AS waiting, count(*) FILTER (WHERE status IN ('EXITED', 'STOPPED', 'FAILED'))::int AS exited
           FROM journey_runs WHERE workspace_id = $1 AND journey_id = $2 AND step_id IS NOT NULL GROUP BY step_id)
       SELECT coalesce(log.step_id, runs.step_id) AS step_id, coalesce(entered, 0) AS entered, coalesce(passed, 0) AS passed, coalesce(waiting, 0) AS waiting, coalesce(exited, 0) AS exited
         FROM log FULL JOIN runs ON runs.step_id = log.step_id`,
      [journey.workspaceId, journey.id],
    );
    const byStep = new Map(rows.map((r) => [r.step_id, r]));
    return journey.definition.steps.map((s) => {
      const r = byStep.get(s.id);
      return { stepId: s.id, entered: r?.entered ?? 0, waiting: r?.waiting ?? 0, passedOn: r?.passed ?? 0, exited: r?.exited ?? 0 };
    });
  }

  /**
   * An interaction reported by the channel (a provider's webhook, an app's push-open callback): recorded on the
   * message and raised as its out-of-box interaction trigger, in one transaction — a run waiting for it wakes.
   */
  async recordInteraction(viewer: Viewer, input: RecordMessageInteractionInput): Promise<{ messageId: string; interactions: string[] }> {
    assertId('JourneyMessage', input.messageId);
    const workspaceId = workspaceOf(viewer);
    const message = await this.deps.dataSource.getRepository(JourneyMessage).findOneBy({ workspaceId, id: input.messageId });
    if (!message) throw notFound('JourneyMessage', input.messageId);
    if (!INTERACTIONS.has(input.interaction) || interactionChannel(input.interaction) !== message.channel)
      throw badInput(`“${input.interaction}” is not an interaction of a ${message.channel.toLowerCase()} message.`, { reason: 'INTERACTION_INVALID', field: 'interaction' });
    if (message.status !== MessageStatus.DELIVERED)
      throw badInput(`The message was not delivered (${message.status.toLowerCase()}): nothing can have happened to it.`, { reason: 'MESSAGE_NOT_DELIVERED', field: 'messageId' });
    const url = (input.url ?? '').slice(0, 2_000);
    const bounceType = (input.bounceType ?? '').slice(0, 40);
    const [customer] = await this.deps.dataSource.query<{ auth_id: string }[]>(`SELECT auth_id FROM customers WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      message.customerId,
    ]);
    const attributes: Record<string, unknown> = { journeyId: message.journeyId, stepId: message.stepId, deliveryId: message.id };
    if (input.interaction.endsWith('_clicked')) attributes.url = url;
    if (input.interaction.endsWith('_bounced')) attributes.bounceType = bounceType;
    await withEventTx(poolOf(this.deps.dataSource), this.deps.clock.now(), (tx) =>
      this.deps.pipeline.writeRaised(tx, [{ workspaceId, customerId: message.customerId, event: { trigger: input.interaction, authId: customer?.auth_id ?? '', attributes } }]),
    );
    const [after] = await this.deps.dataSource.query<{ interactions: string[] }[]>(`SELECT interactions FROM journey_messages WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      message.id,
    ]);
    return { messageId: message.id, interactions: after.interactions };
  }
}
