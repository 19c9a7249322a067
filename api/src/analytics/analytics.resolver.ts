import { Arg, Authorized, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import type { Context } from '../graphql/context.js';
import { AnalyticsRangeInput, JourneyAnalytics } from './analytics.objects.js';
import { watchJourney } from '../runtime/watch-journey.js';

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
    subscribe: ({ args, context }) => watchJourney(context as Context, args.journeyId as string),
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
