import type { CustomerChange } from './customer.writer.js';

/** An event Flare raises for one of its out-of-box business triggers, naming the customer it is about. */
export type BusinessEvent = { workspaceId: string; customerId: string; event: { trigger: string; authId: string; attributes: Record<string, string> } };

const raise = (change: CustomerChange, trigger: string, attribute: 'contactId' | 'leadId'): BusinessEvent => ({
  workspaceId: change.workspaceId,
  customerId: change.customerId,
  event: { trigger, authId: change.authId, attributes: { [attribute]: change.authId } },
});

/**
 * The business-trigger events customer changes raise (as in Dynamics 365: contact created, contact email
 * address / phone number / address updated, lead created). A new contact raises only contact_created, whatever
 * it was created with; profiles raise nothing (no out-of-box trigger names them).
 */
export function businessEvents(changes: CustomerChange[]): BusinessEvent[] {
  return changes.flatMap((change): BusinessEvent[] => {
    switch (change.kind) {
      case 'CONTACT':
        if (change.created) return [raise(change, 'contact_created', 'contactId')];
        return [
          ...(change.changed.includes('email') ? [raise(change, 'contact_email_updated', 'contactId')] : []),
          ...(change.changed.includes('phone') ? [raise(change, 'contact_phone_updated', 'contactId')] : []),
          ...(change.changed.includes('address') ? [raise(change, 'contact_address_updated', 'contactId')] : []),
        ];
      case 'LEAD':
        return change.created ? [raise(change, 'lead_created', 'leadId')] : [];
      default:
        return [];
    }
  });
}
