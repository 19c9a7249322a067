import type { CustomerIdentity } from '../triggers/trigger.types.js';

/**
 * The customer an example event names, as `/v1/identify` takes it: same kind and authId as the sample event,
 * contact details and an email opt-in (stable, so snippets and golden files are reproducible).
 */
export function sampleCustomer(identity: CustomerIdentity): Record<string, unknown> {
  return {
    kind: identity,
    authId: `${identity.toLowerCase()}-42`,
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    consents: [{ channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_IN' }],
  };
}
