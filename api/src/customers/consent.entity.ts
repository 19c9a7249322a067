import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { ContentChannel } from '../content/content.types.js';
import { Customer } from './customer.entity.js';
import { ConsentModel, ConsentPurpose, ConsentStatus, CustomerSource } from './customer.types.js';

/** The current consent of a customer for one channel and purpose. Absent means UNKNOWN. */
@Entity({ name: 'customer_consents' })
export class CustomerConsent {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'workspace_id', referencedColumnName: 'workspaceId' },
    { name: 'customer_id', referencedColumnName: 'id' },
  ])
  customer?: Customer;

  @PrimaryColumn({ type: 'text' })
  channel!: ContentChannel;

  @PrimaryColumn({ type: 'text' })
  purpose!: ConsentPurpose;

  @Column({ type: 'text' })
  status!: ConsentStatus;

  @Column({ type: 'timestamptz', precision: 3 })
  changedAt!: Date;

  @Column({ type: 'text' })
  source!: CustomerSource;

  @Column({ type: 'text', nullable: true })
  contactPoint!: string | null;
}

/** Append-only history of consent changes (a database trigger refuses UPDATE and DELETE, except erasure). */
@Entity({ name: 'consent_changes' })
@Index('consent_changes_customer_idx', ['workspaceId', 'customerId', 'changedAt'])
@ObjectType({ description: 'One change of a customer’s consent: what, when, how and for which contact point.' })
export class ConsentChange {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'workspace_id', referencedColumnName: 'workspaceId' },
    { name: 'customer_id', referencedColumnName: 'id' },
  ])
  customer?: Customer;

  @Column({ type: 'text' })
  @Field(() => ContentChannel, { description: 'Email, text message or push.' })
  channel!: ContentChannel;

  @Column({ type: 'text' })
  @Field(() => ConsentPurpose, { description: 'Commercial or transactional.' })
  purpose!: ConsentPurpose;

  @Column({ type: 'text' })
  @Field(() => ConsentStatus, { description: 'The status it changed to.' })
  status!: ConsentStatus;

  @Column({ type: 'text' })
  @Field(() => CustomerSource, { description: 'How the change arrived.' })
  source!: CustomerSource;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The email, phone or app the consent was given for.' })
  contactPoint!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When it changed.' })
  changedAt!: Date;
}

/** How a workspace enforces consent on a channel; absent means the default (see DEFAULT_CONSENT_MODELS). */
@Entity({ name: 'consent_policies' })
export class ConsentPolicy {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'text' })
  channel!: ContentChannel;

  @Column({ type: 'text' })
  model!: ConsentModel;
}
