import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Comparator } from '../triggers/trigger.types.js';
import { RepeatPolicy, SendTo, StepType } from './journey.types.js';

/** Fields shared by the step object and its input; declared once, decorated twice. */
@ObjectType('JourneyStep', { description: 'One journey step. Steps link by id: `next` after linear steps, `yes`/`no` after branches.' })
export class JourneyStepObject {
  @Field(() => String, { description: 'Id unique within the journey, chosen by the builder (e.g. "email-1").' })
  id!: string;

  @Field(() => StepType, { description: 'What the step does.' })
  type!: StepType;

  @Field(() => String, { nullable: true, description: 'Label shown on the canvas.' })
  label!: string | null;

  @Field(() => String, { nullable: true, description: 'Send and wait steps: the following step; null ends the journey.' })
  next!: string | null;

  @Field(() => String, { nullable: true, description: 'Branches: the step when the condition holds.' })
  yes!: string | null;

  @Field(() => String, { nullable: true, description: 'Branches: the step when it does not.' })
  no!: string | null;

  @Field(() => ID, { nullable: true, description: 'Send steps: the content to send.' })
  contentId!: string | null;

  @Field(() => SendTo, { nullable: true, description: 'Email and text steps: which address to use.' })
  sendTo!: SendTo | null;

  @Field(() => String, { nullable: true, description: 'If/then: the earlier message step to watch.' })
  branchStepId!: string | null;

  @Field(() => String, { nullable: true, description: 'If/then: the interaction trigger key to wait for, e.g. `email_opened`.' })
  interactionTriggerKey!: string | null;

  @Field(() => Int, { nullable: true, description: 'If/then: time limit in seconds (up to 90 days).' })
  withinSeconds!: number | null;

  @Field(() => String, { nullable: true, description: 'Attribute branch: the start-trigger attribute compared.' })
  attribute!: string | null;

  @Field(() => Comparator, { nullable: true, description: 'Attribute branch: how it is compared (typed by the attribute).' })
  comparator!: Comparator | null;

  @Field(() => [String], { nullable: true, description: 'Attribute branch: value(s) to compare with (two for BETWEEN).' })
  values!: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Wait: seconds to wait.' })
  waitSeconds!: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Wait: until this date and time.' })
  waitUntil!: string | null;
}

@ObjectType('JourneyDefinition', { description: 'Everything a journey does, typed: start, repeat, dates, goal, exits and steps.' })
export class JourneyDefinitionObject {
  @Field(() => ID, { nullable: true, description: 'The trigger that starts the journey.' })
  startTriggerId!: string | null;

  @Field(() => Int, { nullable: true, description: 'The pinned version of the start trigger; the latest when null.' })
  startTriggerVersion!: number | null;

  @Field(() => RepeatPolicy, { description: 'Whether customers may repeat the journey.' })
  repeatPolicy!: RepeatPolicy;

  @Field(() => Int, { nullable: true, description: 'With AFTER: seconds between entries of one customer.' })
  repeatAfterSeconds!: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Customers start only for trigger events after this time.' })
  startAt!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Optional end.' })
  endAt!: string | null;

  @Field(() => ID, { nullable: true, description: 'Goal: the trigger that counts as success.' })
  goalTriggerId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Goal: target percentage of customers, 1–100.' })
  goalPercent!: number | null;

  @Field(() => [ID], { description: 'Triggers that take a customer out of the journey.' })
  exitTriggerIds!: string[];

  @Field(() => String, { nullable: true, description: 'Id of the first step.' })
  firstStepId!: string | null;

  @Field(() => [JourneyStepObject], { description: 'The steps (at most 100), linked by id.' })
  steps!: JourneyStepObject[];
}

@InputType({ description: 'One journey step (see JourneyStep).' })
export class JourneyStepInput {
  @Field(() => String, { description: 'Id unique within the journey.' }) id!: string;
  @Field(() => StepType, { description: 'What the step does.' }) type!: StepType;
  @Field(() => String, { nullable: true, description: 'Label.' }) label?: string | null;
  @Field(() => String, { nullable: true, description: 'Following step.' }) next?: string | null;
  @Field(() => String, { nullable: true, description: 'Branch: step when true.' }) yes?: string | null;
  @Field(() => String, { nullable: true, description: 'Branch: step when false.' }) no?: string | null;
  @Field(() => ID, { nullable: true, description: 'Content to send.' }) contentId?: string | null;
  @Field(() => SendTo, { nullable: true, description: 'Address to use.' }) sendTo?: SendTo | null;
  @Field(() => String, { nullable: true, description: 'If/then: watched message step.' }) branchStepId?: string | null;
  @Field(() => String, { nullable: true, description: 'If/then: interaction trigger key.' }) interactionTriggerKey?: string | null;
  @Field(() => Int, { nullable: true, description: 'If/then: time limit in seconds.' }) withinSeconds?: number | null;
  @Field(() => String, { nullable: true, description: 'Attribute branch: attribute.' }) attribute?: string | null;
  @Field(() => Comparator, { nullable: true, description: 'Attribute branch: comparator.' }) comparator?: Comparator | null;
  @Field(() => [String], { nullable: true, description: 'Attribute branch: values.' }) values?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Wait: seconds.' }) waitSeconds?: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Wait: until.' }) waitUntil?: Date | null;
}

@InputType({ description: 'A journey definition (see JourneyDefinition).' })
export class JourneyDefinitionInput {
  @Field(() => ID, { nullable: true, description: 'Start trigger.' }) startTriggerId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Pinned start trigger version.' }) startTriggerVersion?: number | null;
  @Field(() => RepeatPolicy, { defaultValue: RepeatPolicy.NOT_ALLOWED, description: 'Repeat policy.' }) repeatPolicy!: RepeatPolicy;
  @Field(() => Int, { nullable: true, description: 'Repeat after seconds.' }) repeatAfterSeconds?: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Start date and time.' }) startAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'End date and time.' }) endAt?: Date | null;
  @Field(() => ID, { nullable: true, description: 'Goal trigger.' }) goalTriggerId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Goal percentage.' }) goalPercent?: number | null;
  @Field(() => [ID], { defaultValue: [], description: 'Exit triggers.' }) exitTriggerIds!: string[];
  @Field(() => String, { nullable: true, description: 'First step id.' }) firstStepId?: string | null;
  @Field(() => [JourneyStepInput], { defaultValue: [], description: 'Steps.' }) steps!: JourneyStepInput[];
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
