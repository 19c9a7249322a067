import { Repeater } from '@graphql-yoga/subscription';
import { workspaceOf } from '../auth/viewer.js';
import type { Context } from '../graphql/context.js';
import { Topic } from '../graphql/pubsub.js';

/**
 * A journey's live views: once at once (after checking the viewer may read the journey), then whenever its runs
 * or messages change (JOURNEY_RUNS, coalesced), and after the event listener was away (RESYNC).
 */
export function watchJourney(ctx: Context, journeyId: string): Repeater<{ journeyId: string }> {
  const workspaceId = workspaceOf(ctx.viewer!);
  const updates = Repeater.merge([ctx.services.pubsub.subscribe(Topic.JOURNEY_RUNS), ctx.services.pubsub.subscribe(Topic.RESYNC)]);
  return new Repeater<{ journeyId: string }>(async (push, stop) => {
    await ctx.services.journeys.get(ctx.viewer!, journeyId);
    await push({ journeyId });
    const loop = (async () => {
      for await (const u of updates) if (!('journeyId' in u) || (u.journeyId === journeyId && u.workspaceId === workspaceId)) await push({ journeyId });
    })();
    await stop;
    await updates.return?.();
    await loop;
  });
}
