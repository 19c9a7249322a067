import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ContentChannel } from '../content/content.types.js';
import { JourneyDefinitionInput, JourneyProblemObject } from '../journeys/journey.objects.js';
import { RunStatus } from './run.types.js';
import { ScriptKind, SimulationPathKind } from './simulation.rules.js';

registerEnumType(ScriptKind, {
  name: 'SimulationScriptKind',
  description: 'What happens in a test run at a scripted moment.',
  valuesConfig: {
    INTERACTION: { description: 'An interaction with the message of a message step (`stepId` + `interaction`).' },
    TRIGGER: { description: 'A custom or business trigger of the customer (`triggerId`, optionally `bindingId`).' },
  },
});
registerEnumType(SimulationPathKind, {
  name: 'SimulationPathKind',
  description: 'One entry of a test run’s path: a run-log transition, or a scripted interaction or trigger.',
  valuesConfig: {
    ENTERED: { description: 'The customer entered the journey.' },
    STEP_STARTED: { description: 'The run reached a step.' },
    MESSAGE_QUEUED: { description: 'A message was sent (in a test run: rendered, never sent).' },
    WAITING: { description: 'The run started waiting (`detail.until`).' },
    BRANCHED: { description: 'A branch chose its yes or no path (`detail.path`).' },
    STEP_DONE: { description: 'The run passed a step.' },
    GOAL_REACHED: { description: 'The goal trigger happened.' },
    COMPLETED: { description: 'The run reached the end of its path.' },
    EXITED: { description: 'An exit trigger ended the run.' },
    STOPPED: { description: 'The journey was stopped (not in test runs).' },
    FAILED: { description: 'An unexpected error ended the run (`detail.error`).' },
    INTERACTION: { description: 'A scripted interaction happened; `detail.ignored` says why it did nothing (NO_MESSAGE).' },
    TRIGGER: { description: 'A scripted trigger happened; `detail.ignored` says why it did nothing (BINDING_DIFFERS).' },
  },
});

@InputType({ description: 'One scripted happening of a test run.' })
export class SimulationScriptEntryInput {
  @Field(() => Int, { description: 'Seconds after the customer entered (0 to 400 days).' }) afterSeconds!: number;
  @Field(() => ScriptKind, { description: 'An interaction or a trigger.' }) kind!: ScriptKind;
  @Field(() => String, { nullable: true, description: 'INTERACTION: the message step whose message it concerns.' }) stepId?: string | null;
  @Field(() => String, { nullable: true, description: 'INTERACTION: the interaction trigger key of that message’s channel, e.g. `email_opened`.' })
  interaction?: string | null;
  @Field(() => ID, { nullable: true, description: 'TRIGGER: the custom or business trigger that happens.' }) triggerId?: string | null;
  @Field(() => String, { nullable: true, description: 'TRIGGER: the event’s bindingId ("cart/8812"); without one it acts on the run whatever its binding.' })
  bindingId?: string | null;
}

@InputType({ description: 'A test run: a saved journey or an unsaved definition, a start event and what happens afterwards.' })
export class SimulateJourneyInput {
  @Field(() => ID, { nullable: true, description: 'A saved journey (any status) to test. Give this or `definition`.' }) journeyId?: string | null;
  @Field(() => JourneyDefinitionInput, { nullable: true, description: 'An unsaved definition to test. Give this or `journeyId`.' })
  definition?: JourneyDefinitionInput | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The start event’s attributes; the pinned start trigger version’s sample when omitted.' })
  sampleEvent?: Record<string, unknown> | null;
  @Field(() => ID, { nullable: true, description: 'A customer whose details fill the `contact.*` tokens instead of the sample contact (needs `customers:read`).' })
  customerId?: string | null;
  @Field(() => String, { nullable: true, description: 'The start event’s bindingId, which later triggers must agree with.' }) bindingId?: string | null;
  @Field(() => [SimulationScriptEntryInput], { defaultValue: [], description: 'What happens, at most 50 entries, in any order.' })
  script!: SimulationScriptEntryInput[];
}

@ObjectType({ description: 'One entry of a test run’s path.' })
export class SimulationPathEntry {
  @Field(() => String, { nullable: true, description: 'The step concerned, if any.' }) stepId!: string | null;
  @Field(() => SimulationPathKind, { description: 'What happened.' }) kind!: SimulationPathKind;
  @Field(() => GraphQLISODateTime, { description: 'When, on the virtual clock (it starts at the real time of the request).' }) at!: Date;
  @Field(() => GraphQLJSONObject, { description: 'Details: the branch path, the wait’s end, the trigger, why a happening was ignored…' })
  detail!: Record<string, unknown>;
}

@ObjectType({ description: 'A message a test run would send, rendered (never sent).' })
export class SimulatedMessage {
  @Field(() => String, { description: 'The message step.' }) stepId!: string;
  @Field(() => ContentChannel, { description: 'Its channel.' }) channel!: ContentChannel;
  @Field(() => ID, { description: 'The content sent.' }) contentId!: string;
  @Field(() => String, { nullable: true, description: 'Email: the subject.' }) subject!: string | null;
  @Field(() => String, { nullable: true, description: 'Email: the HTML body. Show it only in a sandboxed frame.' }) htmlBody!: string | null;
  @Field(() => String, { nullable: true, description: 'Email: the plain-text body.' }) textBody!: string | null;
  @Field(() => String, { nullable: true, description: 'Text and push: the body.' }) body!: string | null;
  @Field(() => String, { nullable: true, description: 'Push: the title.' }) title!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it would be sent, on the virtual clock.' }) at!: Date;
}

@ObjectType({ description: 'A journey run on a virtual clock for one customer: nothing is sent or stored.' })
export class JourneySimulation {
  @Field(() => GraphQLISODateTime, { description: 'Virtual time zero: when the customer entered.' }) startedAt!: Date;
  @Field(() => [SimulationPathEntry], { description: 'Every transition and scripted happening, in order; empty when the definition has problems.' })
  path!: SimulationPathEntry[];
  @Field(() => [SimulatedMessage], { description: 'The messages the run would send, rendered with the start event and the contact.' })
  messages!: SimulatedMessage[];
  @Field(() => RunStatus, { nullable: true, description: 'How the run ended (WAITING when a limit stopped it); null when the definition has problems.' })
  endStatus!: RunStatus | null;
  @Field(() => String, { nullable: true, description: 'The step where it ended (null after completing a path).' }) endStepId!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it ended, on the virtual clock; null if it had not.' }) endedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the goal trigger happened, on the virtual clock, if it did.' }) goalReachedAt!: Date | null;
  @Field(() => GraphQLJSONObject, { description: 'The start event’s attributes used.' }) sampleEvent!: Record<string, unknown>;
  @Field(() => [JourneyProblemObject], {
    description:
      'Why the journey could not be test-run (its validation problems), or a limit reached (SIMULATION_TOO_LONG, SIMULATION_TOO_MANY_MOVES), or a message that did not render (TEMPLATE_ERROR).',
  })
  problems!: JourneyProblemObject[];
}
