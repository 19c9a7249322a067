import { atMostCodePoints, isBindingId, isContactEmail, isContactPhone, isFullDate, isRecordId, MAX_ID_LENGTH, parseDateTime } from '../triggers/event-format.rules.js';
import { AttributeType, CustomerIdentity, IdentifierKind, TriggerKind, type TriggerDefinition } from '../triggers/trigger.types.js';

/** Pure validation of incoming events against a trigger version. No I/O; time comes in as an argument. */

export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_REQUEST_BYTES = 500 * 1024;
export const MAX_BATCH = 500;
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

export type Rejection = { code: string; field: string | null; message: string };

const ENVELOPE = new Set(['trigger', 'version', 'authId', 'contactpoint_email', 'contactpoint_phone', 'attributes', 'messageId', 'bindingId', 'timestamp', 'sentAt']);
/** Clock-corrected times before year 1 cannot be stored (PostgreSQL has no year 0). */
const EARLIEST_OCCURRENCE_MS = new Date(0).setUTCFullYear(1, 0, 1);

const reject = (code: string, field: string | null, message: string): Rejection => ({ code, field, message });

export type EventValidator = (event: Record<string, unknown>) => Rejection[];

/** The value's problem for an attribute of this type (the rules of ../triggers/event-format.rules.ts), or null. */
function checkValue(type: AttributeType, value: unknown, maxLength: number | null): string | null {
  switch (type) {
    case AttributeType.TEXT:
      if (typeof value !== 'string') return 'must be text';
      return maxLength !== null && !atMostCodePoints(value, maxLength) ? `is longer than ${maxLength} characters` : null;
    case AttributeType.NUMBER:
      return typeof value === 'number' && Number.isInteger(value) ? null : 'must be a whole number';
    case AttributeType.DECIMAL:
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case AttributeType.BOOLEAN:
      return typeof value === 'boolean' ? null : 'must be true or false';
    case AttributeType.DATE:
      return typeof value === 'string' && isFullDate(value) ? null : 'must be a date like 2026-11-22';
    case AttributeType.DATETIME:
      return typeof value === 'string' && parseDateTime(value) !== null ? null : 'must be an RFC 3339 date-time with seconds and offset, like 2026-11-22T10:15:00Z';
    case AttributeType.ENTITY_REFERENCE:
      return isRecordId(value) ? null : 'must be a record id: text of 1–200 characters or a whole number';
  }
}

/**
 * Compiles the checks of one trigger version once; the returned function runs per event. Fields and attributes
 * are looked up as own properties only (Object.hasOwn, Map), so names like `constructor` or `__proto__` are
 * plain names here.
 */
export function compileValidator(kind: TriggerKind, def: TriggerDefinition): EventValidator {
  const attributes = new Map(def.attributes.map((a) => [a.name, a]));
  const required = def.attributes.filter((a) => a.required).map((a) => a.name);
  const allowed = new Map(def.allowedOperations.map((op) => [op.identifier, op.write]));
  const profile = def.identity === CustomerIdentity.PROFILE;
  if (kind !== TriggerKind.CUSTOM) return () => [reject('NOT_A_CUSTOM_TRIGGER', 'trigger', 'Out-of-box triggers are raised by Flare, not sent with snippets.')];
  return (event) => {
    const out: Rejection[] = [];
    const field = (name: string) => (Object.hasOwn(event, name) ? event[name] : undefined);
    for (const name of Object.keys(event)) if (!ENVELOPE.has(name)) out.push(reject('UNKNOWN_FIELD', name, `Unknown field “${name}”; put custom data under attributes.`));
    const authId = field('authId');
    if (authId === undefined || authId === null || authId === '') out.push(reject('MISSING_AUTH_ID', 'authId', `authId (the ${def.identity.toLowerCase()} id) is required.`));
    else if (!isRecordId(authId)) out.push(reject('INVALID_AUTH_ID', 'authId', `authId must be a string of at most ${MAX_ID_LENGTH} characters or a whole number.`));
    else if (allowed.get(IdentifierKind.CRM_ID) === false) out.push(reject('IDENTIFIER_NOT_ALLOWED', 'authId', 'This trigger does not accept events identified by CRM id.'));
    for (const [name, kindOf, valid] of [
      ['contactpoint_email', IdentifierKind.EMAIL, isContactEmail],
      ['contactpoint_phone', IdentifierKind.PHONE, isContactPhone],
    ] as const) {
      if (!Object.hasOwn(event, name)) continue;
      const value = event[name];
      if (!profile) out.push(reject('UNKNOWN_FIELD', name, `${name} is only sent for customer-profile triggers.`));
      else if (allowed.get(kindOf) === false) out.push(reject('IDENTIFIER_NOT_ALLOWED', name, `This trigger does not accept ${name}.`));
      else if (value !== null && !valid(value)) out.push(reject('INVALID_CONTACT_POINT', name, `${name} is not valid.`));
    }
    const binding = bindingIdProblem(field('bindingId'));
    if (binding) out.push(binding);
    const values = field('attributes') ?? {};
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      out.push(reject('INVALID_ATTRIBUTES', 'attributes', 'attributes must be an object.'));
      return out;
    }
    const given = values as Record<string, unknown>;
    for (const name of required)
      if (!Object.hasOwn(given, name) || given[name] === null) out.push(reject('MISSING_ATTRIBUTE', `attributes.${name}`, `Required attribute “${name}” is missing.`));
    for (const [name, value] of Object.entries(given)) {
      const attribute = attributes.get(name);
      if (!attribute) {
        out.push(reject('UNKNOWN_ATTRIBUTE', `attributes.${name}`, `“${name}” is not an attribute of this trigger version.`));
        continue;
      }
      if (value === null) continue;
      const problem = checkValue(attribute.type, value, attribute.maxLength);
      if (problem)
        out.push(reject(attribute.type === AttributeType.TEXT && typeof value === 'string' ? 'TEXT_TOO_LONG' : 'INVALID_TYPE', `attributes.${name}`, `“${name}” ${problem}.`));
    }
    return out;
  };
}

