import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { Customer } from './customer.entity.js';
import { DevicePlatform } from './customer.types.js';

/** A push device token of a customer, per app; a customer may have several. */
@Entity({ name: 'customer_devices' })
@ObjectType({ description: 'A push device token a customer’s app registered.' })
export class CustomerDevice {
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
  @Field(() => String, { description: 'The app it belongs to, e.g. com.example.shop.' })
  app!: string;

  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'The token the push service issued.' })
  token!: string;

  @Column({ type: 'text' })
  @Field(() => DevicePlatform, { description: 'iOS, Android or web push.' })
  platform!: DevicePlatform;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When it was registered.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When it was last reported.' })
  lastSeenAt!: Date;
}
