import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Role } from '../auth/permissions.js';
import { User } from '../accounts/user.entity.js';
import { Workspace } from './workspace.entity.js';

@Entity({ name: 'memberships' })
@Index('memberships_workspace_user_key', ['workspaceId', 'userId'], { unique: true })
@Index('memberships_user_idx', ['userId'])
@ObjectType({ description: 'A user’s membership in a workspace, with their role.' })
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier of the membership.' })
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  @Field(() => Role, { description: 'What the member may do in the workspace.' })
  role!: Role;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the member joined.' })
  createdAt!: Date;
}
