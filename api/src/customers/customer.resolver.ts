import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import type { Context } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { CustomerIdentity } from '../triggers/trigger.types.js';
import { ConsentChange } from './consent.entity.js';
import { CustomerDevice } from './customer-device.entity.js';
import { CustomerField } from './customer-field.entity.js';
import { Customer } from './customer.entity.js';
import {
  ConsentPolicyInfo,
  CustomerConsentState,
  CustomerFilter,
  DefineCustomerFieldInput,
  EraseCustomerInput,
  EraseCustomerPayload,
  SetConsentInput,
  SetConsentPolicyInput,
  UpsertCustomerInput,
  UpsertCustomerPayload,
} from './customer.inputs.js';
import { CustomerSource } from './customer.types.js';
import { TriggerEventConnection } from '../verification/verification.resolver.js';

@ObjectType({ description: 'A page of customers, newest first.' })
export class CustomerConnection extends Connection(Customer, 'Customer', 'customer') {}

@ObjectType({ description: 'A page of consent changes, newest first.' })
export class ConsentChangeConnection extends Connection(ConsentChange, 'ConsentChange', 'consent change') {}

/** Where a change comes from: people in the admin app, or partners with a key. */
const sourceOf = (ctx: Context) => (ctx.viewer?.kind === 'USER' ? CustomerSource.SPA : CustomerSource.API);

@Resolver(() => Customer)
export class CustomerResolver {
  @FieldResolver(() => [CustomerConsentState], { description: 'Consent for every channel and purpose (UNKNOWN where never given), with what the workspace’s policy allows.' })
  consents(@Ctx() ctx: Context, @Root() customer: Customer) {
    return ctx.loaders.consentsByCustomer.load(customer);
  }

  @FieldResolver(() => ConsentChangeConnection, { description: 'Every consent change, newest first: what, when, how and for which contact point.' })
  consentHistory(@Ctx() ctx: Context, @Root() customer: Customer, @Args(() => PageArgs) page: PageArgs) {
    return ctx.services.customers.consentHistory(customer, page);
  }

  @FieldResolver(() => TriggerEventConnection, {
    description: 'The customer’s events, accepted and rejected, newest first: the profile timeline. Needs customers:read (no events:read).',
  })
  timeline(
    @Ctx() ctx: Context,
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('accepted', () => Boolean, { nullable: true, description: 'Only accepted (true) or rejected (false) events.' }) accepted?: boolean | null,
  ) {
    return ctx.services.customers.timeline(ctx.viewer!, customer, accepted ?? null, page);
  }

  @FieldResolver(() => [CustomerDevice], { description: 'Push device tokens, most recently seen first.' })
  devices(@Ctx() ctx: Context, @Root() customer: Customer) {
    return ctx.loaders.devicesByCustomer.load(customer);
  }

  @Authorized(ApiKeyScope.CUSTOMERS_READ)
  @Query(() => CustomerConnection, { description: 'Customers of the workspace, newest first, searchable and filterable.' })
  customers(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CustomerFilter, { nullable: true, description: 'Optional narrowing.' }) filter?: CustomerFilter,
  ) {
    return ctx.services.customers.list(ctx.viewer!, filter, page);
  }

  @Authorized(ApiKeyScope.CUSTOMERS_READ)
  @Query(() => Customer, { description: 'One customer.' })
  customer(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The customer.' }) id: string) {
    return ctx.services.customers.get(ctx.viewer!, id);
  }

  @Authorized(ApiKeyScope.CUSTOMERS_READ)
  @Query(() => Customer, { nullable: true, description: 'The customer events name with this authId, if there is one.' })
  customerByAuthId(
    @Ctx() ctx: Context,
    @Arg('kind', () => CustomerIdentity, { description: 'CONTACT, LEAD or PROFILE.' }) kind: CustomerIdentity,
    @Arg('authId', () => String, { description: 'The external id.' }) authId: string,
  ) {
    return ctx.services.customers.byAuthId(ctx.viewer!, kind, authId);
  }

  @Authorized(ApiKeyScope.CUSTOMERS_WRITE)
  @Mutation(() => UpsertCustomerPayload, { description: 'Creates or updates the customer with this kind and authId.' })
  upsertCustomer(@Ctx() ctx: Context, @Arg('input', () => UpsertCustomerInput, { description: 'The customer.' }) input: UpsertCustomerInput) {
    // Omitted fields arrive as undefined and keep their value; explicit nulls clear.
    const patch = Object.fromEntries(Object.entries({ ...input }).filter(([, v]) => v !== undefined)) as unknown as UpsertCustomerInput;
    return ctx.services.customers.upsert(ctx.viewer!, patch, sourceOf(ctx));
  }

  @Authorized(ApiKeyScope.CUSTOMERS_WRITE)
  @Mutation(() => Customer, { description: 'Sets a customer’s consent for one channel and purpose; the history keeps every change.' })
  setConsent(@Ctx() ctx: Context, @Arg('input', () => SetConsentInput, { description: 'The change.' }) input: SetConsentInput) {
    return ctx.services.customers.setConsent(ctx.viewer!, input, sourceOf(ctx));
  }

  @Authorized(ApiKeyScope.CUSTOMERS_WRITE)
  @Mutation(() => EraseCustomerPayload, {
    description:
      'Erases a customer for good (right to be forgotten): personal data removed, events and consent history anonymised, aggregate counts kept; audited. Type the authId to confirm.',
  })
  eraseCustomer(@Ctx() ctx: Context, @Arg('input', () => EraseCustomerInput, { description: 'The customer and the typed confirmation.' }) input: EraseCustomerInput) {
    return ctx.services.customerErasure.erase(ctx.viewer!, input);
  }

  @Authorized(ApiKeyScope.CUSTOMERS_READ)
  @Query(() => [CustomerField], { description: 'The workspace’s custom customer fields.' })
  customerFields(@Ctx() ctx: Context) {
    return ctx.services.customers.fields(ctx.viewer!);
  }

  @Authorized(ApiKeyScope.CUSTOMERS_WRITE)
  @Mutation(() => CustomerField, { description: 'Defines a custom customer field (at most 50 per workspace).' })
  defineCustomerField(@Ctx() ctx: Context, @Arg('input', () => DefineCustomerFieldInput, { description: 'The field.' }) input: DefineCustomerFieldInput) {
    return ctx.services.customers.defineField(ctx.viewer!, input);
  }

  @Authorized(ApiKeyScope.CUSTOMERS_READ)
  @Query(() => [ConsentPolicyInfo], { description: 'How consent is enforced on each channel.' })
  consentPolicies(@Ctx() ctx: Context) {
    return ctx.services.customers.consentPolicies(ctx.viewer!);
  }

  @Authorized('workspace:manage')
  @Mutation(() => [ConsentPolicyInfo], { description: 'Chooses how consent is enforced on a channel. ADMIN only.' })
  setConsentPolicy(@Ctx() ctx: Context, @Arg('input', () => SetConsentPolicyInput, { description: 'Channel and model.' }) input: SetConsentPolicyInput) {
    return ctx.services.customers.setConsentPolicy(ctx.viewer!, input);
  }
}
