import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Workspace } from '../workspaces/workspace.entity.js';
import { ContentChannel, ContentState } from './content.types.js';

@Entity({ name: 'content_items' })
@Index('content_items_workspace_idx', ['workspaceId', 'createdAt'])
@ObjectType({ description: 'A message journeys send: an email, a text message or a push notification. Templates use {{ trigger.<attribute> }} and {{ contact.<field> }}.' })
export class ContentItem {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @Column({ type: 'text' })
  @Field(() => ContentChannel, { description: 'Email, text message or push.' })
  channel!: ContentChannel;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Name shown in pickers, e.g. “Initial email reminder”.' })
  name!: string;

  @Column({ type: 'text' })
  @Field(() => ContentState, { description: 'DRAFT or READY_TO_SEND.' })
  state!: ContentState;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Increases with every save; send it as `baseRevision` when editing.' })
  revision!: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email: subject (template).' })
  subject!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email: sender name.' })
  senderName!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email: HTML body (template; values escaped unless `| raw`).' })
  htmlBody!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email: plain-text fallback (template).' })
  textBody!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Text message or push: body (template). Text messages up to 1,600 characters.' })
  body!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Push: title (template).' })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Push: optional link opened on tap.' })
  link!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When it was last saved.' })
  updatedAt!: Date;
}
