import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Comparator } from '../triggers/trigger.types.js';
import { RepeatPolicy, SendTo, StepType } from './journey.types.js';

/** One description per step field, shared by the object partners read and the input they send. */
const STEP_DOCS = {
  id: 'Id unique within the journey, chosen by the builder (e.g. "email-1"): 1–64 letters, digits, "-" or "_".',
  type: 'What the step does.',
  label: 'Label shown on the canvas, at most 80 characters.',
  next: 'Send and wait steps: the following step; null ends the journey.',
  yes: 'Branches: the step when the condition holds (IF_THEN: the interaction or trigger happened in time).',
  no: 'Branches: the step when it does not.',
  contentId: 'Send steps: the content to send; its channel must match the step.',
  sendTo: 'Email and text steps: which address to use.',
  branchStepId: 'If/then: the earlier message step to watch.',
  interactionTriggerKey: 'If/then: the interaction trigger key to wait for, e.g. `email_opened`; its channel must match the watched step.',
  waitTriggerId:
    'If/then waiting for a trigger: the custom or business trigger to wait for (Ready to use, not hidden). Set either this or `branchStepId` + `interactionTriggerKey`, not both.',
  withinSeconds: 'If/then: time limit in seconds (1 minute to 90 days).',
  attribute: 'Attribute branch: the start-trigger attribute compared.',
  comparator: 'Attribute branch: how it is compared (typed by the attribute).',
  values: 'Attribute branch: value(s) to compare with (two for BETWEEN).',
  waitSeconds: 'Wait: seconds to wait.',
  waitUntil: 'Wait: until this date and time.',
} as const;

/** One description per definition field, shared by the object and the input. */
const DEFINITION_DOCS = {
  startTriggerId: 'The trigger that starts the journey: a custom or business trigger, Ready to use and not hidden.',
  startTriggerVersion: 'The pinned version of the start trigger; the latest when null. It must be usable (saved over an hour ago).',
  repeatPolicy: 'Whether customers may repeat the journey.',
  repeatAfterSeconds: 'With AFTER: seconds between entries of one customer.',
  startAt: 'Customers start only for trigger events after this time.',
  endAt: 'Optional end, after the start.',
  goalTriggerId: 'Goal: the trigger that counts as success.',
  goalPercent: 'Goal: target percentage of customers, 1–100.',
  ignoreFrequencyCap: 'Send even when a channel’s frequency cap for the recipient is reached (transactional journeys). Default false.',
  exitTriggerIds: 'Triggers that take a customer out of the journey (custom or business), at most 20.',
  firstStepId: 'Id of the first step.',
  steps: 'The steps (at most 100), linked by id.',
} as const;

/** Fields shared by the step object and its input; declared once, decorated twice. */
@ObjectType('JourneyStep', { description: 'One journey step. Steps link by id: `next` after linear steps, `yes`/`no` after branches.' })
export class JourneyStepObject {
  @Field(() => String, { description: STEP_DOCS.id })
  id!: string;

  @Field(() => StepType, { description: STEP_DOCS.type })
  type!: StepType;

  @Field(() => String, { nullable: true, description: STEP_DOCS.label })
  label!: string | null;

  @Field(() => String, { nullable: true, description: STEP_DOCS.next })
  next!: string | null;

  @Field(() => String, { nullable: true, description: STEP_DOCS.yes })
  yes!: string | null;

  @Field(() => String, { nullable: true, description: STEP_DOCS.no })
  no!: string | null;

  @Field(() => ID, { nullable: true, description: STEP_DOCS.contentId })
  contentId!: string | null;

  @Field(() => SendTo, { nullable: true, description: STEP_DOCS.sendTo })
  sendTo!: SendTo | null;

  @Field(() => String, { nullable: true, description: STEP_DOCS.branchStepId })
  branchStepId!: string | null;

  @Field(() => String, { nullable: true, description: STEP_DOCS.interactionTriggerKey })
  interactionTriggerKey!: string | null;

  @Field(() => ID, { nullable: true, description: STEP_DOCS.waitTriggerId })
  waitTriggerId!: string | null;

  @Field(() => Int, { nullable: true, description: STEP_DOCS.withinSeconds })
  withinSeconds!: number | null;

  @Field(() => String, { nullable: true, description: STEP_DOCS.attribute })
  attribute!: string | null;

  @Field(() => Comparator, { nullable: true, description: STEP_DOCS.comparator })
  comparator!: Comparator | null;

  @Field(() => [String], { nullable: true, description: STEP_DOCS.values })
  values!: string[] | null;

  @Field(() => Int, { nullable: true, description: STEP_DOCS.waitSeconds })
  waitSeconds!: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: STEP_DOCS.waitUntil })
  waitUntil!: string | null;
}

@ObjectType('JourneyDefinition', { description: 'Everything a journey does, typed: start, repeat, dates, goal, exits and steps.' })
export class JourneyDefinitionObject {
  @Field(() => ID, { nullable: true, description: DEFINITION_DOCS.startTriggerId })
  startTriggerId!: string | null;

  @Field(() => Int, { nullable: true, description: DEFINITION_DOCS.startTriggerVersion })
  startTriggerVersion!: number | null;

  @Field(() => RepeatPolicy, { description: DEFINITION_DOCS.repeatPolicy })
  repeatPolicy!: RepeatPolicy;

