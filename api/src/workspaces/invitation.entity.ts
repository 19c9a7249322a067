import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Workspace } from './workspace.entity.js';
import { Role } from '../auth/permissions.js';

@Entity({ name: 'invitations' })
@Index('invitations_token_hash_key', ['tokenHash'], { unique: true })
@Index('invitations_workspace_idx', ['workspaceId'])
@ObjectType({ description: 'An invitation to join a workspace; the person becomes a member only when they accept it.' })
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier of the invitation.' })
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Email address the invitation is for.' })
  email!: string;

  @Column({ type: 'text' })
  @Field(() => Role, { description: 'Role the invitee gets on accepting.' })
  role!: Role;

  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'uuid', nullable: true })
  invitedByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the invitation was created.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: 'After this time the invitation can no longer be accepted.' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was accepted; null while open.' })
  acceptedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When an admin revoked it; its link stopped working then.' })
  revokedAt!: Date | null;
}
