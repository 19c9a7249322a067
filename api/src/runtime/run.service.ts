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
import { raiseInteraction } from './interactions.js';
import { JourneyMessage } from './message.entity.js';
import { JourneyRunLogEntry } from './run-log.entity.js';
import { JourneyRun } from './run.entity.js';
import type { JourneyRunCounts, JourneyRunFilter, JourneyStepCounts, RecordMessageInteractionInput } from './runtime.objects.js';
import { EntryRefusal, MessageStatus } from './run.types.js';
import { journeyStatRows } from '../analytics/analytics.service.js';
import { tilesOf, totalsOf } from '../analytics/analytics.rules.js';

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

  /** Read from the analytics rollups (kept as runs move): milliseconds however many runs the journey has. */
  async counts(journey: Journey): Promise<JourneyRunCounts> {
    const t = totalsOf(await journeyStatRows(this.deps.dataSource, journey), null);
    return {
      entered: t.entered,
      active: t.active - t.waiting,
      waiting: t.waiting,
      completed: t.completed,
      exited: t.exited,
      stopped: t.stopped,
      failed: t.failed,
      goalReached: t.goalReached,
      refused: t.refusedByReason.map((r) => ({ reason: r.reason as EntryRefusal, count: r.count })),
    };
  }

  /** Per tile: runs that reached it, are at it, passed on and ended at it early (from the rollups: inflow = at it + passed on + ended). */
  async stepCounts(journey: Journey): Promise<JourneyStepCounts[]> {
    return tilesOf(await journeyStatRows(this.deps.dataSource, journey), journey.definition.steps).map((t) => ({
      stepId: t.stepId,
      entered: t.inflow,
      waiting: t.processing,
      passedOn: t.processed,
      exited: t.exited,
    }));
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
    const extra: Record<string, unknown> = {};
    if (input.interaction.endsWith('_clicked')) extra.url = url;
    if (input.interaction.endsWith('_bounced')) extra.bounceType = bounceType;
    await raiseInteraction({ pool: poolOf(this.deps.dataSource), pipeline: this.deps.pipeline, now: this.deps.clock.now() }, message, input.interaction, extra);
    const [after] = await this.deps.dataSource.query<{ interactions: string[] }[]>(`SELECT interactions FROM journey_messages WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      message.id,
    ]);
    return { messageId: message.id, interactions: after.interactions };
  }
}