  @Field(() => Int, { nullable: true, description: DEFINITION_DOCS.repeatAfterSeconds })
  repeatAfterSeconds!: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: DEFINITION_DOCS.startAt })
  startAt!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: DEFINITION_DOCS.endAt })
  endAt!: string | null;

  @Field(() => ID, { nullable: true, description: DEFINITION_DOCS.goalTriggerId })
  goalTriggerId!: string | null;

  @Field(() => Int, { nullable: true, description: DEFINITION_DOCS.goalPercent })
  goalPercent!: number | null;

  @Field(() => [ID], { description: DEFINITION_DOCS.exitTriggerIds })
  exitTriggerIds!: string[];

  @Field(() => String, { nullable: true, description: DEFINITION_DOCS.firstStepId })
  firstStepId!: string | null;

  @Field(() => [JourneyStepObject], { description: DEFINITION_DOCS.steps })
  steps!: JourneyStepObject[];

  @Field(() => Boolean, { description: DEFINITION_DOCS.ignoreFrequencyCap })
  ignoreFrequencyCap!: boolean;
}

@InputType({ description: 'One journey step (see JourneyStep).' })
export class JourneyStepInput {
  @Field(() => String, { description: STEP_DOCS.id }) id!: string;
  @Field(() => StepType, { description: STEP_DOCS.type }) type!: StepType;
  @Field(() => String, { nullable: true, description: STEP_DOCS.label }) label?: string | null;
  @Field(() => String, { nullable: true, description: STEP_DOCS.next }) next?: string | null;
  @Field(() => String, { nullable: true, description: STEP_DOCS.yes }) yes?: string | null;
  @Field(() => String, { nullable: true, description: STEP_DOCS.no }) no?: string | null;
  @Field(() => ID, { nullable: true, description: STEP_DOCS.contentId }) contentId?: string | null;
  @Field(() => SendTo, { nullable: true, description: STEP_DOCS.sendTo }) sendTo?: SendTo | null;
  @Field(() => String, { nullable: true, description: STEP_DOCS.branchStepId }) branchStepId?: string | null;
  @Field(() => String, { nullable: true, description: STEP_DOCS.interactionTriggerKey }) interactionTriggerKey?: string | null;
  @Field(() => ID, { nullable: true, description: STEP_DOCS.waitTriggerId }) waitTriggerId?: string | null;
  @Field(() => Int, { nullable: true, description: STEP_DOCS.withinSeconds }) withinSeconds?: number | null;
  @Field(() => String, { nullable: true, description: STEP_DOCS.attribute }) attribute?: string | null;
  @Field(() => Comparator, { nullable: true, description: STEP_DOCS.comparator }) comparator?: Comparator | null;
  @Field(() => [String], { nullable: true, description: STEP_DOCS.values }) values?: string[] | null;
  @Field(() => Int, { nullable: true, description: STEP_DOCS.waitSeconds }) waitSeconds?: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: STEP_DOCS.waitUntil }) waitUntil?: Date | null;
}

@InputType({ description: 'A journey definition (see JourneyDefinition).' })
export class JourneyDefinitionInput {
  @Field(() => ID, { nullable: true, description: DEFINITION_DOCS.startTriggerId }) startTriggerId?: string | null;
  @Field(() => Int, { nullable: true, description: DEFINITION_DOCS.startTriggerVersion }) startTriggerVersion?: number | null;
  @Field(() => RepeatPolicy, { defaultValue: RepeatPolicy.NOT_ALLOWED, description: DEFINITION_DOCS.repeatPolicy }) repeatPolicy!: RepeatPolicy;
  @Field(() => Int, { nullable: true, description: DEFINITION_DOCS.repeatAfterSeconds }) repeatAfterSeconds?: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: DEFINITION_DOCS.startAt }) startAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: DEFINITION_DOCS.endAt }) endAt?: Date | null;
  @Field(() => ID, { nullable: true, description: DEFINITION_DOCS.goalTriggerId }) goalTriggerId?: string | null;
  @Field(() => Int, { nullable: true, description: DEFINITION_DOCS.goalPercent }) goalPercent?: number | null;
  @Field(() => [ID], { defaultValue: [], description: DEFINITION_DOCS.exitTriggerIds }) exitTriggerIds!: string[];
  @Field(() => String, { nullable: true, description: DEFINITION_DOCS.firstStepId }) firstStepId?: string | null;
  @Field(() => [JourneyStepInput], { defaultValue: [], description: DEFINITION_DOCS.steps }) steps!: JourneyStepInput[];
  @Field(() => Boolean, { defaultValue: false, description: DEFINITION_DOCS.ignoreFrequencyCap }) ignoreFrequencyCap?: boolean;
}

@ObjectType('JourneyProblem', { description: 'One reason a journey cannot be published.' })
export class JourneyProblemObject {
  @Field(() => String, { description: 'Stable code, e.g. CONTENT_NOT_READY, CYCLE, START_VERSION_NOT_USABLE.' }) code!: string;
  @Field(() => String, { description: 'Readable explanation.' }) message!: string;
  @Field(() => String, { nullable: true, description: 'The step concerned, if any.' }) stepId!: string | null;
  @Field(() => String, { nullable: true, description: 'The field concerned, if any.' }) field!: string | null;
}

@ObjectType({ description: 'Result of validating a journey without publishing it.' })
export class JourneyValidation {
  @Field(() => Boolean, { description: 'True when it can be published now.' }) valid!: boolean;
  @Field(() => [JourneyProblemObject], { description: 'Every problem, each with its step.' }) problems!: JourneyProblemObject[];
}
