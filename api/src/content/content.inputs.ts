import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ContentChannel, ContentState } from './content.types.js';
import { ContentItem } from './content-item.entity.js';

/** The message fields, the same for creating and editing. */
@InputType('ContentFieldsInput', { description: 'Message fields shared by CreateContentInput and UpdateContentInput.' })
abstract class ContentFieldsInput {
  @Field(() => String, { nullable: true, description: 'Email subject.' }) subject?: string | null;
  @Field(() => String, { nullable: true, description: 'Email sender name.' }) senderName?: string | null;
  @Field(() => String, { nullable: true, description: 'Email HTML body.' }) htmlBody?: string | null;
  @Field(() => String, { nullable: true, description: 'Email plain-text fallback.' }) textBody?: string | null;
  @Field(() => String, { nullable: true, description: 'Text or push body.' }) body?: string | null;
  @Field(() => String, { nullable: true, description: 'Push title.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Push link.' }) link?: string | null;
}

@InputType({ description: 'New content, created as a draft.' })
export class CreateContentInput extends ContentFieldsInput {
  @Field(() => ContentChannel, { description: 'Email, text or push.' }) channel!: ContentChannel;
  @Field(() => String, { description: 'Name, 1–120 characters.' }) name!: string;
}

@InputType({ description: 'An edit of content; ready content returns to draft. Omitted fields keep their value.' })
export class UpdateContentInput extends ContentFieldsInput {
  @Field(() => ID, { description: 'The content.' }) id!: string;
  @Field(() => Int, { description: 'The revision the edit is based on; a stale one fails with CONFLICT.' }) baseRevision!: number;
  @Field(() => String, { nullable: true, description: 'Name.' }) name?: string | null;
}

@InputType({ description: 'Marks content ready to send after checking required fields and tokens.' })
export class MarkContentReadyInput {
  @Field(() => ID, { description: 'The content.' }) id!: string;
}

@InputType({ description: 'Copies content into a new draft (the way to change a message a live journey sends).' })
export class DuplicateContentInput {
  @Field(() => ID, { description: 'The content to copy.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Name of the copy, 1–120 characters; “<name> (copy)” when omitted.' }) name?: string | null;
}

@InputType({ description: 'Renders content with a sample event of a trigger.' })
export class PreviewContentInput {
  @Field(() => ID, { description: 'The content.' }) contentId!: string;
  @Field(() => ID, { nullable: true, description: 'Trigger whose latest version supplies sample attributes.' }) triggerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A customer whose details fill the `contact.*` tokens instead of the sample contact (needs `customers:read`).' })
  customerId?: string | null;
  @Field(() => String, { nullable: true, description: 'Unsaved subject to render instead of the stored one (live preview while editing).' }) subject?: string | null;
  @Field(() => String, { nullable: true, description: 'Unsaved HTML body.' }) htmlBody?: string | null;
  @Field(() => String, { nullable: true, description: 'Unsaved plain-text body.' }) textBody?: string | null;
  @Field(() => String, { nullable: true, description: 'Unsaved text or push body.' }) body?: string | null;
  @Field(() => String, { nullable: true, description: 'Unsaved push title.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Unsaved sender name (checked by `contentReadiness`; not rendered).' }) senderName?: string | null;
  @Field(() => String, { nullable: true, description: 'Unsaved push link (checked by `contentReadiness`; not rendered).' }) link?: string | null;
}

@ObjectType({ description: 'Something that keeps content from being ready to send, and the field it concerns.' })
export class ContentProblem {
  @Field(() => String, { description: 'The field: `subject`, `senderName`, `htmlBody`, `textBody`, `body`, `title` or `link`.' }) field!: string;
  @Field(() => String, { description: 'Stable code, e.g. `FIELD_REQUIRED`, `TOO_LONG`, `UNKNOWN_TOKEN`.' }) code!: string;
  @Field(() => String, { description: 'What to fix, in words.' }) message!: string;
}

@InputType({ description: 'Narrows the content list.' })
export class ContentFilter {
  @Field(() => ContentChannel, { nullable: true, description: 'Only this channel.' }) channel?: ContentChannel | null;
  @Field(() => ContentState, { nullable: true, description: 'Only this state.' }) state?: ContentState | null;
  @Field(() => String, { nullable: true, description: 'Text contained in the name (case-insensitive).' }) search?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Only these items (at most 100), e.g. those a journey sends.' }) ids?: string[] | null;
}

@ObjectType({ description: 'Rendered content, as a customer would get it for the sample.' })
export class ContentPreview {
  @Field(() => String, { nullable: true, description: 'Email subject.' }) subject!: string | null;
  @Field(() => String, { nullable: true, description: 'Email HTML (values escaped).' }) html!: string | null;
  @Field(() => String, { nullable: true, description: 'Email plain text.' }) text!: string | null;
  @Field(() => String, { nullable: true, description: 'Text or push body.' }) body!: string | null;
  @Field(() => String, { nullable: true, description: 'Push title.' }) title!: string | null;
}

@ObjectType({ description: 'A personalisation token a message can use, as it is written in a template.' })
export class PersonalisationToken {
  @Field(() => String, { description: 'The token to write, e.g. `{{ trigger.cartUrl }}`.' }) token!: string;
  @Field(() => String, { description: 'What it holds, e.g. "Cart link".' }) label!: string;
  @Field(() => String, { description: 'Where it comes from: TRIGGER (an attribute of the start trigger) or CONTACT.' }) source!: 'TRIGGER' | 'CONTACT';
}

@ObjectType({ description: 'The content.' })
export class ContentPayload {
  @Field(() => ContentItem, { description: 'The content.' }) content!: ContentItem;
}
