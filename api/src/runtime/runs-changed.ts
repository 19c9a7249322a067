import { Topic, type FlarePubSub } from '../graphql/pubsub.js';

export type JourneyRef = { workspaceId: string; journeyId: string };
export type RunsChanged = (journeys: JourneyRef[]) => void;
export type CoalescedRunsChanged = RunsChanged & { stop(): void };

/** At most one JOURNEY_RUNS message per journey per interval from this process: live views refresh a few times a second, not per run. */
export function coalescedRunsChanged(pubsub: FlarePubSub, intervalMs = 250): CoalescedRunsChanged {
  const pending = new Map<string, JourneyRef>();
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const batch = [...pending.values()];
    pending.clear();
    for (const ref of batch) pubsub.publish(Topic.JOURNEY_RUNS, ref);
  };
  let stopped = false;
  const changed = (journeys: JourneyRef[]) => {
    if (stopped) return;
    for (const ref of journeys) pending.set(ref.journeyId, ref);
    if (pending.size > 0 && !timer) {
      timer = setTimeout(flush, intervalMs);
      timer.unref();
    }
  };
  /** On shutdown: what is pending is dropped (live views re-read on reconnect), nothing is published after. */
  const stop = () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    pending.clear();
  };
  return Object.assign(changed, { stop });
}
