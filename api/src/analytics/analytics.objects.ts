import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ContentChannel } from '../content/content.types.js';

export enum AnalyticsGranularity {
  HOUR = 'HOUR',
  DAY = 'DAY',
}
registerEnumType(AnalyticsGranularity, {
  name: 'AnalyticsGranularity',
  description: 'How a time series is bucketed (UTC).',
  valuesConfig: { HOUR: { description: 'One point per UTC hour (at most 93 days).' }, DAY: { description: 'One point per UTC day (at most 10 years).' } },
});

@InputType({ description: 'The time series’ window and bucket size.' })
export class AnalyticsRangeInput {
  @Field(() => GraphQLISODateTime, { description: 'Start (rounded down to the bucket).' }) from!: Date;
  @Field(() => GraphQLISODateTime, { description: 'End, exclusive (rounded up to the bucket).' }) to!: Date;
  @Field(() => AnalyticsGranularity, { description: 'Hourly or daily points.' }) granularity!: AnalyticsGranularity;
}

@ObjectType({ description: 'A count for one reason.' })
export class AnalyticsReasonCount {
  @Field(() => String, { description: 'The stable reason code (an exit, refusal, block or failure reason).' }) reason!: string;
  @Field(() => Int, { description: 'How many.' }) count!: number;
}

@ObjectType({ description: 'A journey’s numbers since it went live.' })
export class JourneyAnalyticsTotals {
  @Field(() => Int, { description: 'Runs started (repeat entries count again).' }) entered!: number;
  @Field(() => Int, { description: 'Unique customers who entered.' }) customers!: number;
  @Field(() => Int, { description: 'Runs in the journey now (moving or waiting).' }) active!: number;
  @Field(() => Int, { description: 'Of the active runs, those waiting for a time, an interaction or a trigger.' }) waiting!: number;
  @Field(() => Int, { description: 'Runs that reached the end of their path.' }) completed!: number;
  @Field(() => Int, { description: 'Runs ended early by an exit trigger or the customer’s erasure.' }) exited!: number;
  @Field(() => [AnalyticsReasonCount], { description: 'Exited runs by reason (EXIT_TRIGGER, CUSTOMER_ERASED).' }) exitedByReason!: AnalyticsReasonCount[];
  @Field(() => Int, { description: 'Runs ended by stopping the journey.' }) stopped!: number;
  @Field(() => Int, { description: 'Runs ended by an unexpected error.' }) failed!: number;
  @Field(() => Int, { description: 'Start-trigger events that did not enrol.' }) refused!: number;
  @Field(() => [AnalyticsReasonCount], { description: 'Refused entries by reason (an EntryRefusal).' }) refusedByReason!: AnalyticsReasonCount[];
  @Field(() => Int, { description: 'Unique customers who reached the goal (a customer reaching it in two runs counts once).' }) goalReached!: number;
  @Field(() => Float, { nullable: true, description: 'Goal reached as a percentage of unique customers who entered (null before anyone entered).' })
  goalPercent!: number | null;
  @Field(() => Float, { nullable: true, description: 'The journey’s goal target, in percent (null: no target set).' }) goalTarget!: number | null;
}

@ObjectType({ description: 'A tile’s flow: inflow = processing + processed + exited, exactly.' })
export class JourneyTileAnalytics {
  @Field(() => String, { description: 'The step.' }) stepId!: string;
  @Field(() => Int, { description: 'Runs that reached the step.' }) inflow!: number;
  @Field(() => Int, { description: 'Runs at the step now (moving or waiting): inflow − processed − exited.' }) processing!: number;
  @Field(() => Int, { description: 'Runs that passed on from the step.' }) processed!: number;
  @Field(() => Int, { description: 'Runs that ended at the step early (exit trigger, erasure, stop, failure).' }) exited!: number;
  @Field(() => [AnalyticsReasonCount], { description: 'Exits at the step by reason (EXIT_TRIGGER, CUSTOMER_ERASED, JOURNEY_STOPPED, FAILED).' })
  exitedByReason!: AnalyticsReasonCount[];
}

