import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import type { Context } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { isId } from '../graphql/errors.js';
import { Trigger } from '../triggers/trigger.entity.js';
import { Journey } from './journey.entity.js';
import { CreateJourneyInput, DuplicateJourneyInput, JourneyFilter, JourneyIdInput, JourneyPayload, UpdateJourneyInput } from './journey.inputs.js';
import { JourneyDefinitionObject, JourneyValidation } from './journey.objects.js';
import { readDefinition } from './journey.types.js';

@ObjectType({ description: 'A page of journeys, newest first.' })
export class JourneyConnection extends Connection(Journey, 'Journey', 'journey') {}

@Resolver(() => Journey)
export class JourneyResolver {
  @FieldResolver(() => JourneyDefinitionObject, { description: 'The typed definition.' })
  definition(@Root() journey: Journey) {
    return readDefinition(journey.definition);
  }

  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @FieldResolver(() => Trigger, { nullable: true, description: 'The trigger that starts the journey (null when none is chosen, or it no longer exists). Needs `triggers:read`.' })
  async startTrigger(@Ctx() ctx: Context, @Root() journey: Journey) {
    const id = journey.definition.startTriggerId;
    const trigger = id && isId(id) ? await ctx.loaders.triggerById.load(id) : null;
    return trigger?.workspaceId === journey.workspaceId ? trigger : null;
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => JourneyConnection, { description: 'Journeys of the workspace.' })
  journeys(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => JourneyFilter, { nullable: true, description: 'Optional narrowing.' }) filter?: JourneyFilter,
  ) {
    return ctx.services.journeys.list(ctx.viewer!, filter, page);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => Journey, { description: 'One journey.' })
  journey(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The journey.' }) id: string) {
    return ctx.services.journeys.get(ctx.viewer!, id);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Mutation(() => JourneyValidation, { description: 'Every problem that would stop publishing, without publishing. (A mutation so it always runs fresh.)' })
  validateJourney(@Ctx() ctx: Context, @Arg('input', () => JourneyIdInput, { description: 'The journey.' }) input: JourneyIdInput) {
    return ctx.services.journeys.validate(ctx.viewer!, input.id);
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => JourneyPayload, { description: 'Creates a draft journey.' })
  async createJourney(@Ctx() ctx: Context, @Arg('input', () => CreateJourneyInput, { description: 'The journey.' }) input: CreateJourneyInput) {
    return { journey: await ctx.services.journeys.create(ctx.viewer!, input) };
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => JourneyPayload, { description: 'Edits a draft (optimistic concurrency on `baseRevision`); published journeys refuse with JOURNEY_PUBLISHED.' })
  async updateJourney(@Ctx() ctx: Context, @Arg('input', () => UpdateJourneyInput, { description: 'The edit.' }) input: UpdateJourneyInput) {
    return { journey: await ctx.services.journeys.update(ctx.viewer!, input) };
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => JourneyPayload, { description: 'Validates and publishes: the journey becomes LIVE and immutable. Fails with JOURNEY_INVALID and the problems.' })
  async publishJourney(@Ctx() ctx: Context, @Arg('input', () => JourneyIdInput, { description: 'The journey.' }) input: JourneyIdInput) {
    return { journey: await ctx.services.journeys.publish(ctx.viewer!, input.id) };
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => JourneyPayload, { description: 'Stops a live journey.' })
  async stopJourney(@Ctx() ctx: Context, @Arg('input', () => JourneyIdInput, { description: 'The journey.' }) input: JourneyIdInput) {
    return { journey: await ctx.services.journeys.stop(ctx.viewer!, input.id) };
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => JourneyPayload, { description: 'Copies a journey (any status) into a new draft.' })
  async duplicateJourney(@Ctx() ctx: Context, @Arg('input', () => DuplicateJourneyInput, { description: 'The journey.' }) input: DuplicateJourneyInput) {
    return { journey: await ctx.services.journeys.duplicate(ctx.viewer!, input) };
  }
}
