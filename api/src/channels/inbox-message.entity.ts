import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ContentChannel } from '../content/content.types.js';

/** What the built-in Flare inbox received: the message exactly as it would have gone out (tracking links, headers). */
@Entity({ name: 'inbox_messages' })
@Index('inbox_messages_message_key', ['workspaceId', 'messageId'], { unique: true, where: '"message_id" IS NOT NULL' })
@Index('inbox_messages_received_idx', ['workspaceId', 'receivedAt', 'id'])
@ObjectType({ description: 'A message the Flare inbox received, fully rendered, like a mail catcher shows it.' })
export class InboxMessage {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The journey message it is (null for test sends).' })
  messageId!: string | null;

  @Column({ type: 'text' })
  @Field(() => ContentChannel, { description: 'EMAIL, TEXT or PUSH.' })
  channel!: ContentChannel;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Who it was for: an email address, a phone number, or the customer’s devices.' })
  recipient!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email sender name.' })
  fromName!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email subject.' })
  subject!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email HTML as sent, with tracking (show it sandboxed).' })
  htmlBody!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Email plain text as sent.' })
  textBody!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Text message or push body.' })
  body!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Push title.' })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Push link.' })
  link!: string | null;

  @Column({ type: 'jsonb' })
  @Field(() => GraphQLJSONObject, { description: 'Headers as sent (List-Unsubscribe…).' })
  headers!: Record<string, string>;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'A test send (from the content editor or channel settings).' })
  test!: boolean;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field(() => GraphQLISODateTime, { description: 'When the inbox received it.' })
  receivedAt!: Date;
}
