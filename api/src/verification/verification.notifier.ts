import type { FlarePubSub } from '../graphql/pubsub.js';
import { Topic } from '../graphql/pubsub.js';
import type { WriteOutcome } from '../ingestion/ingestion.writer.js';

export const STATS_INTERVAL_MS = 250;
const MAX_IDS_PER_MESSAGE = 50;

/**
 * Turns committed ingestion batches into notifications: status transitions at once; counter changes
 * coalesced per trigger (first at once, then at most one per interval), so bursts stay cheap for clients.
 */
export class VerificationNotifier {
  private readonly pendingStats = new Map<string, { workspaceId: string; triggerId: string; timer: NodeJS.Timeout | null; dirty: boolean }>();

  constructor(
    private readonly pubsub: FlarePubSub,
    private readonly intervalMs = STATS_INTERVAL_MS,
  ) {}

  onCommitted(outcome: WriteOutcome) {
    for (const r of outcome.readied) this.pubsub.publish(Topic.TRIGGER_STATUS, r);
    for (const entry of outcome.audited) this.pubsub.publish(Topic.AUDIT_APPENDED, entry);
    for (const c of outcome.counted) this.statsChanged(c.workspaceId, c.triggerId);
    const byTrigger = new Map<string, { workspaceId: string; triggerId: string | null; eventIds: string[] }>();
    for (const e of outcome.stored) {
      const key = `${e.workspaceId}:${e.triggerId}`;
      const group = byTrigger.get(key) ?? { workspaceId: e.workspaceId, triggerId: e.triggerId, eventIds: [] };
      group.eventIds.push(e.id);
      byTrigger.set(key, group);
    }
    for (const group of byTrigger.values()) this.pubsub.publish(Topic.TRIGGER_EVENTS, { ...group, eventIds: group.eventIds.slice(-MAX_IDS_PER_MESSAGE) });
  }

  private statsChanged(workspaceId: string, triggerId: string) {
    const entry = this.pendingStats.get(triggerId);
    if (entry) {
      entry.dirty = true;
      return;
    }
    this.pubsub.publish(Topic.TRIGGER_STATS, { workspaceId, triggerId });
    const fresh = { workspaceId, triggerId, dirty: false, timer: null as NodeJS.Timeout | null };
    const tick = () => {
      if (!fresh.dirty) {
        this.pendingStats.delete(triggerId);
        return;
      }
      fresh.dirty = false;
      this.pubsub.publish(Topic.TRIGGER_STATS, { workspaceId, triggerId });
      fresh.timer = setTimeout(tick, this.intervalMs);
    };
    fresh.timer = setTimeout(tick, this.intervalMs);
    this.pendingStats.set(triggerId, fresh);
  }

  dispose() {
    for (const entry of this.pendingStats.values()) if (entry.timer) clearTimeout(entry.timer);
    this.pendingStats.clear();
  }
}
