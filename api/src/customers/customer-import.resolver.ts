import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import type { Context } from '../graphql/context.js';
import { CustomerImportMapping, ImportCustomersInput, ImportCustomersPayload } from './customer-import.inputs.js';

@Resolver()
export class CustomerImportResolver {
  @Authorized(ApiKeyScope.CUSTOMERS_WRITE)
  @Mutation(() => ImportCustomersPayload, {
    description: 'Imports a batch of up to 1,000 customers (rows or a CSV text) in one transaction: valid rows are written (source IMPORT), the others refused with reasons.',
  })
  importCustomers(@Ctx() ctx: Context, @Arg('input', () => ImportCustomersInput, { description: 'The batch.' }) input: ImportCustomersInput) {
    return ctx.services.customerImport.import(ctx.viewer!, input);
  }

  @Authorized(ApiKeyScope.CUSTOMERS_WRITE)
  @Query(() => CustomerImportMapping, { description: 'The fields an import column can fill, and the one suggested for each CSV header.' })
  customerImportMapping(@Ctx() ctx: Context, @Arg('headers', () => [String], { description: 'The CSV’s header line, in order.' }) headers: string[]) {
    return ctx.services.customerImport.mapping(ctx.viewer!, headers);
  }
}
