import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { CustomerFieldType } from './customer.types.js';

/** A custom customer field defined by a workspace (typed like trigger attributes). */
@Entity({ name: 'customer_fields' })
@ObjectType({ description: 'A custom field every customer of the workspace may have.' })
export class CustomerField {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'Name used in the API, imports and templates (`{{ contact.<name> }}`).' })
  name!: string;

  @Column({ type: 'text' })
  @Field(() => CustomerFieldType, { description: 'Data type; values are checked against it.' })
  type!: CustomerFieldType;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Label shown in the admin app.' })
  label!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When it was defined.' })
  createdAt!: Date;
}
