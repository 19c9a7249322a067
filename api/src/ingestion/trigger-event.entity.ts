import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every event that reached the ingestion endpoint, accepted or rejected (with reasons), for the live debugger
 * and the journey runtime. Written only by the ingestion hot path with plain SQL; this entity defines the table.
 */
@Entity({ name: 'trigger_events' })
@Index('trigger_events_message_key', ['workspaceId', 'messageId'], { unique: true, where: '"message_id" IS NOT NULL' })
@Index('trigger_events_trigger_idx', ['triggerId', 'receivedAt'])
@Index('trigger_events_workspace_idx', ['workspaceId', 'receivedAt'])
// A customer's timeline: (workspace_id, customer_id, received_at DESC, id DESC) WHERE customer_id IS NOT NULL, in the EventCustomers migration.
@Index('trigger_events_customer_idx', { synchronize: false })
export class TriggerEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'uuid', nullable: true })
  triggerId!: string | null;

  @Column({ type: 'text' })
  triggerKey!: string;

  @Column({ type: 'int', nullable: true })
  triggerVersion!: number | null;

  @Column({ type: 'uuid', nullable: true })
  ingestionKeyId!: string | null;

  @Column({ type: 'text', nullable: true })
  messageId!: string | null;

  @Column({ type: 'text', nullable: true })
  authId!: string | null;

  @Column({ type: 'text', nullable: true })
  contactpointEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  contactpointPhone!: string | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz', precision: 3 })
  occurredAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  receivedAt!: Date;

  @Column({ type: 'boolean' })
  accepted!: boolean;

  @Column({ type: 'jsonb' })
  reasons!: { code: string; field: string | null; message: string }[];

  @Column({ type: 'boolean' })
  test!: boolean;

  /** The customer the event resolved to (by authId and the trigger version's identity), set when it was stored. */
  @Column({ type: 'uuid', nullable: true })
  customerId!: string | null;
}
