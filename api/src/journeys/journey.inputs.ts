import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Journey } from './journey.entity.js';
import { JourneyDefinitionInput } from './journey.objects.js';
import { JourneyStatus } from './journey.types.js';

@InputType({ description: 'A new draft journey.' })
export class CreateJourneyInput {
  @Field(() => String, { description: 'Name, 1–120 characters.' }) name!: string;
  @Field(() => String, { defaultValue: '', description: 'Description.' }) description!: string;
  @Field(() => JourneyDefinitionInput, { nullable: true, description: 'Initial definition; empty when omitted.' }) definition?: JourneyDefinitionInput | null;
}

@InputType({ description: 'An edit of a draft journey. Omitted fields keep their value; `definition` replaces the whole definition.' })
export class UpdateJourneyInput {
  @Field(() => ID, { description: 'The journey.' }) id!: string;
  @Field(() => Int, { description: 'The revision the edit is based on; a stale one fails with CONFLICT.' }) baseRevision!: number;
  @Field(() => String, { nullable: true, description: 'Name.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Description.' }) description?: string | null;
  @Field(() => JourneyDefinitionInput, { nullable: true, description: 'The complete new definition.' }) definition?: JourneyDefinitionInput | null;
}

@InputType({ description: 'Identifies a journey.' })
export class JourneyIdInput {
  @Field(() => ID, { description: 'The journey.' }) id!: string;
}

@InputType({ description: 'Duplicates a journey into a new draft (the way to change a live one).' })
export class DuplicateJourneyInput {
  @Field(() => ID, { description: 'The journey to copy.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Name of the copy; “<name> (copy)” when omitted.' }) name?: string | null;
}

@InputType({ description: 'Narrows the journey list.' })
export class JourneyFilter {
  @Field(() => JourneyStatus, { nullable: true, description: 'Only this status.' }) status?: JourneyStatus | null;
  @Field(() => String, { nullable: true, description: 'Text contained in the name.' }) search?: string | null;
}

@ObjectType({ description: 'The journey.' })
export class JourneyPayload {
  @Field(() => Journey, { description: 'The journey.' }) journey!: Journey;
}
