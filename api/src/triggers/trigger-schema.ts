import { specialAttributes } from './trigger.rules.js';
import { AttributeType, type AttributeDefinition, type TriggerDefinition } from './trigger.types.js';

type JsonSchema = Record<string, unknown>;

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
      return { ...base, type: 'string', format: 'date-time' };
    case AttributeType.ENTITY_REFERENCE:
      return { ...base, type: 'string', minLength: 1, maxLength: 200, 'x-flare-entity': a.entity };
  }
}

/** JSON Schema (2020-12) of one event sent for this trigger version: what snippets send and ingestion checks. */
export function eventJsonSchema(key: string, version: number, def: TriggerDefinition): JsonSchema {
  const specials = specialAttributes(def.identity);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:flare:trigger:${key}:v${version}`,
    title: `${def.title} (v${version})`,
    description: def.description || undefined,
    type: 'object',
    additionalProperties: false,
    required: ['trigger', 'authId', 'attributes'],
    properties: {
      trigger: { const: key, description: 'Machine key of the trigger.' },
      version: { type: 'integer', minimum: 1, description: 'Pin a trigger version; the current one when omitted.' },
      authId: { type: 'string', minLength: 1, maxLength: 200, description: `Id of the ${def.identity.toLowerCase()} the event is about.` },
      ...(specials.includes('contactpoint_email') ? { contactpoint_email: { type: 'string', format: 'email', maxLength: 254, description: 'Fallback email when the profile is incomplete.' } } : {}),
      ...(specials.includes('contactpoint_phone') ? { contactpoint_phone: { type: 'string', pattern: '^\\+?[0-9 ()-]{5,32}$', description: 'Fallback phone number (E.164 preferred).' } } : {}),
      messageId: { type: 'string', minLength: 1, maxLength: 200, description: 'Idempotency key: a retried event with the same messageId is stored once.' },
      timestamp: { type: 'string', format: 'date-time', description: 'When it happened, by the sender’s clock.' },
      sentAt: { type: 'string', format: 'date-time', description: 'When it was sent, by the sender’s clock (for clock-skew correction).' },
      attributes: {
        type: 'object',
        additionalProperties: false,
        required: def.attributes.filter((a) => a.required).map((a) => a.name),
        properties: Object.fromEntries(def.attributes.map((a) => [a.name, attributeSchema(a)])),
      },
    },
  };
}
