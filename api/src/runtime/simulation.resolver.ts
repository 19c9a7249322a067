import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import type { Context } from '../graphql/context.js';
import { sampleEvent } from '../ingestion/sample-event.js';
import { versionDefinition } from '../triggers/trigger.service.js';
import { TriggerVersion } from '../triggers/trigger-version.entity.js';
import { JourneySimulation, SimulateJourneyInput } from './simulation.objects.js';

@Resolver()
export class SimulationResolver {
  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Mutation(() => JourneySimulation, {
    description:
      'Test run: plays a journey (saved, or an unsaved definition) for one customer on a virtual clock, with scripted interactions and triggers. Sends and stores nothing. A definition with problems returns them and an empty path. (A mutation so it always runs fresh.)',
  })
  simulateJourney(@Ctx() ctx: Context, @Arg('input', () => SimulateJourneyInput, { description: 'The journey, start event and script.' }) input: SimulateJourneyInput) {
    return ctx.services.simulation.simulate(ctx.viewer!, input);
  }
}

@Resolver(() => TriggerVersion)
export class TriggerVersionSampleResolver {
  @FieldResolver(() => GraphQLJSONObject, { description: 'Example attributes valid for this version: what a test run’s start event carries unless told otherwise.' })
  sampleAttributes(@Root() version: TriggerVersion) {
    return sampleEvent('', versionDefinition(version)).attributes;
  }
}
