import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';

@Entity({ name: 'workspaces' })
@Index('workspaces_slug_key', ['slug'], { unique: true })
@ObjectType({ description: 'A tenant. Every trigger, journey, key and audit entry belongs to exactly one workspace.' })
export class Workspace {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier; send it as the `x-flare-workspace` header to act in this workspace.' })
  id!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'URL-friendly unique name.' })
  slug!: string;

  /** IANA zone for quiet hours when a customer's is unknown (or the channel reads the workspace's). */
  @Column({ type: 'text', default: 'UTC' })
  @Field(() => String, { description: 'IANA time zone of the workspace (default UTC): quiet hours are read in it when a customer has none.' })
  timeZone!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the workspace was created.' })
  createdAt!: Date;
}
