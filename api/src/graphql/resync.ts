import { Repeater } from '@graphql-yoga/subscription';
import { Topic, type FlarePubSub } from './pubsub.js';

/** How far before the loss of the listener a catch-up looks: a change may commit a moment after it was stamped. */
export const RESYNC_MARGIN_MS = 3_000;
const CATCH_UP_ATTEMPTS = 5;

type Live<T> = AsyncIterator<T> & AsyncIterable<T>;

/**
 * A subscription's stream: `live` notifications, plus what `catchUp(since)` finds each time the event
 * listener comes back from a lost connection (RESYNC): notifications sent while it was away are gone, so the
 * subscription re-reads. Delivery is at least once; a caught-up item may repeat one that did arrive, so
 * callers skip what they already delivered where they can.
 */
export function withResync<T>(pubsub: FlarePubSub, live: Live<T>, catchUp: (since: Date) => Promise<T[]>): Repeater<T> {
  const resyncs = pubsub.subscribe(Topic.RESYNC);
  return new Repeater<T>(async (push, stop) => {
    const fromLive = (async () => {
      for await (const item of live) await push(item);
    })();
    const fromResync = (async () => {
      for await (const { since } of resyncs) {
        // Still failing after the retries: nothing to add now; the next RESYNC tries again.
        const items = await retried(() => catchUp(new Date(new Date(since).getTime() - RESYNC_MARGIN_MS))).catch(() => [] as T[]);
        for (const item of items) await push(item);
      }
    })();
    await stop;
    await Promise.all([live.return?.(), resyncs.return?.()]);
    await Promise.all([fromLive, fromResync]);
  });
}

/** The database may still be waking up when the listener is back; a few tries half a second apart. */
async function retried<T>(read: () => Promise<T[]>): Promise<T[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= CATCH_UP_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
