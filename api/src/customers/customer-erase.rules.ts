/** Pure decisions of erasure (right to be forgotten). */

/** The authId an erased customer keeps: not personal, frees the real one, and refused as input (see RESERVED_AUTH_ID_PREFIX). */
export const ERASED_AUTH_ID_PREFIX = 'erased:';
export const erasedAuthId = (customerId: string) => `${ERASED_AUTH_ID_PREFIX}${customerId}`;

/** What replaces the message of each reason on an erased customer's rejected events (messages may quote what was sent). */
export const ERASED_REASON_MESSAGE = 'Details removed when the customer was erased.';

/** Reason fields that name a part of the event envelope, never something the sender chose; others are dropped. */
export const ENVELOPE_FIELDS = ['trigger', 'version', 'authId', 'contactpoint_email', 'contactpoint_phone', 'attributes', 'messageId', 'bindingId', 'timestamp', 'sentAt'] as const;

export type ErasureRefusal = { code: 'ALREADY_ERASED' } | { code: 'CONFIRMATION_MISMATCH' };

/** Why this customer may not be erased now, or null. The typed confirmation must be the authId exactly. */
export function erasureRefusal(customer: { authId: string; erasedAt: Date | null }, confirmAuthId: string): ErasureRefusal | null {
  if (customer.erasedAt) return { code: 'ALREADY_ERASED' };
  if (confirmAuthId !== customer.authId) return { code: 'CONFIRMATION_MISMATCH' };
  return null;
}

/**
 * The personal values of a customer to look for in text that is kept (message ids, stats): lower-cased,
 * without empties and without values too short to mean anything on their own.
 */
export function personalValues(customer: { authId: string; email: string | null; phone: string | null; firstName: string | null; lastName: string | null }): string[] {
  const values = [customer.authId, customer.email, customer.phone, customer.phone?.replace(/^\+/, ''), customer.firstName, customer.lastName];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 3).map((v) => v.trim().toLowerCase()))];
}
