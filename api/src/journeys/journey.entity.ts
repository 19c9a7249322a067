import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Workspace } from '../workspaces/workspace.entity.js';
import { JourneyStatus, readDefinition, type JourneyDefinition } from './journey.types.js';

@Entity({ name: 'journeys' })
@Index('journeys_workspace_idx', ['workspaceId', 'createdAt'])
@ObjectType({ description: 'A trigger-based customer journey. Drafts are editable; a published (LIVE) journey is immutable.' })
export class Journey {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Description.' })
  description!: string;

  @Column({ type: 'text' })
  @Field(() => JourneyStatus, { description: 'DRAFT, LIVE or STOPPED.' })
  status!: JourneyStatus;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Increases with every save of a draft; send it as `baseRevision` when editing.' })
  revision!: number;

  /** The typed definition (see JourneyDefinition in the schema); documents stored before a step field existed read it as null. */
  @Column({ type: 'jsonb', transformer: { from: (stored: JourneyDefinition) => readDefinition(stored), to: (definition: JourneyDefinition) => definition } })
  definition!: JourneyDefinition;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The journey this one was duplicated from.' })
  duplicatedFromId!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was published.' })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was stopped.' })
  stoppedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When it was last saved.' })
  updatedAt!: Date;
}
