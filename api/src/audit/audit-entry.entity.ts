import { AfterLoad, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { nameFromDetails } from './audit.names.js';

export enum ActorType {
  USER = 'USER',
  API_KEY = 'API_KEY',
  SYSTEM = 'SYSTEM',
}
registerEnumType(ActorType, {
  name: 'ActorType',
  description: 'Who performed an audited action.',
  valuesConfig: {
    USER: { description: 'A signed-in user.' },
    API_KEY: { description: 'A partner API key.' },
    SYSTEM: { description: 'Flare itself (seeding, background work).' },
  },
});

/** Where `details` keeps the object's name at the time of the entry (no column of its own); read out into `targetName`. */
export const TARGET_NAME_KEY = '$targetName';

/** Append-only: a database trigger refuses UPDATE and DELETE on this table. */
@Entity({ name: 'audit_entries' })
@Index('audit_entries_workspace_idx', ['workspaceId', 'createdAt'])
@ObjectType({ description: 'One state-changing operation: who did what to which object, and when.' })
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier of the entry.' })
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'text' })
  @Field(() => ActorType, { description: 'Kind of actor.' })
  actorType!: ActorType;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'User or API key id of the actor.' })
  actorId!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Readable actor: the user’s email or the key’s label and prefix.' })
  actorLabel!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'What happened, e.g. `apiKey.create`, `member.roleChange`.' })
  action!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Type of the object acted on, e.g. `ApiKey`.' })
  targetType!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Identifier of the object acted on.' })
  targetId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the object acted on as it was then (a trigger’s title, a journey’s name, a member’s name); null for customers, which are never named here.',
  })
  targetName!: string | null;

  @Field(() => String, { nullable: true, description: 'Display name of the acting user (their current name); null for API keys and Flare itself.' })
  actorName!: string | null;

  @Column({ type: 'jsonb' })
  @Field(() => GraphQLJSONObject, { description: 'Details of the change (never secrets).' })
  details!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Request id, to correlate with server logs.' })
  requestId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  createdAt!: Date;

  @AfterLoad()
  protected readNames(): void {
    const { [TARGET_NAME_KEY]: stored, ...rest } = this.details ?? {};
    this.details = rest;
    this.targetName = typeof stored === 'string' ? stored : nameFromDetails(rest);
    this.actorName ??= null;
  }
}
