import { specialAttributes } from '../triggers/trigger.rules.js';
import { AttributeType, type AttributeDefinition, type TriggerDefinition } from '../triggers/trigger.types.js';

/** A realistic, valid example value per attribute type (stable, so snippets and golden files are reproducible). */
export function exampleValue(a: AttributeDefinition): string | number | boolean {
  switch (a.type) {
    case AttributeType.TEXT: {
      const text = /url|link/i.test(a.name) ? 'https://shop.example.com/cart/123' : /email/i.test(a.name) ? 'ada@example.com' : `example ${a.displayName.toLowerCase()}`;
      return text.slice(0, a.maxLength ?? text.length);
    }
    case AttributeType.NUMBER:
      return 3;
    case AttributeType.DECIMAL:
      return 49.95;
    case AttributeType.BOOLEAN:
      return true;
    case AttributeType.DATE:
      return '2026-11-22';
    case AttributeType.DATETIME:
      return '2026-11-22T10:15:00Z';
    case AttributeType.ENTITY_REFERENCE:
      return `${a.entity ?? 'record'}-1001`;
  }
}

/** An event that passes validation for this version; optional attributes included, to show them. */
export function sampleEvent(key: string, def: TriggerDefinition): Record<string, unknown> {
  const specials = specialAttributes(def.identity);
  return {
    trigger: key,
    authId: `${def.identity.toLowerCase()}-42`,
    ...(specials.includes('contactpoint_email') ? { contactpoint_email: 'ada@example.com' } : {}),
    attributes: Object.fromEntries(def.attributes.map((a) => [a.name, exampleValue(a)])),
  };
}