@ObjectType({ description: 'A message step’s delivery funnel. Each message counts once per measure (unique per run).' })
export class JourneyMessageAnalytics {
  @Field(() => String, { description: 'The step.' }) stepId!: string;
  @Field(() => ContentChannel, { description: 'EMAIL, TEXT or PUSH.' }) channel!: ContentChannel;
  @Field(() => Int, { description: 'Messages queued (rendered, or blocked at once).' }) queued!: number;
  @Field(() => Int, { description: 'Messages the channel took.' }) sent!: number;
  @Field(() => Int, { description: 'Messages held now for quiet hours (sent when the window ends; the frequency cap is checked again then).' }) held!: number;
  @Field(() => Int, { description: 'Messages waiting now to be tried again after a transient failure.' }) retrying!: number;
  @Field(() => Int, { description: 'Messages delivered.' }) delivered!: number;
  @Field(() => Int, { description: 'Messages opened at least once (unique), machine opens included.' }) opened!: number;
  @Field(() => Int, { description: 'Messages opened at least once by a person: opens flagged as machine opens (privacy proxies) are left out.' })
  openedHuman!: number;
  @Field(() => Int, { description: 'Messages clicked at least once (unique).' }) clicked!: number;
  @Field(() => Int, { description: 'Messages bounced.' }) bounced!: number;
  @Field(() => Int, { description: 'Messages blocked by policy (consent, no address, caps…).' }) blocked!: number;
  @Field(() => [AnalyticsReasonCount], { description: 'Blocked messages by reason.' }) blockedByReason!: AnalyticsReasonCount[];
  @Field(() => Int, { description: 'Messages the channel could not deliver.' }) failed!: number;
  @Field(() => [AnalyticsReasonCount], { description: 'Failed messages by reason.' }) failedByReason!: AnalyticsReasonCount[];
  @Field(() => Int, { description: 'Messages not sent because the run ended first.' }) cancelled!: number;
  @Field(() => Float, { nullable: true, description: 'delivered / sent (null when nothing was sent).' }) deliveryRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'opened / delivered (null when nothing was delivered).' }) openRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'clicked / delivered (null when nothing was delivered).' }) clickRate!: number | null;
}

@ObjectType({ description: 'What happened in one hour or day.' })
export class JourneyAnalyticsPoint {
  @Field(() => GraphQLISODateTime, { description: 'The bucket’s start (UTC).' }) at!: Date;
  @Field(() => Int, { description: 'Runs started.' }) entered!: number;
  @Field(() => Int, { description: 'Runs completed.' }) completed!: number;
  @Field(() => Int, { description: 'Runs exited.' }) exited!: number;
  @Field(() => Int, { description: 'Customers who reached the goal for the first time.' }) goalReached!: number;
  @Field(() => Int, { description: 'Entries refused.' }) refused!: number;
  @Field(() => Int, { description: 'Messages sent.' }) sent!: number;
  @Field(() => Int, { description: 'Messages delivered.' }) delivered!: number;
  @Field(() => Int, { description: 'Messages first opened.' }) opened!: number;
  @Field(() => Int, { description: 'Messages first clicked.' }) clicked!: number;
}

@ObjectType({ description: 'How a journey performs, read from rollups kept as runs move (milliseconds whatever the number of runs).' })
export class JourneyAnalytics {
  @Field(() => ID, { description: 'The journey.' }) journeyId!: string;
  @Field(() => JourneyAnalyticsTotals, { description: 'The journey’s totals since it went live.' }) totals!: JourneyAnalyticsTotals;
  @Field(() => [JourneyTileAnalytics], { description: 'Per tile, in the definition’s order, since the journey went live.' }) tiles!: JourneyTileAnalytics[];
  @Field(() => [JourneyMessageAnalytics], { description: 'Per message step, in the definition’s order, since the journey went live.' })
  messages!: JourneyMessageAnalytics[];
  @Field(() => [JourneyAnalyticsPoint], { description: 'The range’s time series, one point per bucket (zeros included).' }) series!: JourneyAnalyticsPoint[];
}
