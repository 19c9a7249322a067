import { Repeater } from '@graphql-yoga/subscription';
import { Arg, Authorized, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import { workspaceOf } from '../auth/viewer.js';
import type { Context } from '../graphql/context.js';
import { Topic } from '../graphql/pubsub.js';
import { AnalyticsRangeInput, JourneyAnalytics } from './analytics.objects.js';

@Resolver(() => JourneyAnalytics)
export class AnalyticsResolver {
  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => JourneyAnalytics, { description: 'How a journey performs: totals, tiles, message funnels and a time series, read from rollups kept as runs move.' })
  async journeyAnalytics(
    @Ctx() ctx: Context,
    @Arg('journeyId', () => ID, { description: 'The journey.' }) journeyId: string,
    @Arg('range', () => AnalyticsRangeInput, { description: 'The time series’ window and granularity.' }) range: AnalyticsRangeInput,
  ) {
    return ctx.services.analytics.journey(await ctx.services.journeys.get(ctx.viewer!, journeyId), range);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => String, {
    description:
      'The customers at a step now (runs moving or waiting there), as CSV (at most 50,000, oldest entry first; cells a spreadsheet would run as formulas are defused). Needs customers:read.',
  })
  async journeyStepCustomersCsv(
    @Ctx() ctx: Context,
    @Arg('journeyId', () => ID, { description: 'The journey.' }) journeyId: string,
    @Arg('stepId', () => String, { description: 'The step.' }) stepId: string,
  ) {
    return ctx.services.analytics.customersAtStepCsv(ctx.viewer!, await ctx.services.journeys.get(ctx.viewer!, journeyId), stepId);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Subscription(() => JourneyAnalytics, {
    description: 'The journey’s analytics at once, then whenever its runs or messages change (coalesced: a few times per second at most).',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      const workspaceId = workspaceOf(ctx.viewer!);
      const journeyId = args.journeyId as string;
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
    },
  })
  async journeyAnalyticsUpdated(
    @Root() update: { journeyId: string },
    @Ctx() ctx: Context,
    @Arg('journeyId', () => ID, { description: 'The journey.' }) _journeyId: string,
    @Arg('range', () => AnalyticsRangeInput, { description: 'The time series’ window and granularity.' }) range: AnalyticsRangeInput,
  ) {
    return ctx.services.analytics.journey(await ctx.services.journeys.get(ctx.viewer!, update.journeyId), range);
  }
}
