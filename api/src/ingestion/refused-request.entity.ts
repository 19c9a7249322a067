import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';

/**
 * A request to an ingestion endpoint that stored nothing for its events, attributed to a workspace: a known key
 * with a wrong secret, a revoked key, a refused origin, the key's rate limit, or events naming no trigger of the
 * workspace. Written off the hot path by RefusalLog (plain SQL), bounded per workspace; never holds the secret.
 */
@Entity({ name: 'refused_requests' })
@Index('refused_requests_workspace_idx', ['workspaceId', 'receivedAt', 'id'])
@ObjectType({ description: 'A refused ingestion request (bad key, refused origin, unknown trigger, …), kept for 7 days (at most 1,000 per workspace).' })
export class RefusedRequest {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'refused_requests_pkey' })
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When Flare received the request.' })
  receivedAt!: Date;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The endpoint: `/v1/events` or `/v1/identify`.' })
  endpoint!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Stable reason, as answered: INVALID_KEY, KEY_REVOKED, ORIGIN_NOT_ALLOWED, RATE_LIMITED, UNKNOWN_TRIGGER, MISSING_TRIGGER, INVALID_EVENT.' })
  reason!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The message the sender was answered.' })
  message!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The browser origin that sent it (Origin header), if any.' })
  origin!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The public prefix of the ingestion key presented (never the secret).' })
  keyPrefix!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The trigger key the events named, when they named one.' })
  triggerKey!: string | null;

  /** Not stored: read with the page from the workspace's triggers (RefusedRequestService). */
  @Field(() => String, { nullable: true, description: 'Title of the workspace’s trigger with that key, if there is one.' })
  triggerTitle?: string | null;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Events or customers in the request this entry stands for.' })
  items!: number;
}
