import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { RunLogKind } from './run.types.js';

/** Append-only: every transition of every run, written in the transaction of the transition. */
@Entity({ name: 'journey_run_log' })
@Index('journey_run_log_run_idx', ['workspaceId', 'runId', 'id'])
@Index('journey_run_log_step_idx', ['workspaceId', 'journeyId', 'stepId', 'kind'])
@ObjectType({ description: 'One transition in a run’s step log.' })
export class JourneyRunLogEntry {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  @Field(() => ID, { description: 'Increasing within a run.' })
  id!: string;

  @Column({ type: 'uuid' })
  runId!: string;

  @Column({ type: 'uuid' })
  journeyId!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The step concerned (none for the run’s end).' })
  stepId!: string | null;

  @Column({ type: 'text' })
  @Field(() => RunLogKind, { description: 'What happened.' })
  kind!: RunLogKind;

  @Column({ type: 'jsonb' })
  @Field(() => GraphQLJSONObject, { description: 'Details: the branch path taken, the wait’s end, the exit trigger, the error…' })
  detail!: Record<string, unknown>;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When.' })
  at!: Date;
}
