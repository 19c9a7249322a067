import { filter, map, Repeater } from '@graphql-yoga/subscription';
import { ApiKeyScope } from '../auth/permissions.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { forbidden } from '../graphql/errors.js';
import { Topic, type PubSubChannels } from '../graphql/pubsub.js';
import { withResync } from '../graphql/resync.js';
import { sampleEvent } from '../ingestion/sample-event.js';
import { TriggerEvent } from '../ingestion/trigger-event.entity.js';
import { TriggerStats } from '../ingestion/trigger-stats.entity.js';
import type { ServiceDeps } from '../service-deps.js';
import type { Trigger } from '../triggers/trigger.entity.js';
import type { TriggerQueryService } from '../triggers/trigger-query.service.js';
import { versionDefinition } from '../triggers/trigger.service.js';
import { TriggerStatus } from '../triggers/trigger.types.js';
import { TriggerVersion } from '../triggers/trigger-version.entity.js';
import type { TriggerEventRecord, TriggerVerification } from './verification.objects.js';

type EventsStored = PubSubChannels['TRIGGER_EVENTS'][0];
type StatusChanged = PubSubChannels['TRIGGER_STATUS'][0];

const require = (viewer: Viewer, permission: ApiKeyScope) => {
  if (!viewer.permissions.has(permission)) throw forbidden(`Missing ${permission}.`, { reason: 'MISSING_PERMISSION', missing: [permission] });
};

