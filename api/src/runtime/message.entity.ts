import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { ContentChannel } from '../content/content.types.js';
import { MessageStatus } from './run.types.js';
import { ChannelProvider } from '../channels/channel.types.js';

/**
 * The outbox: one rendered message per run and step (unique, so a step is never queued twice), claimed by
 * the sender with SKIP LOCKED. Kept after sending: the rendered message, its status and its interactions.
 */
@Entity({ name: 'journey_messages' })
@Unique('journey_messages_run_step_key', ['workspaceId', 'runId', 'stepId'])
@Index('journey_messages_due_idx', ['dueAt'], { where: `"status" = 'QUEUED'` })
@Index('journey_messages_journey_idx', ['workspaceId', 'journeyId', 'createdAt'])
@Index('journey_messages_queued_step_idx', ['workspaceId', 'journeyId', 'stepId'], { where: `"status" = 'QUEUED'` })
// Tracking tokens name a message by id alone.
@Index('journey_messages_id_idx', ['id'])
// Frequency caps count a contact point's recent messages: by address, or by customer for push.
@Index('journey_messages_recipient_idx', ['workspaceId', 'channel', 'recipient'])
@Index('journey_messages_push_customer_idx', ['workspaceId', 'customerId'], { where: `"channel" = 'PUSH'` })
@ObjectType({ description: 'A message a journey run sent (or tried to): rendered content, recipient, status and interactions.' })
export class JourneyMessage {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier; interaction events carry it as `deliveryId`.' })
  id!: string;

  @Column({ type: 'uuid' })
  @Field(() => ID, { description: 'The journey.' })
  journeyId!: string;

  @Column({ type: 'uuid' })
  @Field(() => ID, { description: 'The run.' })
  runId!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The step that sent it.' })
  stepId!: string;

  @Column({ type: 'uuid' })
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Column({ type: 'text' })
  @Field(() => ContentChannel, { description: 'EMAIL, TEXT or PUSH.' })
  channel!: ContentChannel;

  @Column({ type: 'uuid' })
  @Field(() => ID, { description: 'The content item rendered.' })
  contentId!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The address it goes to (none: blocked for want of one).' })
  recipient!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email sender name.' })
  senderName!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email subject, rendered.' })
  subject!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email HTML, rendered (show it sandboxed).' })
  htmlBody!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email plain text, rendered.' })
  textBody!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Text message or push body, rendered.' })
  body!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Push title, rendered.' })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Push link.' })
  link!: string | null;

  @Column({ type: 'text' })
  @Field(() => MessageStatus, { description: 'QUEUED, SENT, DELIVERED, BOUNCED, BLOCKED, FAILED or CANCELLED.' })
  status!: MessageStatus;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was blocked, failed or cancelled (a stable code).' })
  reason!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'More about the reason: the frequency-cap window reached, or until when and in which time zone quiet hours hold it.' })
  reasonDetail!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => ChannelProvider, { nullable: true, description: 'Who delivered (or tried to): INBOX, SMTP or WEBHOOK.' })
  provider!: ChannelProvider | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The provider’s id for it (SMTP queue id, webhook provider id).' })
  providerMessageId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Interactions recorded so far, by trigger key (email_delivered, email_opened…).' })
  interactions!: string[];

  /** The links its tracking URLs stand for, by index (null: sent untracked). A click is redirected here, never to a URL from the request. */
  @Column({ type: 'text', array: true, nullable: true })
  links!: string[] | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When it was queued.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the channel took it.' })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
