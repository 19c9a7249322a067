import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Hourly counts per journey (entered, ended by status and reason, waiting started/ended, unique customers who
 * entered or reached the goal, refused entries by reason), kept by statement triggers on the runtime's tables
 * (migration JourneyAnalytics). Read-only for the application.
 */
@Entity({ name: 'journey_stats_hourly' })
export class JourneyStatsHourly {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'journey_stats_hourly_pkey' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'journey_stats_hourly_pkey' })
  journeyId!: string;

  /** The UTC hour. */
  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'journey_stats_hourly_pkey' })
  bucket!: Date;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'journey_stats_hourly_pkey' })
  metric!: string;

  /** The end, refusal reason, or '' */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'journey_stats_hourly_pkey' })
  reason!: string;

  @Column({ type: 'bigint' })
  count!: string;
}

/** Hourly counts per step: the tile's inflow, processed and exits, and its message's delivery funnel. */
@Entity({ name: 'journey_step_stats_hourly' })
export class JourneyStepStatsHourly {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'journey_step_stats_hourly_pkey' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'journey_step_stats_hourly_pkey' })
  journeyId!: string;

  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'journey_step_stats_hourly_pkey' })
  bucket!: Date;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'journey_step_stats_hourly_pkey' })
  stepId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'journey_step_stats_hourly_pkey' })
  metric!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'journey_step_stats_hourly_pkey' })
  reason!: string;

  @Column({ type: 'bigint' })
  count!: string;
}

/** The set of customers who reached a journey's goal, with their first time: goal reached counts customers, not runs. */
@Entity({ name: 'journey_goal_customers' })
export class JourneyGoalCustomer {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'journey_goal_customers_pkey' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'journey_goal_customers_pkey' })
  journeyId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'journey_goal_customers_pkey' })
  customerId!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  reachedAt!: Date;
}
