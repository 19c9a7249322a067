import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { EntryRefusal } from './run.types.js';

/** Per journey and customer: when they last entered and when they may enter again (the repeat policy, locked per row). */
@Entity({ name: 'journey_entries' })
export class JourneyEntry {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  journeyId!: string;

  @PrimaryColumn({ type: 'uuid' })
  customerId!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  firstEnteredAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  lastEnteredAt!: Date;

  /** `infinity` when the journey lets each customer through once. */
  @Column({ type: 'timestamptz' })
  nextAllowedAt!: Date;

  @Column({ type: 'int' })
  entries!: number;
}

/** Append-only: an event of a start trigger that did not enrol its customer, and why. */
@Entity({ name: 'journey_entry_refusals' })
@Index('journey_entry_refusals_journey_idx', ['workspaceId', 'journeyId', 'at'])
export class JourneyEntryRefusal {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  journeyId!: string;

  @Column({ type: 'bigint' })
  eventId!: string;

  @Column({ type: 'uuid', nullable: true })
  customerId!: string | null;

  @Column({ type: 'text' })
  reason!: EntryRefusal;

  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;
}