/**
 * When it happened, corrected for the sender's clock: receivedAt − (sentAt − timestamp). Without sentAt the
 * timestamp is taken as is; without either, receivedAt. Far-future results are rejected.
 */
export function occurredAt(event: { timestamp?: unknown; sentAt?: unknown }, receivedAt: Date): { at: Date } | { rejection: Rejection } {
  const parse = (value: unknown, field: string): number | Rejection | undefined => {
    if (value === undefined || value === null) return undefined;
    const time = typeof value === 'string' ? parseDateTime(value) : null;
    return time === null ? reject('INVALID_TIMESTAMP', field, `${field} must be an RFC 3339 date-time with seconds and offset, like 2026-11-22T10:15:00Z.`) : time;
  };
  const timestamp = parse(event.timestamp, 'timestamp');
  const sentAt = parse(event.sentAt, 'sentAt');
  if (typeof timestamp === 'object') return { rejection: timestamp };
  if (typeof sentAt === 'object') return { rejection: sentAt };
  let at = receivedAt.getTime();
  if (timestamp !== undefined) at = sentAt !== undefined ? receivedAt.getTime() - (sentAt - timestamp) : timestamp;
  if (at > receivedAt.getTime() + MAX_FUTURE_SKEW_MS)
    return { rejection: reject('FUTURE_TIMESTAMP', 'timestamp', 'The event happens more than 5 minutes in the future, even after clock correction.') };
  if (at < EARLIEST_OCCURRENCE_MS) return { rejection: reject('TIMESTAMP_OUT_OF_RANGE', 'timestamp', 'The event happens before the year 1, even after clock correction.') };
  return { at: new Date(at) };
}

export function versionProblem(value: unknown): Rejection | null {
  if (value === undefined || value === null) return null;
  return Number.isInteger(value) && (value as number) >= 1 ? null : reject('UNKNOWN_VERSION', 'version', 'version must be a positive whole number.');
}

export function messageIdProblem(value: unknown): Rejection | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && value.length > 0 && atMostCodePoints(value, MAX_ID_LENGTH)
    ? null
    : reject('INVALID_MESSAGE_ID', 'messageId', 'messageId must be a string of 1–200 characters.');
}

/** bindingId (rule 10 of ../triggers/event-format.rules.ts): optional; null is "not sent". */
export function bindingIdProblem(value: unknown): Rejection | null {
  if (value === undefined || value === null || isBindingId(value)) return null;
  return reject(
    'INVALID_BINDING_ID',
    'bindingId',
    `bindingId must be {entityType}/{entityId}, like "cart/8812": a string of 1–${MAX_ID_LENGTH} characters, without control characters and not only slashes.`,
  );
}

export function eventSizeProblem(event: unknown): Rejection | null {
  const bytes = Buffer.byteLength(JSON.stringify(event) ?? '');
  return bytes > MAX_EVENT_BYTES ? reject('EVENT_TOO_LARGE', null, `The event is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES}.`) : null;
}
