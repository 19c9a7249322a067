import { BINDING_ID_PATTERN, DATE_TIME_PATTERN, MAX_EMAIL_LENGTH, MAX_ID_LENGTH, MAX_NUMERIC_ID, PHONE_PATTERN } from './event-format.rules.js';
import { specialAttributes } from './trigger.rules.js';
import { AttributeType, IdentifierKind, type AttributeDefinition, type TriggerDefinition } from './trigger.types.js';

type JsonSchema = Record<string, unknown>;

/** Rule 3 of event-format.rules.ts: text of 1–200 characters or a whole number that JSON parsers keep exact. */
const recordId = (): JsonSchema[] => [
  { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH },
  { type: 'integer', minimum: -MAX_NUMERIC_ID, maximum: MAX_NUMERIC_ID },
];
const DATE_TIME = { format: 'date-time', pattern: DATE_TIME_PATTERN };

/** Rule 2 of event-format.rules.ts: optional fields may be null ("not sent"). */
function nullable(schema: JsonSchema, optional: boolean): JsonSchema {
  if (!optional) return schema;
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: [...schema.anyOf, { type: 'null' }] };
  return { ...schema, type: [schema.type, 'null'] };
}

function attributeSchema(a: AttributeDefinition): JsonSchema {
  const base = { title: a.displayName, ...(a.description ? { description: a.description } : {}) };
  switch (a.type) {
    case AttributeType.TEXT:
      return { ...base, type: 'string', maxLength: a.maxLength };
    case AttributeType.NUMBER:
      return { ...base, type: 'integer' };
    case AttributeType.DECIMAL:
      return { ...base, type: 'number' };
    case AttributeType.BOOLEAN:
      return { ...base, type: 'boolean' };
    case AttributeType.DATE:
      return { ...base, type: 'string', format: 'date' };
    case AttributeType.DATETIME:
      return { ...base, type: 'string', ...DATE_TIME };
    case AttributeType.ENTITY_REFERENCE:
      return { ...base, anyOf: recordId(), 'x-flare-entity': a.entity };
  }
}

/**
 * JSON Schema (2020-12) of one event sent for this trigger version: what snippets send and ingestion checks.
 * It states the rules of event-format.rules.ts; the ones no JSON Schema can state (size, existence, clock)
 * are listed there.
 */
export function eventJsonSchema(key: string, version: number, def: TriggerDefinition): JsonSchema {
  const specials = specialAttributes(def.identity);
  const writes = (identifier: IdentifierKind) => def.allowedOperations.find((op) => op.identifier === identifier)?.write !== false;
  const requiredAttributes = def.attributes.filter((a) => a.required).map((a) => a.name);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:flare:trigger:${key}:v${version}`,
    title: `${def.title} (v${version})`,
    description: def.description || undefined,
    type: 'object',
    additionalProperties: false,
    required: ['trigger', 'authId', ...(requiredAttributes.length > 0 ? ['attributes'] : [])],
    properties: {
      trigger: { const: key, description: 'Machine key of the trigger.' },
      version: { type: ['integer', 'null'], minimum: 1, description: 'Pin a trigger version; the current one when omitted.' },
      authId: writes(IdentifierKind.CRM_ID)
        ? { anyOf: recordId(), description: `Id of the ${def.identity.toLowerCase()} the event is about.` }
        : { not: {}, description: 'This version does not accept events identified by CRM id, so it accepts no events.' },
      ...(specials.includes('contactpoint_email') && writes(IdentifierKind.EMAIL)
        ? { contactpoint_email: { type: ['string', 'null'], format: 'email', maxLength: MAX_EMAIL_LENGTH, description: 'Fallback email when the profile is incomplete.' } }
        : {}),
      ...(specials.includes('contactpoint_phone') && writes(IdentifierKind.PHONE)
        ? { contactpoint_phone: { type: ['string', 'null'], pattern: PHONE_PATTERN, description: 'Fallback phone number (E.164 preferred).' } }
        : {}),
      messageId: { type: ['string', 'null'], minLength: 1, maxLength: MAX_ID_LENGTH, description: 'Idempotency key: a retried event with the same messageId is stored once.' },
      bindingId: {
        type: ['string', 'null'],
        minLength: 1,
        maxLength: MAX_ID_LENGTH,
        pattern: BINDING_ID_PATTERN,
        description:
          'The record the event is about, as {entityType}/{entityId} (e.g. cart/8812): later events with the same bindingId act on the journey run this event started. No control characters, not only slashes.',
      },
      timestamp: { type: ['string', 'null'], ...DATE_TIME, description: 'When it happened, by the sender’s clock (RFC 3339).' },
      sentAt: { type: ['string', 'null'], ...DATE_TIME, description: 'When it was sent, by the sender’s clock (for clock-skew correction).' },
      attributes: {
        type: requiredAttributes.length > 0 ? 'object' : ['object', 'null'],
        additionalProperties: false,
        required: requiredAttributes,
        properties: Object.fromEntries(def.attributes.map((a) => [a.name, nullable(attributeSchema(a), !a.required)])),
      },
    },
  };
}
