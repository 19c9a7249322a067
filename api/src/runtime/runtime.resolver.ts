import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import { Customer } from '../customers/customer.entity.js';
import type { Context } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { Journey } from '../journeys/journey.entity.js';
import { JourneyMessage } from './message.entity.js';
import { JourneyRunLogEntry } from './run-log.entity.js';
import { JourneyRun } from './run.entity.js';
import {
  JourneyRunConnection,
  JourneyRunCounts,
  JourneyRunFilter,
  JourneyRunsUpdate,
  JourneyStepCounts,
  RecordMessageInteractionInput,
  RecordMessageInteractionPayload,
} from './runtime.objects.js';
import { watchJourney } from './watch-journey.js';

@Resolver(() => JourneyRun)
export class JourneyRunResolver {
  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => JourneyRunConnection, { description: 'A journey’s runs, newest first: who entered, where they are, how they ended.' })
  journeyRuns(
    @Ctx() ctx: Context,
    @Arg('journeyId', () => ID, { description: 'The journey.' }) journeyId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => JourneyRunFilter, { nullable: true, description: 'Optional narrowing.' }) filter?: JourneyRunFilter | null,
  ) {
    return ctx.services.runs.list(ctx.viewer!, journeyId, filter, page);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => JourneyRun, { description: 'One run, with its step log and messages.' })
  journeyRun(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The run.' }) id: string) {
    return ctx.services.runs.get(ctx.viewer!, id);
  }

  @FieldResolver(() => [JourneyRunLogEntry], { description: 'Every transition of the run, oldest first.' })
  log(@Ctx() ctx: Context, @Root() run: JourneyRun) {
    return ctx.services.runs.log(run);
  }

  @FieldResolver(() => [JourneyMessage], { description: 'The messages the run sent or tried to, with their rendered content. Needs customers:read.' })
  messages(@Ctx() ctx: Context, @Root() run: JourneyRun) {
    return ctx.services.runs.messages(ctx.viewer!, run);
  }

  @FieldResolver(() => Journey, { description: 'The journey.' })
  journey(@Ctx() ctx: Context, @Root() run: JourneyRun) {
    return ctx.services.journeys.get(ctx.viewer!, run.journeyId);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer (null without customers:read).' })
  async customer(@Ctx() ctx: Context, @Root() run: JourneyRun) {
    if (!ctx.viewer!.permissions.has(ApiKeyScope.CUSTOMERS_READ)) return null;
    return ctx.services.customers.get(ctx.viewer!, run.customerId);
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => RecordMessageInteractionPayload, {
    description:
      'Records what a recipient did with a journey’s message, as reported by the channel, and raises the matching out-of-box interaction trigger: a run waiting for it takes its yes path at once.',
  })
  recordMessageInteraction(@Ctx() ctx: Context, @Arg('input', () => RecordMessageInteractionInput, { description: 'The interaction.' }) input: RecordMessageInteractionInput) {
    return ctx.services.runs.recordInteraction(ctx.viewer!, input);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Subscription(() => JourneyRunsUpdate, {
    description: 'The journey at once, then whenever its runs change (coalesced: a few times per second at most). Select its run counts and step counts.',
    subscribe: ({ args, context }) => watchJourney(context as Context, args.journeyId as string),
  })
  async journeyRunUpdated(@Root() update: { journeyId: string }, @Ctx() ctx: Context, @Arg('journeyId', () => ID, { description: 'The journey.' }) _journeyId: string) {
    return { journey: await ctx.services.journeys.get(ctx.viewer!, update.journeyId) };
  }
}

@Resolver(() => Journey)
export class JourneyRunFieldsResolver {
  @FieldResolver(() => JourneyRunCounts, { description: 'Runs by status, unique customers who reached the goal, and refused entries by reason.' })
  runCounts(@Ctx() ctx: Context, @Root() journey: Journey) {
    return ctx.services.runs.counts(journey);
  }

  @FieldResolver(() => [JourneyStepCounts], { description: 'Live counts on each tile, in the order of the definition’s steps.' })
  stepCounts(@Ctx() ctx: Context, @Root() journey: Journey) {
    return ctx.services.runs.stepCounts(journey);
  }
}

@Resolver(() => Customer)
export class CustomerRunsResolver {
  @FieldResolver(() => JourneyRunConnection, { description: 'The customer’s journey runs, newest first. Needs journeys:read.' })
  journeyRuns(@Ctx() ctx: Context, @Root() customer: Customer, @Args(() => PageArgs) page: PageArgs) {
    return ctx.services.runs.ofCustomer(ctx.viewer!, customer, page);
  }
}
