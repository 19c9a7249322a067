import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Workspace } from '../workspaces/workspace.entity.js';
import { TriggerCategory, TriggerKind, TriggerStatus } from './trigger.types.js';

/**
 * A trigger's identity and current state. Its content lives in immutable `TriggerVersion`s; the title and
 * category are copied here from the latest version for uniqueness, search and filtering.
 */
@Entity({ name: 'triggers' })
@Index('triggers_workspace_key_key', ['workspaceId', 'key'], { unique: true })
@Index('triggers_visible_title_key', ['workspaceId', 'titleNormalized'], { unique: true, where: '"hidden_at" IS NULL' })
@Index('triggers_workspace_sort_idx', ['workspaceId', 'titleNormalized', 'id'])
@ObjectType({ description: 'A trigger in the catalog: custom (defined by your team) or out-of-box (interaction or business).' })
export class Trigger {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Immutable machine key used in code and events, e.g. `order_placed`.' })
  key!: string;

  @Column({ type: 'text' })
  @Field(() => TriggerKind, { description: 'Custom, or out-of-box interaction / business trigger.' })
  kind!: TriggerKind;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Title of the latest version; unique among the workspace’s visible triggers.' })
  title!: string;

  /** lower(trim(title)): the uniqueness and sort key. */
  @Column({ type: 'text' })
  titleNormalized!: string;

  @Column({ type: 'text' })
  @Field(() => TriggerCategory, { description: 'Category of the latest version.' })
  category!: TriggerCategory;

  @Column({ type: 'text' })
  @Field(() => TriggerStatus, { description: 'Verification status: whether valid events have arrived.' })
  status!: TriggerStatus;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Number of the latest version; send it as `baseVersion` when editing.' })
  latestVersion!: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the trigger was hidden (irreversible); null while visible.' })
  hiddenAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the first valid event arrived and the trigger became Ready to use.' })
  readyAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the trigger was created.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the latest version was saved.' })
  updatedAt!: Date;
}
