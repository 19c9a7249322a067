import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Trigger } from '../triggers/trigger.entity.js';
import { TriggerStatus } from '../triggers/trigger.types.js';

@ObjectType({ description: 'Why an event was rejected.' })
export class EventRejection {
  @Field(() => String, { description: 'Stable code, e.g. MISSING_ATTRIBUTE, UNKNOWN_TRIGGER, FUTURE_TIMESTAMP.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'The field concerned, e.g. `attributes.total`.' })
  field!: string | null;

  @Field(() => String, { description: 'Readable explanation.' })
  message!: string;
}

@ObjectType({ description: 'A recent rejected event.' })
export class RecentRejection {
  @Field(() => GraphQLISODateTime, { description: 'When it was received.' })
  at!: Date;

  @Field(() => [EventRejection], { description: 'Its reasons.' })
  reasons!: EventRejection[];
}

@ObjectType({ description: 'Verification of one trigger version.' })
export class VersionVerification {
  @Field(() => Int, { description: 'Version number.' })
  version!: number;

  @Field(() => TriggerStatus, { description: 'READY_TO_USE once a valid event for this version arrived.' })
  status!: TriggerStatus;

  @Field(() => Float, { description: 'Valid events received for this version.' })
  validCount!: number;

  @Field(() => Float, { description: 'Invalid events received for this version.' })
  invalidCount!: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'First event (valid or not).' })
  firstEventAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Latest event.' })
  lastEventAt!: Date | null;
}

@ObjectType({ description: 'Whether a trigger receives valid events: status, counters, first and last event, recent rejections.' })
export class TriggerVerification {
  @Field(() => ID, { description: 'The trigger.' })
  triggerId!: string;

  @Field(() => TriggerStatus, { description: 'AWAITING_FIRST_EVENT until the first valid event, then READY_TO_USE.' })
  status!: TriggerStatus;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it became ready.' })
  readyAt!: Date | null;

  @Field(() => Float, { description: 'Valid events, all versions.' })
  validCount!: number;

  @Field(() => Float, { description: 'Invalid events, all versions.' })
  invalidCount!: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'First event received.' })
  firstEventAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Latest event received.' })
  lastEventAt!: Date | null;

  @Field(() => [RecentRejection], { description: 'The latest rejections, newest first (at most 10).' })
  recentRejections!: RecentRejection[];

  @Field(() => [VersionVerification], { description: 'Per version, newest first.' })
  versions!: VersionVerification[];
}

@ObjectType({ description: 'One event as received, for the live debugger.' })
export class TriggerEventRecord {
  @Field(() => ID, { description: 'Event id.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The trigger, when the key matched one.' })
  triggerId!: string | null;

  @Field(() => String, { description: 'Trigger key as sent.' })
  triggerKey!: string;

  @Field(() => Int, { nullable: true, description: 'Version it was validated against.' })
  version!: number | null;

  @Field(() => Boolean, { description: 'Whether it was accepted.' })
  accepted!: boolean;

  @Field(() => [EventRejection], { description: 'Why it was rejected (empty when accepted).' })
  reasons!: EventRejection[];

  @Field(() => Boolean, { description: 'Sent by “send test event”.' })
  test!: boolean;

  @Field(() => String, { nullable: true, description: 'Sender’s idempotency key.' })
  messageId!: string | null;

  @Field(() => String, { nullable: true, description: 'The customer id sent.' })
  authId!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When it happened (corrected for clock skew).' })
  occurredAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When Flare received it.' })
  receivedAt!: Date;

  @Field(() => GraphQLJSONObject, { description: 'The event as sent (events over 32 KB are summarised).' })
  payload!: Record<string, unknown>;
}

@ObjectType({ description: 'A trigger’s readiness changed.' })
export class TriggerReadinessChange {
  @Field(() => Trigger, { description: 'The trigger, with its new status.' })
  trigger!: Trigger;
}

@ObjectType({ description: 'Result of sending a test event.' })
export class SendTestEventPayload {
  @Field(() => Boolean, { description: 'Whether the sample event was accepted.' })
  accepted!: boolean;

  @Field(() => [EventRejection], { description: 'Reasons, if rejected.' })
  reasons!: EventRejection[];

  @Field(() => GraphQLJSONObject, { description: 'The sample event that was sent.' })
  event!: Record<string, unknown>;
}
