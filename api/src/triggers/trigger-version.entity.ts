import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { ActorType } from '../audit/audit-entry.entity.js';
import type { Change } from './trigger-diff.rules.js';
import { Trigger } from './trigger.entity.js';
import { CustomerIdentity, TriggerCategory, type AllowedOperation, type AttributeDefinition } from './trigger.types.js';

/** One saved state of a trigger. Immutable: a database trigger refuses UPDATE and DELETE. */
@Entity({ name: 'trigger_versions' })
@Index('trigger_versions_trigger_number_key', ['triggerId', 'number'], { unique: true })
@ObjectType({ description: 'An immutable saved version of a trigger. Every edit creates the next one.' })
export class TriggerVersion {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier of this version.' })
  id!: string;

  @Column({ type: 'uuid' })
  triggerId!: string;

  @ManyToOne(() => Trigger, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trigger_id' })
  trigger?: Trigger;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Version number, 1 for the first.' })
  number!: number;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Title in this version.' })
  title!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Description in this version.' })
  description!: string;

  @Column({ type: 'text' })
  @Field(() => TriggerCategory, { description: 'Category in this version.' })
  category!: TriggerCategory;

  @Column({ type: 'text' })
  @Field(() => CustomerIdentity, { description: 'What `authId` identifies in this version.' })
  identity!: CustomerIdentity;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Where events come from (Website, App, API, Checkout…).' })
  source!: string;

  @Column({ type: 'jsonb' })
  attributes!: AttributeDefinition[];

  @Column({ type: 'jsonb' })
  allowedOperations!: AllowedOperation[];

  /** Differences from the previous version (empty for version 1). */
  @Column({ type: 'jsonb' })
  changes!: Change[];

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Whether this version breaks event senders of the previous one (removed attribute, type change, new required attribute…).' })
  breaking!: boolean;

  @Column({ type: 'text' })
  @Field(() => ActorType, { description: 'Kind of author.' })
  authorType!: ActorType;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Who saved it: the user’s email or the API key’s label.' })
  authorLabel!: string;

  /** Set from the injected clock (not the database) so the one-hour rules are testable. */
  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When this version was saved.' })
  createdAt!: Date;
}
