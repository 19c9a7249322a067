import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';
import { ContentChannel } from '../content/content.types.js';
import { CustomerIdentity } from '../triggers/trigger.types.js';
import { Customer } from './customer.entity.js';
import { ConsentModel, ConsentPurpose, ConsentStatus, CustomerFieldType, CustomerSource, DevicePlatform } from './customer.types.js';

@InputType({ description: 'Only customers with this consent status for a channel and purpose.' })
export class ConsentFilter {
  @Field(() => ContentChannel, { description: 'Email, text or push.' }) channel!: ContentChannel;
  @Field(() => ConsentPurpose, { description: 'Commercial or transactional.' }) purpose!: ConsentPurpose;
  @Field(() => ConsentStatus, { description: 'OPTED_IN, OPTED_OUT or UNKNOWN (never said).' }) status!: ConsentStatus;
}

@InputType({ description: 'Narrows the customer list.' })
export class CustomerFilter {
  @Field(() => CustomerIdentity, { nullable: true, description: 'Only contacts, leads or profiles.' }) kind?: CustomerIdentity | null;
  @Field(() => String, { nullable: true, description: 'Start of an email, phone number (+ and digits), first or last name, or authId (case-insensitive prefix).' })
  search?: string | null;
  @Field(() => ConsentFilter, { nullable: true, description: 'Only customers with this consent.' }) consent?: ConsentFilter | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Include erased customers (their personal data is gone).' }) includeErased?: boolean | null;
}

@InputType({ description: 'A push device token to register, or to remove with `remove: true`.' })
export class DeviceInput {
  @Field(() => String, { description: 'The app, e.g. com.example.shop (1–100 characters).' }) app!: string;
  @Field(() => DevicePlatform, { description: 'IOS, ANDROID or WEB.' }) platform!: DevicePlatform;
  @Field(() => String, { description: 'The token the push service issued (at most 4,096 characters).' }) token!: string;
  @Field(() => Boolean, { nullable: true, description: 'Remove this token (the app signed out or was uninstalled).' }) remove?: boolean | null;
}

@InputType({ description: 'A consent change for one channel and purpose.' })
export class ConsentInput {
  @Field(() => ContentChannel, { description: 'Email, text or push.' }) channel!: ContentChannel;
  @Field(() => ConsentPurpose, { description: 'Commercial or transactional.' }) purpose!: ConsentPurpose;
  @Field(() => ConsentStatus, { description: 'The new status.' }) status!: ConsentStatus;
  @Field(() => String, { nullable: true, description: 'The email, phone or app it was given for.' }) contactPoint?: string | null;
}

@InputType({ description: 'Creates the customer with this kind and authId, or updates it. Omitted fields keep their value; null clears one.' })
export class UpsertCustomerInput {
  @Field(() => CustomerIdentity, { description: 'CONTACT, LEAD or PROFILE.' }) kind!: CustomerIdentity;
  @Field(() => String, { description: 'The external id events carry as authId (1–200 characters).' }) authId!: string;
  @Field(() => String, { nullable: true, description: 'Email address (normalised to lower case).' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Phone number; stored in E.164 form. Without +, the customer’s country is assumed.' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'First name (at most 100 characters).' }) firstName?: string | null;
  @Field(() => String, { nullable: true, description: 'Last name (at most 100 characters).' }) lastName?: string | null;
  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. en-GB.' }) locale?: string | null;
  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin.' }) timeZone?: string | null;
  @Field(() => String, { nullable: true, description: 'Address, first line.' }) addressLine1?: string | null;
  @Field(() => String, { nullable: true, description: 'Address, second line.' }) addressLine2?: string | null;
  @Field(() => String, { nullable: true, description: 'City.' }) city?: string | null;
  @Field(() => String, { nullable: true, description: 'Postal code.' }) postalCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Region, state or county.' }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' }) country?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Custom field values by name; null removes one.' }) fields?: Record<string, unknown> | null;
  @Field(() => [DeviceInput], { nullable: true, description: 'Push device tokens to register or remove (a customer keeps their newest 20).' }) devices?: DeviceInput[] | null;
  @Field(() => [ConsentInput], { nullable: true, description: 'Consent changes.' }) consents?: ConsentInput[] | null;
}

@ObjectType({ description: 'The customer and whether it was created.' })
export class UpsertCustomerPayload {
  @Field(() => Customer, { description: 'The customer as stored.' }) customer!: Customer;
  @Field(() => Boolean, { description: 'True when the customer did not exist before.' }) created!: boolean;
}

@InputType({ description: 'Sets a customer’s consent for one channel and purpose; the change is kept in the history.' })
export class SetConsentInput extends ConsentInput {
  @Field(() => ID, { description: 'The customer.' }) customerId!: string;
}

@InputType({ description: 'Erases a customer for good (right to be forgotten).' })
export class EraseCustomerInput {
  @Field(() => ID, { description: 'The customer.' }) id!: string;
  @Field(() => String, { description: 'The customer’s authId, typed to confirm.' }) confirmAuthId!: string;
}

@ObjectType({ description: 'What erasure did.' })
export class EraseCustomerPayload {
  @Field(() => ID, { description: 'The erased customer (kept, without personal data, so aggregate counts stay right).' }) id!: string;
}

@InputType({ description: 'A new custom customer field.' })
export class DefineCustomerFieldInput {
  @Field(() => String, { description: 'Name: a letter, then letters, digits or _ (at most 40).' }) name!: string;
  @Field(() => CustomerFieldType, { description: 'Data type.' }) type!: CustomerFieldType;
  @Field(() => String, { description: 'Label shown in the admin app (at most 100 characters).' }) label!: string;
}

@InputType({ description: 'How consent is enforced on a channel.' })
export class SetConsentPolicyInput {
  @Field(() => ContentChannel, { description: 'Email, text or push.' }) channel!: ContentChannel;
  @Field(() => ConsentModel, { description: 'RESTRICTIVE (opt-in needed) or NON_RESTRICTIVE (send unless opted out).' }) model!: ConsentModel;
}

@ObjectType({ description: 'How a workspace enforces consent on one channel.' })
export class ConsentPolicyInfo {
  @Field(() => ContentChannel, { description: 'Email, text or push.' }) channel!: ContentChannel;
  @Field(() => ConsentModel, { description: 'The model in force.' }) model!: ConsentModel;
}

@ObjectType({ description: 'A customer’s consent for one channel and purpose, and what it means under the workspace’s policy.' })
export class CustomerConsentState {
  @Field(() => ContentChannel, { description: 'Email, text or push.' }) channel!: ContentChannel;
  @Field(() => ConsentPurpose, { description: 'Commercial or transactional.' }) purpose!: ConsentPurpose;
  @Field(() => ConsentStatus, { description: 'OPTED_IN, OPTED_OUT or UNKNOWN.' }) status!: ConsentStatus;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was last set; null when never.' }) changedAt!: Date | null;
  @Field(() => CustomerSource, { nullable: true, description: 'How it was last set.' }) source!: CustomerSource | null;
  @Field(() => String, { nullable: true, description: 'The contact point it was given for.' }) contactPoint!: string | null;
  @Field(() => Boolean, { description: 'Whether messages of this channel and purpose may be sent to the customer now.' }) allowsSending!: boolean;
}
