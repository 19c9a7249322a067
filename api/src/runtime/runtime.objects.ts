import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/connection.js';
import { Journey } from '../journeys/journey.entity.js';
import { JourneyRun } from './run.entity.js';
import { EntryRefusal, RunStatus } from './run.types.js';

@ObjectType({ description: 'A page of runs, newest first.' })
export class JourneyRunConnection extends Connection(JourneyRun, 'JourneyRun', 'run') {}

@InputType({ description: 'Narrows a journey’s runs.' })
export class JourneyRunFilter {
  @Field(() => [RunStatus], { nullable: true, description: 'Only runs in one of these statuses.' }) status?: RunStatus[] | null;
  @Field(() => ID, { nullable: true, description: 'Only this customer’s runs.' }) customerId?: string | null;
  @Field(() => String, { nullable: true, description: 'Only runs at (or, once ended, last at) this step.' }) stepId?: string | null;
}

@ObjectType({ description: 'How many runs a journey has, by status, and what happened to entries.' })
export class JourneyRunCounts {
  @Field(() => Int, { description: 'Runs started (customers who entered, counting repeats).' }) entered!: number;
  @Field(() => Int, { description: 'Runs moving now.' }) active!: number;
  @Field(() => Int, { description: 'Runs waiting for a time, an interaction or a trigger.' }) waiting!: number;
  @Field(() => Int, { description: 'Runs that reached the end of their path.' }) completed!: number;
  @Field(() => Int, { description: 'Runs ended by an exit trigger.' }) exited!: number;
  @Field(() => Int, { description: 'Runs ended by stopping the journey.' }) stopped!: number;
  @Field(() => Int, { description: 'Runs ended by an unexpected error: look at them (filter FAILED).' }) failed!: number;
  @Field(() => Int, { description: 'Unique customers whose goal trigger happened while in the journey or up to 3 days after completing it.' }) goalReached!: number;
  @Field(() => [EntryRefusalCount], { description: 'Start-trigger events that did not enrol, by reason.' }) refused!: EntryRefusalCount[];
}

@ObjectType({ description: 'Start-trigger events refused for one reason.' })
export class EntryRefusalCount {
  @Field(() => EntryRefusal, { description: 'Why.' }) reason!: EntryRefusal;
  @Field(() => Int, { description: 'How many.' }) count!: number;
}

@ObjectType({ description: 'Live counts on one tile of a journey.' })
export class JourneyStepCounts {
  @Field(() => String, { description: 'The step.' }) stepId!: string;
  @Field(() => Int, { description: 'Runs that reached it.' }) entered!: number;
  @Field(() => Int, { description: 'Runs at it now (moving or waiting).' }) waiting!: number;
  @Field(() => Int, { description: 'Runs that passed on from it.' }) passedOn!: number;
  @Field(() => Int, { description: 'Runs that ended at it early (exit trigger, stop, failure).' }) exited!: number;
}

@ObjectType({ description: 'Runs of a journey changed (coalesced: a few per second at most). Select the journey’s counts or reload the list.' })
export class JourneyRunsUpdate {
  @Field(() => Journey, { description: 'The journey.' }) journey!: Journey;
}

@InputType({ description: 'An interaction with a journey’s message reported by the channel (an email service’s open or click webhook, a push SDK’s open…).' })
export class RecordMessageInteractionInput {
  @Field(() => ID, { description: 'The message (interaction events carry it as `deliveryId`).' }) messageId!: string;
  @Field(() => String, {
    description:
      'The interaction trigger’s key, of the message’s channel: email_delivered, email_opened, email_clicked, email_bounced, text_delivered, text_clicked, push_delivered, push_opened.',
  })
  interaction!: string;
  @Field(() => String, { nullable: true, description: 'For clicks: the link (at most 2,000 characters).' }) url?: string | null;
  @Field(() => String, { nullable: true, description: 'For bounces: hard, soft… (at most 40 characters).' }) bounceType?: string | null;
}

@ObjectType({ description: 'The interaction was recorded (and raised as its interaction trigger).' })
export class RecordMessageInteractionPayload {
  @Field(() => ID, { description: 'The stored interaction event.' }) messageId!: string;
  @Field(() => [String], { description: 'The message’s interactions now.' }) interactions!: string[];
}
