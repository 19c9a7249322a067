import type { GqlClient } from './harness.js';

export const CUSTOMER_FIELDS = `id kind authId email phone firstName lastName locale timeZone addressLine1 city postalCode country fields source erasedAt
  consents { channel purpose status allowsSending source contactPoint }
  devices { app platform token }`;

export const UPSERT_CUSTOMER = `mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { created customer { ${CUSTOMER_FIELDS} } } }`;

/** Creates or updates a customer through the API, as the admin app or a partner would. */
export async function upsertCustomer(client: GqlClient, input: Record<string, unknown>) {
  const { upsertCustomer: result } = await client.data(UPSERT_CUSTOMER, { input: { kind: 'CONTACT', ...input } });
  return result as { created: boolean; customer: Record<string, any> };
}