/** Verification state, the event debugger and live streams; every read is scoped to the viewer's workspace. */
export class VerificationService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly triggers: TriggerQueryService,
  ) {}

  /** Builds verification for many triggers from their stats rows (one query for all). */
  async verificationOf(triggers: Trigger[]): Promise<TriggerVerification[]> {
    const rows = triggers.length
      ? await this.deps.dataSource
          .getRepository(TriggerStats)
          .createQueryBuilder('s')
          .where('s.triggerId IN (:...ids)', { ids: triggers.map((t) => t.id) })
          .getMany()
      : [];
    return triggers.map((trigger) => {
      const mine = rows.filter((r) => r.triggerId === trigger.id).sort((a, b) => b.version - a.version);
      const times = (pick: (s: TriggerStats) => Date | null, newest: boolean) =>
        mine
          .map(pick)
          .filter((d): d is Date => d !== null)
          .sort((a, b) => (newest ? b.getTime() - a.getTime() : a.getTime() - b.getTime()))[0] ?? null;
      return {
        triggerId: trigger.id,
        status: trigger.status,
        readyAt: trigger.readyAt,
        validCount: mine.reduce((n, s) => n + Number(s.validCount), 0),
        invalidCount: mine.reduce((n, s) => n + Number(s.invalidCount), 0),
        firstEventAt: times((s) => s.firstEventAt, false),
        lastEventAt: times((s) => s.lastEventAt, true),
        recentRejections: mine
          .flatMap((s) => s.lastRejections)
          .sort((a, b) => b.at.localeCompare(a.at))
          .slice(0, 10)
          .map((r) => ({ at: new Date(r.at), reasons: r.reasons })),
        versions: mine.map((s) => ({
          version: s.version,
          status: Number(s.validCount) > 0 ? TriggerStatus.READY_TO_USE : TriggerStatus.AWAITING_FIRST_EVENT,
          validCount: Number(s.validCount),
          invalidCount: Number(s.invalidCount),
          firstEventAt: s.firstEventAt,
          lastEventAt: s.lastEventAt,
        })),
      };
    });
  }

  async verification(viewer: Viewer, triggerId: string): Promise<TriggerVerification> {
    const [result] = await this.verificationOf([await this.triggers.get(viewer, triggerId)]);
    return result;
  }

  async recentEvents(viewer: Viewer, triggerId: string, accepted: boolean | null, page: PageArgs) {
    require(viewer, ApiKeyScope.EVENTS_READ);
    const trigger = await this.triggers.get(viewer, triggerId);
    const qb = this.deps.dataSource
      .getRepository(TriggerEvent)
      .createQueryBuilder('e')
      .where('e.triggerId = :id AND e.workspaceId = :ws', { id: trigger.id, ws: trigger.workspaceId });
    if (accepted !== null) qb.andWhere('e.accepted = :accepted', { accepted });
    const page_ = await paginate(qb, page, 'DESC', { property: 'receivedAt', value: (e) => e.receivedAt.toISOString(), idKind: 'bigint' });
    return { ...page_, nodes: page_.nodes.map(toRecord), edges: page_.edges.map((edge) => ({ cursor: edge.cursor, node: toRecord(edge.node) })) };
  }

  async eventsByIds(viewer: Viewer, ids: string[]): Promise<TriggerEventRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.deps.dataSource
      .getRepository(TriggerEvent)
      .createQueryBuilder('e')
      .where('e.id IN (:...ids) AND e.workspaceId = :ws', { ids, ws: workspaceOf(viewer) })
      .orderBy('e.id', 'ASC')
      .getMany();
    return rows.map(toRecord);
  }

  /** Posts a realistic sample event for the latest version through the same pipeline, marked as a test. */
  async sendTestEvent(viewer: Viewer, triggerId: string) {
    require(viewer, ApiKeyScope.TRIGGERS_WRITE);
    const trigger = await this.triggers.get(viewer, triggerId);
    const version = await this.deps.dataSource.getRepository(TriggerVersion).findOneByOrFail({ triggerId: trigger.id, number: trigger.latestVersion });
    const event = { ...sampleEvent(trigger.key, versionDefinition(version)), messageId: `test-${Date.now()}-${Math.random().toString(36).slice(2, 8)}` };
    const result = await this.deps.pipeline.submit({
      credential: { kind: 'internal', workspaceId: trigger.workspaceId },
      events: [event],
      receivedAt: this.deps.clock.now(),
      test: true,
    });
    if (!result.ok) throw new Error(`test event refused: ${result.code}`);
    return { accepted: result.results[0].accepted, reasons: result.results[0].reasons, event };
  }

  /**
   * Batches of newly stored events of one trigger, as they are committed; after the event listener was away,
   * the events stored since then that this stream has not delivered (up to 500).
   */
  async watchEvents(viewer: Viewer, triggerId: string): Promise<AsyncIterable<{ eventIds: string[] }>> {
    require(viewer, ApiKeyScope.EVENTS_READ);
    const trigger = await this.triggers.get(viewer, triggerId);
    let lastId = 0n;
    const delivered = (eventIds: string[]) => {
      for (const id of eventIds) if (BigInt(id) > lastId) lastId = BigInt(id);
      return { eventIds };
    };
    const mine = filter((update: EventsStored) => update.triggerId === trigger.id && update.workspaceId === trigger.workspaceId);
    const live = map((update: EventsStored) => delivered(update.eventIds))(mine(this.deps.pubsub.subscribe(Topic.TRIGGER_EVENTS)));
    return withResync(this.deps.pubsub, live, async (since) => {
      const rows: { id: string }[] = await this.deps.dataSource.query(
        'SELECT id FROM trigger_events WHERE trigger_id = $1 AND workspace_id = $2 AND received_at >= $3 AND id > $4 ORDER BY id LIMIT 500',
        [trigger.id, trigger.workspaceId, since, lastId.toString()],
      );
      const ids = rows.map((r) => String(r.id));
      const batches: { eventIds: string[] }[] = [];
      for (let i = 0; i < ids.length; i += 50) batches.push(delivered(ids.slice(i, i + 50)));
      return batches;
    });
  }

  /** Readiness changes in the viewer's workspace; after the event listener was away, the triggers that became ready since. */
  watchReadiness(viewer: Viewer): AsyncIterable<StatusChanged> {
    require(viewer, ApiKeyScope.TRIGGERS_READ);
    const workspaceId = workspaceOf(viewer);
    const sent = new Set<string>();
    const mine = filter((update: StatusChanged) => update.workspaceId === workspaceId);
    const live = map((update: StatusChanged) => (sent.add(update.triggerId), update))(mine(this.deps.pubsub.subscribe(Topic.TRIGGER_STATUS)));
    return withResync(this.deps.pubsub, live, async (since) => {
      const rows: { id: string }[] = await this.deps.dataSource.query('SELECT id FROM triggers WHERE workspace_id = $1 AND ready_at >= $2 ORDER BY ready_at', [workspaceId, since]);
      return rows.filter((r) => !sent.has(r.id)).map((r) => (sent.add(r.id), { workspaceId, triggerId: r.id }));
    });
  }

  /** The current state at once, then every change of status or counters of this trigger. */
  async watch(viewer: Viewer, triggerId: string): Promise<AsyncIterable<{ triggerId: string }>> {
    require(viewer, ApiKeyScope.TRIGGERS_READ);
    const trigger = await this.triggers.get(viewer, triggerId);
    // After the event listener was away, changes may have been missed: re-read on RESYNC as if one arrived.
    const updates = Repeater.merge([this.deps.pubsub.subscribe(Topic.TRIGGER_STATUS), this.deps.pubsub.subscribe(Topic.TRIGGER_STATS), this.deps.pubsub.subscribe(Topic.RESYNC)]);
    return new Repeater(async (push, stop) => {
      await push({ triggerId: trigger.id });
      const loop = (async () => {
        for await (const update of updates) if (!('triggerId' in update) || update.triggerId === trigger.id) await push({ triggerId: trigger.id });
      })();
      await stop;
      await updates.return?.();
      await loop;
    });
  }
}

/** A stored event as the API shows it (the debugger, the customer timeline). */
export function toRecord(e: TriggerEvent): TriggerEventRecord {
  return {
    id: e.id,
    triggerId: e.triggerId,
    triggerKey: e.triggerKey,
    version: e.triggerVersion,
    accepted: e.accepted,
    reasons: e.reasons,
    test: e.test,
    messageId: e.messageId,
    authId: e.authId,
    occurredAt: e.occurredAt,
    receivedAt: e.receivedAt,
    payload: e.payload,
  };
}
