import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { ExitReason, RunStatus, WaitKind } from './run.types.js';

/**
 * One customer's way through a live journey. The row is its own timer: `wake_at` says when an executor
 * should look at it next (a wait's end, now when something it waited for happened, or the end of a lease),
 * and `version` fences every transition. No foreign keys: enrolment is on the ingestion hot path.
 */
@Entity({ name: 'journey_runs' })
// At most one run still in the journey per customer and binding (repeat policies build on this).
@Index('journey_runs_open_key', ['workspaceId', 'journeyId', 'customerId', 'bindingType', 'bindingId'], { unique: true, where: `"status" IN ('ACTIVE', 'WAITING')` })
@Index('journey_runs_due_idx', ['wakeAt'], { where: `"status" IN ('ACTIVE', 'WAITING')` })
@Index('journey_runs_trigger_wait_idx', ['workspaceId', 'waitTriggerId', 'customerId'], { where: `"status" = 'WAITING' AND "wait_kind" = 'TRIGGER'` })
@Index('journey_runs_interaction_wait_idx', ['workspaceId', 'id'], { where: `"status" = 'WAITING' AND "wait_kind" = 'INTERACTION'` })
@Index('journey_runs_customer_idx', ['workspaceId', 'customerId', 'enteredAt'])
@Index('journey_runs_journey_idx', ['workspaceId', 'journeyId', 'enteredAt', 'id'])
@ObjectType({ description: 'One customer’s run through a live journey: where they are, what they wait for, how it ended.' })
export class JourneyRun {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column({ type: 'uuid' })
  @Field(() => ID, { description: 'The journey.' })
  journeyId!: string;

  @Column({ type: 'uuid' })
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Column({ type: 'text' })
  @Field(() => RunStatus, { description: 'ACTIVE, WAITING, COMPLETED, EXITED, STOPPED or FAILED.' })
  status!: RunStatus;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The step the run is at (the last one it was at, once ended).' })
  stepId!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the run reached its current step.' })
  stepStartedAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  wakeAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'While waiting: when the wait ends (the WAIT’s end or the IF_THEN’s time limit).' })
  timerAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => WaitKind, { nullable: true, description: 'While waiting: what for.' })
  waitKind!: WaitKind | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'While waiting for a trigger or an interaction: that trigger.' })
  waitTriggerId!: string | null;

  @Column({ type: 'text', nullable: true })
  waitStepId!: string | null;

  @Column({ type: 'boolean', default: false })
  waitMatched!: boolean;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The start event’s bindingId, as sent (e.g. cart/8812).' })
  binding!: string | null;

  @Column({ type: 'text', default: '' })
  bindingType!: string;

  @Column({ type: 'text', default: '' })
  bindingId!: string;

  @Column({ type: 'bigint', nullable: true })
  startEventId!: string | null;

  @Column({ type: 'int' })
  triggerVersion!: number;

  /** The start event's attributes: what messages personalise with and attribute branches compare. */
  @Column({ type: 'jsonb' })
  attributes!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  contactpointEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  contactpointPhone!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the customer entered.' })
  enteredAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the run ended.' })
  endedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => ExitReason, { nullable: true, description: 'Why the run ended early.' })
  endReason!: ExitReason | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'For FAILED runs: what went wrong.' })
  error!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the journey’s goal trigger happened for this run (while in it, or up to 3 days after it completed).' })
  goalReachedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  leaseOwner!: string | null;

  /** Bumped by every claim and every change from outside (a wake, an exit): a transition commits only on the version it read. */
  @Column({ type: 'int', default: 0 })
  version!: number;

  /** Claims since the last committed transition; a run that keeps failing is marked FAILED, never retried forever. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the run last changed.' })
  updatedAt!: Date;
}
