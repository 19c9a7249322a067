import { describe, expect, it } from 'vitest';
import { ChangeKind, diffDefinitions, isBreaking } from './trigger-diff.rules.js';
import { normaliseAttribute, withDefaultOperations } from './trigger.rules.js';
import { AttributeType, CustomerIdentity, IdentifierKind, TriggerCategory, type TriggerDefinition } from './trigger.types.js';

const base: TriggerDefinition = {
  title: 'Order placed',
  description: 'A customer placed an order',
  category: TriggerCategory.TRANSACTION,
  identity: CustomerIdentity.CONTACT,
  source: 'Checkout',
  attributes: [normaliseAttribute({ name: 'total', type: AttributeType.DECIMAL, required: true }), normaliseAttribute({ name: 'coupon', type: AttributeType.TEXT, maxLength: 40 })],
  allowedOperations: withDefaultOperations([]),
};
const kinds = (a: TriggerDefinition, b: TriggerDefinition) => diffDefinitions(a, b).map((c) => `${c.kind}${c.attribute ? `:${c.attribute}` : ''}${c.breaking ? '!' : ''}`);

describe('diffDefinitions', () => {
  it('finds nothing between equal definitions', () => {
    expect(diffDefinitions(base, structuredClone(base))).toEqual([]);
  });

  it('treats descriptive changes as non-breaking', () => {
    const next = { ...base, title: 'Order completed', description: 'x', category: TriggerCategory.CONVERSION, source: 'Shop' };
    expect(kinds(base, next)).toEqual(['TITLE_CHANGED', 'DESCRIPTION_CHANGED', 'CATEGORY_CHANGED', 'SOURCE_CHANGED']);
    expect(isBreaking(diffDefinitions(base, next))).toBe(false);
  });

  it('flags removed attributes, type changes and new required attributes as breaking', () => {
    const next = {
      ...base,
      attributes: [
        normaliseAttribute({ name: 'total', type: AttributeType.NUMBER, required: true }),
        normaliseAttribute({ name: 'store', type: AttributeType.ENTITY_REFERENCE, entity: 'store', required: true }),
        normaliseAttribute({ name: 'gift', type: AttributeType.BOOLEAN }),
      ],
    };
    expect(kinds(base, next)).toEqual(['ATTRIBUTE_REMOVED:coupon!', 'ATTRIBUTE_TYPE_CHANGED:total!', 'ATTRIBUTE_ADDED:store!', 'ATTRIBUTE_ADDED:gift']);
  });

  it('flags optional → required and shorter maximum length as breaking, the reverse not', () => {
    const stricter = { ...base, attributes: [base.attributes[0], normaliseAttribute({ name: 'coupon', type: AttributeType.TEXT, maxLength: 20, required: true })] };
    expect(kinds(base, stricter)).toEqual(['ATTRIBUTE_REQUIRED_CHANGED:coupon!', 'ATTRIBUTE_MAX_LENGTH_CHANGED:coupon!']);
    expect(kinds(stricter, base)).toEqual(['ATTRIBUTE_REQUIRED_CHANGED:coupon', 'ATTRIBUTE_MAX_LENGTH_CHANGED:coupon']);
  });

  it('flags identity changes and revoked write permissions as breaking', () => {
    expect(kinds(base, { ...base, identity: CustomerIdentity.PROFILE })).toEqual(['IDENTITY_CHANGED!']);
    const noEmail = withDefaultOperations([{ identifier: IdentifierKind.EMAIL, read: false, write: false }]);
    expect(kinds(base, { ...base, allowedOperations: noEmail })).toEqual(['ALLOWED_OPERATIONS_CHANGED!']);
    const readEmail = withDefaultOperations([{ identifier: IdentifierKind.EMAIL, read: true, write: true }]);
    expect(kinds(base, { ...base, allowedOperations: readEmail })).toEqual(['ALLOWED_OPERATIONS_CHANGED']);
  });

  it('compares allowed operations by value: key order and list order do not count as a change', () => {
    const reordered = [...base.allowedOperations].reverse().map(({ identifier, read, write }) => ({ write, read, identifier }));
    expect(diffDefinitions(base, { ...base, allowedOperations: reordered })).toEqual([]);
    expect(diffDefinitions({ ...base, allowedOperations: reordered }, base)).toEqual([]);
    const withDescription = { ...base, description: 'Changed', allowedOperations: reordered };
    expect(kinds(base, withDescription)).toEqual(['DESCRIPTION_CHANGED']);
  });

  it('reports an allowed-operations change the same way whatever the key order', () => {
    const noEmail = withDefaultOperations([{ identifier: IdentifierKind.EMAIL, read: false, write: false }]);
    const shuffled = noEmail.map(({ identifier, read, write }) => ({ read, identifier, write }));
    expect(diffDefinitions(base, { ...base, allowedOperations: shuffled })).toEqual(diffDefinitions(base, { ...base, allowedOperations: noEmail }));
  });

  it('notices reordering and label edits', () => {
    const relabelled = { ...base, attributes: [base.attributes[1], { ...base.attributes[0], displayName: 'Order total' }] };
    expect(kinds(base, relabelled)).toEqual([`${ChangeKind.ATTRIBUTE_LABEL_CHANGED}:total`, ChangeKind.ATTRIBUTES_REORDERED]);
  });
});
