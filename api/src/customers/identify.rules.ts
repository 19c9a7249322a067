import { messageIdProblem, type Rejection } from '../ingestion/event-validation.rules.js';
import { checkEventText } from '../ingestion/event-text.rules.js';
import { CustomerIdentity } from '../triggers/trigger.types.js';
import { prepareCustomer, type CustomerPatch, type PreparedCustomer } from './customer-input.rules.js';
import type { CustomerFieldType } from './customer.types.js';

/** One item of a `/v1/identify` request, checked: ready to write, or rejected with its reasons. */
export type IdentifyItem = {
  index: number;
  /** As sent, echoed in the answer (null when missing or invalid). */
  messageId: string | null;
  /** The idempotency key as stored (text PostgreSQL refuses replaced by U+FFFD). */
  storedMessageId: string | null;
  customer: PreparedCustomer | null;
  reasons: Rejection[];
};

/** What the sender is told per item. */
export type IdentifyOutcome = {
  index: number;
  accepted: boolean;
  duplicate: boolean;
  messageId: string | null;
  customerId: string | null;
  created: boolean;
  reasons: Rejection[];
};

/**
 * Checks one item: `{ kind? (CONTACT by default), authId, messageId?, …the customer patch }`. Text PostgreSQL
 * cannot store (NUL, lone surrogates) and nesting deeper than 32 levels are refused first, like in events; then
 * the customer store's own rules apply. Pure.
 */
export function checkIdentifyItem(raw: unknown, index: number, fieldTypes: ReadonlyMap<string, CustomerFieldType>): IdentifyItem {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { index, messageId: null, storedMessageId: null, customer: null, reasons: [{ code: 'INVALID_CUSTOMER', field: null, message: 'Each customer must be a JSON object.' }] };
  }
  const sent = raw as Record<string, unknown>;
  const text = checkEventText(sent);
  const item = text ? text.sanitized : sent;
  const textReasons = (text?.reasons ?? []).map(forCustomers);
  const reasons: Rejection[] = [...textReasons];
  const idProblem = messageIdProblem(item.messageId);
  if (idProblem) reasons.push(idProblem);
  const patch: CustomerPatch = { ...item, kind: item.kind ?? CustomerIdentity.CONTACT, authId: item.authId };
  const prepared = prepareCustomer(patch, fieldTypes);
  if ('problems' in prepared) reasons.push(...prepared.problems.map((p) => ({ code: p.reason, field: p.field, message: p.message })));
  // A field the text check already refused is not reported twice (its sanitised value may fail other rules).
  const textFields = new Set(textReasons.map((r) => r.field));
  const unique = reasons.filter((r, i) => i < textReasons.length || !textFields.has(r.field));
  return {
    index,
    messageId: idProblem ? null : ((sent.messageId as string | undefined) ?? null),
    storedMessageId: idProblem ? null : ((item.messageId as string | undefined) ?? null),
    customer: unique.length === 0 && 'customer' in prepared ? prepared.customer : null,
    reasons: unique,
  };
}

/** The text check's reasons, worded for customers (nothing of a rejected customer is stored). */
function forCustomers(r: Rejection): Rejection {
  if (r.code === 'TOO_DEEP') return { ...r, message: 'Objects and arrays may nest at most 32 levels deep (the customer itself is level 1).' };
  return { ...r, message: r.message.replace(/; it was stored with U\+FFFD in its place\.$/, '.') };
}
