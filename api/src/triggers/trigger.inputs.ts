import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Trigger } from './trigger.entity.js';
import { TriggerVersion } from './trigger-version.entity.js';
import { AttributeType, CustomerIdentity, IdentifierKind, TriggerCategory, TriggerKind, TriggerStatus } from './trigger.types.js';

@InputType({ description: 'An attribute of a trigger.' })
export class AttributeInput {
  @Field(() => String, { description: 'Name used in code: a letter, then letters, digits or underscores. Unique in the trigger.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Label for marketers; defaults to the name.' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'What it means.' })
  description?: string | null;

  @Field(() => AttributeType, { description: 'Data type.' })
  type!: AttributeType;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether every event must carry it.' })
  required!: boolean;

  @Field(() => Int, { nullable: true, description: 'TEXT only: longest accepted value (default 1,000).' })
  maxLength?: number | null;

  @Field(() => String, { nullable: true, description: 'ENTITY_REFERENCE only: the referenced entity, e.g. `order`.' })
  entity?: string | null;
}

@InputType({ description: 'Read/write permission for one identifier kind.' })
export class AllowedOperationInput {
  @Field(() => IdentifierKind, { description: 'The identifier kind.' })
  identifier!: IdentifierKind;

  @Field(() => Boolean, { description: 'External systems may read events by it.' })
  read!: boolean;

  @Field(() => Boolean, { description: 'External systems may send events identified by it.' })
  write!: boolean;
}

@InputType({ description: 'A new custom trigger. Creates version 1, usable at once.' })
export class CreateTriggerInput {
  @Field(() => String, { description: 'Short descriptive title, unique among visible triggers.' })
  title!: string;

  @Field(() => String, { defaultValue: '', description: 'Helps others find the trigger in the catalog.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Machine key; derived from the title when omitted. Immutable once created.' })
  key?: string | null;

  @Field(() => TriggerCategory, { description: 'Transactions, conversions or signals.' })
  category!: TriggerCategory;

  @Field(() => CustomerIdentity, { description: 'What `authId` identifies.' })
  identity!: CustomerIdentity;

  @Field(() => String, { description: 'Where events come from: Website, App, API, Checkout…' })
  source!: string;

  @Field(() => [AttributeInput], { defaultValue: [], description: 'At most 100 attributes.' })
  attributes!: AttributeInput[];

  @Field(() => [AllowedOperationInput], { nullable: true, description: 'Per identifier kind; unlisted kinds get the defaults.' })
  allowedOperations?: AllowedOperationInput[] | null;
}

@InputType({ description: 'An edit of a custom trigger. Saves the next version; omitted fields keep their value.' })
export class UpdateTriggerInput {
  @Field(() => ID, { description: 'The trigger.' })
  id!: string;

  @Field(() => Int, { description: 'The version the edit is based on (`latestVersion`); a stale one fails with CONFLICT.' })
  baseVersion!: number;

  @Field(() => String, { nullable: true, description: 'New title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;

  @Field(() => TriggerCategory, { nullable: true, description: 'New category.' })
  category?: TriggerCategory | null;

  @Field(() => CustomerIdentity, { nullable: true, description: 'New identity (breaking for senders).' })
  identity?: CustomerIdentity | null;

  @Field(() => String, { nullable: true, description: 'New source.' })
  source?: string | null;

  @Field(() => [AttributeInput], { nullable: true, description: 'The complete new attribute list, in order.' })
  attributes?: AttributeInput[] | null;

  @Field(() => [AllowedOperationInput], { nullable: true, description: 'New allowed operations.' })
  allowedOperations?: AllowedOperationInput[] | null;
}

@InputType({ description: 'Hides a custom trigger for good. Nothing is deleted; it leaves the catalog and pickers.' })
export class HideTriggerInput {
  @Field(() => ID, { description: 'The trigger.' })
  id!: string;

  @Field(() => String, { description: 'The trigger’s exact title, confirming the irreversible hide.' })
  confirmTitle!: string;
}

@InputType({ description: 'Narrows the trigger catalog.' })
export class TriggerFilter {
  @Field(() => [TriggerKind], { nullable: true, description: 'Only these kinds.' })
  kind?: TriggerKind[] | null;

  @Field(() => [TriggerCategory], { nullable: true, description: 'Only these categories.' })
  category?: TriggerCategory[] | null;

  @Field(() => TriggerStatus, { nullable: true, description: 'Only this verification status.' })
  status?: TriggerStatus | null;

  @Field(() => String, { nullable: true, description: 'Text contained in the title or key (case-insensitive).' })
  search?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Also list hidden triggers (marked by `hiddenAt`).' })
  includeHidden!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Only triggers that can start a journey now: ready, visible, not interaction triggers.' })
  usableAsStart!: boolean;

  @Field(() => [ID], { nullable: true, description: 'Only these triggers (at most 100), e.g. those a journey references.' })
  ids?: string[] | null;
}

@ObjectType({ description: 'The created trigger.' })
export class CreateTriggerPayload {
  @Field(() => Trigger, { description: 'The trigger, at version 1.' })
  trigger!: Trigger;
}

@ObjectType({ description: 'The edited trigger and its new version.' })
export class UpdateTriggerPayload {
  @Field(() => Trigger, { description: 'The trigger; editing is now locked for an hour.' })
  trigger!: Trigger;

  @Field(() => TriggerVersion, { description: 'The version just saved; usable by journeys one hour from now.' })
  version!: TriggerVersion;
}

@ObjectType({ description: 'The hidden trigger.' })
export class HideTriggerPayload {
  @Field(() => Trigger, { description: 'The trigger, with `hiddenAt` set.' })
  trigger!: Trigger;
}
