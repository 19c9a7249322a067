import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Workspace } from '../workspaces/workspace.entity.js';

/** A key code snippets send events with. It identifies the workspace; it is not a secret in browser pages. */
@Entity({ name: 'ingestion_keys' })
@Index('ingestion_keys_prefix_key', ['prefix'], { unique: true })
@Index('ingestion_keys_workspace_idx', ['workspaceId', 'createdAt'])
@ObjectType({ description: 'An ingestion key: snippets and servers send trigger events with it. Shown once; stored hashed.' })
export class IngestionKey {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'What sends with it, e.g. “Web shop”.' })
  label!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Visible start of the key, e.g. `fik_3kT9xQ2a`.' })
  prefix!: string;

  @Column({ type: 'text' })
  secretHash!: string;

  @Column({ type: 'text', array: true })
  @Field(() => [String], { description: 'Browser origins allowed to send with this key (CORS); empty means server-side use only.' })
  allowedOrigins!: string[];

  @Column({ type: 'uuid', nullable: true })
  rotatedFromId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the key was created.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'After a rotation: the old key keeps working until this time.' })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When revoked; refused from then on.' })
  revokedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Last time an event request used the key.' })
  lastUsedAt!: Date | null;

  @Column({ type: 'bigint', default: 0 })
  acceptedCount!: string;

  @Column({ type: 'bigint', default: 0 })
  rejectedCount!: string;
}
