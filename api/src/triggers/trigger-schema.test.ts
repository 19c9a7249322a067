import { describe, expect, it } from 'vitest';
import { eventJsonSchema } from './trigger-schema.js';
import { normaliseAttribute, withDefaultOperations } from './trigger.rules.js';
import { AttributeType, CustomerIdentity, TriggerCategory } from './trigger.types.js';

describe('eventJsonSchema', () => {
  const schema = eventJsonSchema('order_placed', 3, {
    title: 'Order placed',
    description: '',
    category: TriggerCategory.TRANSACTION,
    identity: CustomerIdentity.PROFILE,
    source: 'Checkout',
    attributes: [
      normaliseAttribute({ name: 'total', type: AttributeType.DECIMAL, required: true }),
      normaliseAttribute({ name: 'items', type: AttributeType.NUMBER }),
      normaliseAttribute({ name: 'note', type: AttributeType.TEXT, maxLength: 50 }),
      normaliseAttribute({ name: 'gift', type: AttributeType.BOOLEAN }),
      normaliseAttribute({ name: 'deliveryDate', type: AttributeType.DATE }),
      normaliseAttribute({ name: 'placedAt', type: AttributeType.DATETIME, required: true }),
      normaliseAttribute({ name: 'order', type: AttributeType.ENTITY_REFERENCE, entity: 'order' }),
    ],
    allowedOperations: withDefaultOperations([]),
  }) as any;

  it('pins the trigger key and version and forbids unknown fields', () => {
    expect(schema.$id).toBe('urn:flare:trigger:order_placed:v3');
    expect(schema.properties.trigger).toMatchObject({ const: 'order_placed' });
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.attributes.additionalProperties).toBe(false);
  });

  it('maps every attribute type and lists the required ones', () => {
    const p = schema.properties.attributes.properties;
    // Optional attributes also take null ("not sent"; event-format.rules.ts rule 2); required ones do not.
    expect([p.total.type, p.items.type, p.note.type, p.gift.type]).toEqual(['number', ['integer', 'null'], ['string', 'null'], ['boolean', 'null']]);
    expect(p.placedAt.type).toBe('string');
    expect(p.placedAt.pattern).toBeDefined();
    expect(p.order.anyOf).toEqual([{ type: 'string', minLength: 1, maxLength: 200 }, { type: 'integer', minimum: -(2 ** 53 - 1), maximum: 2 ** 53 - 1 }, { type: 'null' }]);
    expect(schema.required).toEqual(['trigger', 'authId', 'attributes']);
    expect(p.note.maxLength).toBe(50);
    expect(p.deliveryDate.format).toBe('date');
    expect(p.placedAt.format).toBe('date-time');
    expect(p.order['x-flare-entity']).toBe('order');
    expect(schema.properties.attributes.required).toEqual(['total', 'placedAt']);
  });

  it('publishes bindingId as optional text that is not only slashes and has no control characters (event-format.rules.ts rule 10)', () => {
    expect(schema.properties.bindingId).toMatchObject({ type: ['string', 'null'], minLength: 1, maxLength: 200 });
    const pattern = new RegExp(schema.properties.bindingId.pattern, 'u');
    expect(['cart/8812', 'A/B/C', '/a', 'a'].map((v) => pattern.test(v))).toEqual([true, true, true, true]);
    expect(['', '/', '///', 'cart/\n1', 'cart/\u009f1'].map((v) => pattern.test(v))).toEqual([false, false, false, false, false]);
    expect(schema.required).not.toContain('bindingId');
  });

  it('carries the fallback contact points for PROFILE identity only', () => {
    expect(schema.properties.contactpoint_email.format).toBe('email');
    expect(schema.properties.contactpoint_phone).toBeDefined();
    const contact = eventJsonSchema('x', 1, {
      title: 'x',
      description: '',
      category: TriggerCategory.SIGNAL,
      identity: CustomerIdentity.CONTACT,
      source: 'App',
      attributes: [],
      allowedOperations: [],
    }) as any;
    expect(contact.properties.contactpoint_email).toBeUndefined();
  });
});
