import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Workspace } from '../workspaces/workspace.entity.js';
import { ApiKeyScope } from '../auth/permissions.js';

@Entity({ name: 'api_keys' })
@Index('api_keys_prefix_key', ['prefix'], { unique: true })
@Index('api_keys_workspace_idx', ['workspaceId', 'createdAt'])
@ObjectType({ description: 'A partner API key. Its secret is shown once at creation; only a hash is stored.' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier of the key.' })
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Human label, e.g. the partner or system using it.' })
  label!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Visible start of the key (e.g. `flr_3kT9xQ2a`) to recognise it in logs and lists.' })
  prefix!: string;

  @Column({ type: 'text' })
  secretHash!: string;

  @Column({ type: 'text', array: true })
  @Field(() => [ApiKeyScope], { description: 'What the key may do.' })
  scopes!: ApiKeyScope[];

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the key was created.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Last time a request authenticated with the key (updated at most once a minute).' })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was revoked; a revoked key is refused on its next request.' })
  revokedAt!: Date | null;
}
