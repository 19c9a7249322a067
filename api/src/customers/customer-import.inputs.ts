import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CustomerIdentity } from '../triggers/trigger.types.js';

@InputType({ description: 'Maps one CSV header to a customer field.' })
export class ImportColumnInput {
  @Field(() => String, { description: 'The header as it appears in the CSV’s first line.' }) header!: string;
  @Field(() => String, { nullable: true, description: 'The target key (see `customerImportMapping.targets`); null skips the column.' }) field?: string | null;
}

@InputType({
  description:
    'One import call: a batch of up to 1,000 rows, or a CSV text of at most 1 MB. Valid rows are written in one transaction; invalid ones are refused with reasons and never fail the others.',
})
export class ImportCustomersInput {
  @Field(() => CustomerIdentity, { description: 'What every row is: CONTACT, LEAD or PROFILE.' }) kind!: CustomerIdentity;
  @Field(() => [GraphQLJSONObject], {
    nullable: true,
    description: 'Rows keyed by target (`authId`, `email`, `fields.<name>`, `consent.EMAIL.COMMERCIAL`, …), values as text. Empty cells leave stored values alone. At most 1,000.',
  })
  rows?: Record<string, unknown>[] | null;
  @Field(() => String, { nullable: true, description: 'A CSV text (header line first, comma, semicolon or tab separated) of at most 1 MB and 1,000 data rows, instead of rows.' })
  csv?: string | null;
  @Field(() => [ImportColumnInput], {
    nullable: true,
    description: 'For csv: which header goes to which field. Headers not listed are mapped as `customerImportMapping` suggests.',
  })
  columns?: ImportColumnInput[] | null;
  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'The number of the first row, so refusals name rows as the caller counts them (default 1).' })
  firstRow?: number | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Check every row without writing anything.' }) dryRun?: boolean | null;
}

@ObjectType({ description: 'A problem that kept one row from being imported.' })
export class ImportRefusal {
  @Field(() => Int, { description: 'The row, numbered from `firstRow` (for csv: 1 is the first line after the header).' }) row!: number;
  @Field(() => String, { nullable: true, description: 'The target key at fault (e.g. `email`, `fields.points`); null when the whole row is.' }) field!: string | null;
  @Field(() => String, { description: 'Stable reason, e.g. INVALID_EMAIL.' }) reason!: string;
  @Field(() => String, { description: 'What is wrong, for people.' }) message!: string;
}

@ObjectType({ description: 'What one import call did.' })
export class ImportCustomersPayload {
  @Field(() => Int, { description: 'Rows that passed every check (written unless dryRun).' }) accepted!: number;
  @Field(() => Int, { description: 'Customers created (0 for dryRun).' }) created!: number;
  @Field(() => Int, { description: 'Existing customers that changed (0 for dryRun).' }) updated!: number;
  @Field(() => [ImportRefusal], { description: 'Every problem of every refused row, in row order.' }) refused!: ImportRefusal[];
}

@ObjectType({ description: 'A field an import column can fill.' })
export class ImportTargetInfo {
  @Field(() => String, { description: 'The key rows use: `email`, `fields.<name>`, `consent.<CHANNEL>.<PURPOSE>`, …' }) key!: string;
  @Field(() => String, { description: 'Label for people.' }) label!: string;
}

@ObjectType({ description: 'How CSV headers map to customer fields.' })
export class CustomerImportMapping {
  @Field(() => [ImportTargetInfo], { description: 'Every field a column can fill.' }) targets!: ImportTargetInfo[];
  @Field(() => [String], { nullable: 'items', description: 'The suggested target key for each header, in order; null when none fits.' }) suggestions!: (string | null)[];
}
