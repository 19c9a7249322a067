import { Field, Int, ObjectType } from 'type-graphql';
import { ChangeKind } from './trigger-diff.rules.js';
import { AttributeType, Comparator, IdentifierKind } from './trigger.types.js';

@ObjectType({ description: 'A typed attribute events of this trigger carry.' })
export class TriggerAttribute {
  @Field(() => String, { description: 'Name used in code and events (`attributes.<name>`).' })
  name!: string;

  @Field(() => String, { description: 'Label shown to marketers.' })
  displayName!: string;

  @Field(() => String, { description: 'What the attribute means.' })
  description!: string;

  @Field(() => AttributeType, { description: 'Data type.' })
  type!: AttributeType;

  @Field(() => Boolean, { description: 'Whether every event must carry it.' })
  required!: boolean;

  @Field(() => Int, { nullable: true, description: 'TEXT only: longest accepted value.' })
  maxLength!: number | null;

  @Field(() => String, { nullable: true, description: 'ENTITY_REFERENCE only: the referenced entity, e.g. `order`.' })
  entity!: string | null;

  @Field(() => [Comparator], { description: 'Comparators a journey branch can use on this attribute.' })
  comparators!: Comparator[];
}

@ObjectType('AllowedOperation', { description: 'Whether external systems may read and/or write events using an identifier kind.' })
export class AllowedOperationObject {
  @Field(() => IdentifierKind, { description: 'The identifier kind.' })
  identifier!: IdentifierKind;

  @Field(() => Boolean, { description: 'External systems may read this trigger’s events by this identifier.' })
  read!: boolean;

  @Field(() => Boolean, { description: 'External systems may send events identified this way.' })
  write!: boolean;
}

@ObjectType({ description: 'One difference between two trigger versions.' })
export class TriggerChange {
  @Field(() => ChangeKind, { description: 'What changed.' })
  kind!: ChangeKind;

  @Field(() => String, { nullable: true, description: 'The attribute concerned, for attribute changes.' })
  attribute!: string | null;

  @Field(() => String, { nullable: true, description: 'Value before.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'Value after.' })
  to!: string | null;

  @Field(() => Boolean, { description: 'Whether events valid before may be rejected after.' })
  breaking!: boolean;

  @Field(() => String, { description: 'Readable summary.' })
  summary!: string;
}

@ObjectType({ description: 'The differences between two versions of a trigger.' })
export class TriggerVersionDiff {
  @Field(() => Int, { description: 'The older version compared.' })
  from!: number;

  @Field(() => Int, { description: 'The newer version compared.' })
  to!: number;

  @Field(() => [TriggerChange], { description: 'Every difference.' })
  changes!: TriggerChange[];

  @Field(() => Boolean, { description: 'Whether any difference breaks event senders.' })
  breaking!: boolean;
}

@ObjectType({ description: 'An attribute data type and the comparators journeys offer for it.' })
export class AttributeTypeInfo {
  @Field(() => AttributeType, { description: 'The type.' })
  type!: AttributeType;

  @Field(() => String, { description: 'Label, e.g. “Date/time”.' })
  label!: string;

  @Field(() => [Comparator], { description: 'Comparators available on attributes of this type.' })
  comparators!: Comparator[];
}
