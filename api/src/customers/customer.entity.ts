import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Workspace } from '../workspaces/workspace.entity.js';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CustomerIdentity } from '../triggers/trigger.types.js';
import { CustomerSource } from './customer.types.js';

/**
 * A person Flare can send to: a contact, lead or profile, found by the id events carry as `authId`.
 * `workspace_id` leads every key so the table can later be distributed by workspace.
 */
@Entity({ name: 'customers' })
@Unique('customers_auth_id_key', ['workspaceId', 'kind', 'authId'])
@Index('customers_created_idx', ['workspaceId', 'createdAt', 'id'])
// Prefix-search indexes (text_pattern_ops, lower()) live in the CustomerSearch migration; TypeORM leaves them alone.
@Index('customers_email_prefix_idx', { synchronize: false })
@Index('customers_phone_prefix_idx', { synchronize: false })
@Index('customers_auth_id_prefix_idx', { synchronize: false })
@Index('customers_first_name_prefix_idx', { synchronize: false })
@Index('customers_last_name_prefix_idx', { synchronize: false })
@ObjectType({ description: 'A contact, lead or profile: the person journeys send to.' })
export class Customer {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column({ type: 'text' })
  @Field(() => CustomerIdentity, { description: 'CONTACT, LEAD or PROFILE: the identity triggers name.' })
  kind!: CustomerIdentity;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The external id events carry as `authId`; unique per workspace and kind.' })
  authId!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email address, lower-cased.' })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Phone number in E.164 form, e.g. +442079460958.' })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'First name.' })
  firstName!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Last name.' })
  lastName!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Preferred language as a BCP 47 tag, e.g. en-GB.' })
  locale!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin; quiet hours and send times use it.' })
  timeZone!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Address, first line.' })
  addressLine1!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Address, second line.' })
  addressLine2!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'City.' })
  city!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Region, state or county.' })
  region!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Country as an ISO 3166-1 alpha-2 code, e.g. GB.' })
  country!: string | null;

  @Column({ type: 'jsonb' })
  @Field(() => GraphQLJSONObject, { description: 'Values of the workspace’s custom fields (see `customerFields`), by field name.' })
  fields!: Record<string, unknown>;

  @Column({ type: 'text' })
  @Field(() => CustomerSource, { description: 'Where the record was created.' })
  source!: CustomerSource;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the record was created.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the record last changed.' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the customer was erased (right to be forgotten); personal data is gone.' })
  erasedAt!: Date | null;
}
