import { describe, expect, it } from 'vitest';
import { normaliseAttribute, withDefaultOperations } from '../triggers/trigger.rules.js';
import { AttributeType, CustomerIdentity, IdentifierKind, TriggerCategory, TriggerKind, type TriggerDefinition } from '../triggers/trigger.types.js';
import { compileValidator, eventSizeProblem, MAX_EVENT_BYTES, messageIdProblem, occurredAt } from './event-validation.rules.js';

const def = (over: Partial<TriggerDefinition> = {}): TriggerDefinition => ({
  title: 'Order placed',
  description: '',
  category: TriggerCategory.TRANSACTION,
  identity: CustomerIdentity.PROFILE,
  source: 'Checkout',
  attributes: [
    normaliseAttribute({ name: 'total', type: AttributeType.DECIMAL, required: true }),
    normaliseAttribute({ name: 'items', type: AttributeType.NUMBER }),
    normaliseAttribute({ name: 'coupon', type: AttributeType.TEXT, maxLength: 5 }),
    normaliseAttribute({ name: 'gift', type: AttributeType.BOOLEAN }),
    normaliseAttribute({ name: 'deliveryDate', type: AttributeType.DATE }),
    normaliseAttribute({ name: 'placedAt', type: AttributeType.DATETIME }),
    normaliseAttribute({ name: 'order', type: AttributeType.ENTITY_REFERENCE, entity: 'order' }),
  ],
  allowedOperations: withDefaultOperations([]),
  ...over,
});
const codes = (validator: ReturnType<typeof compileValidator>, event: Record<string, unknown>) => validator(event).map((r) => `${r.code}${r.field ? `@${r.field}` : ''}`);
const good = { trigger: 'order_placed', authId: 'c-1', attributes: { total: 12.5 } };

describe('compileValidator', () => {
  const validate = compileValidator(TriggerKind.CUSTOM, def());

  it('accepts a valid event with every type', () => {
    expect(validate({ ...good, contactpoint_email: 'a@b.example', contactpoint_phone: '+46 70 123 45', attributes: { total: 1, items: 2, coupon: 'SAVE', gift: false, deliveryDate: '2026-11-30', placedAt: '2026-11-22T10:00:00+01:00', order: 'o-9' } })).toEqual([]);
  });

  it('requires authId and required attributes', () => {
    expect(codes(validate, { trigger: 'x', attributes: {} })).toEqual(['MISSING_AUTH_ID@authId', 'MISSING_ATTRIBUTE@attributes.total']);
  });

  it('checks every type and length', () => {
    const bad = { ...good, attributes: { total: '12', items: 1.5, coupon: 'TOOLONG', gift: 'yes', deliveryDate: '2026-02-30', placedAt: 'yesterday', order: '' } };
    expect(codes(validate, bad)).toEqual([
      'INVALID_TYPE@attributes.total',
      'INVALID_TYPE@attributes.items',
      'TEXT_TOO_LONG@attributes.coupon',
      'INVALID_TYPE@attributes.gift',
      'INVALID_TYPE@attributes.deliveryDate',
      'INVALID_TYPE@attributes.placedAt',
      'INVALID_TYPE@attributes.order',
    ]);
  });

  it('rejects unknown attributes and unknown envelope fields', () => {
    expect(codes(validate, { ...good, attributes: { total: 1, color: 'red' }, extra: 1 })).toEqual(['UNKNOWN_FIELD@extra', 'UNKNOWN_ATTRIBUTE@attributes.color']);
  });

  it('accepts contact points only on profile triggers, and only when allowed', () => {
    const contact = compileValidator(TriggerKind.CUSTOM, def({ identity: CustomerIdentity.CONTACT }));
    expect(codes(contact, { ...good, contactpoint_email: 'a@b.example' })).toEqual(['UNKNOWN_FIELD@contactpoint_email']);
    const noEmail = compileValidator(TriggerKind.CUSTOM, def({ allowedOperations: withDefaultOperations([{ identifier: IdentifierKind.EMAIL, read: false, write: false }]) }));
    expect(codes(noEmail, { ...good, contactpoint_email: 'a@b.example' })).toEqual(['IDENTIFIER_NOT_ALLOWED@contactpoint_email']);
    expect(codes(validate, { ...good, contactpoint_email: 'not-an-email' })).toEqual(['INVALID_CONTACT_POINT@contactpoint_email']);
    const noCrm = compileValidator(TriggerKind.CUSTOM, def({ allowedOperations: withDefaultOperations([{ identifier: IdentifierKind.CRM_ID, read: false, write: false }]) }));
    expect(codes(noCrm, good)).toEqual(['IDENTIFIER_NOT_ALLOWED@authId']);
  });

  it('refuses events for out-of-box triggers', () => {
    expect(codes(compileValidator(TriggerKind.BUSINESS, def()), good)).toEqual(['NOT_A_CUSTOM_TRIGGER@trigger']);
  });
});

describe('occurredAt', () => {
  const received = new Date('2026-11-22T12:00:00.000Z');
  it('corrects for sender clock skew', () => {
    // Sender clock 10 minutes fast: event at 12:05 by its clock, sent at 12:10 by its clock, received 12:00.
    expect(occurredAt({ timestamp: '2026-11-22T12:05:00Z', sentAt: '2026-11-22T12:10:00Z' }, received)).toEqual({ at: new Date('2026-11-22T11:55:00.000Z') });
    expect(occurredAt({ timestamp: '2026-11-22T11:00:00Z' }, received)).toEqual({ at: new Date('2026-11-22T11:00:00.000Z') });
    expect(occurredAt({}, received)).toEqual({ at: received });
  });

  it('rejects far-future and malformed times', () => {
    expect(occurredAt({ timestamp: '2026-11-22T12:05:00.001Z' }, received)).toMatchObject({ rejection: { code: 'FUTURE_TIMESTAMP' } });
    expect(occurredAt({ timestamp: '2026-11-22T12:05:00.000Z' }, received)).toEqual({ at: new Date('2026-11-22T12:05:00.000Z') });
    expect(occurredAt({ timestamp: 'noon' }, received)).toMatchObject({ rejection: { code: 'INVALID_TIMESTAMP', field: 'timestamp' } });
    expect(occurredAt({ timestamp: '2026-11-22T11:00:00Z', sentAt: 12 }, received)).toMatchObject({ rejection: { code: 'INVALID_TIMESTAMP', field: 'sentAt' } });
  });
});

describe('envelope limits', () => {
  it('bounds message ids and event size', () => {
    expect(messageIdProblem('m-1')).toBeNull();
    expect(messageIdProblem('')?.code).toBe('INVALID_MESSAGE_ID');
    expect(messageIdProblem('x'.repeat(201))?.code).toBe('INVALID_MESSAGE_ID');
    expect(eventSizeProblem({ a: 'x'.repeat(MAX_EVENT_BYTES - 20) })).toBeNull();
    expect(eventSizeProblem({ a: 'x'.repeat(MAX_EVENT_BYTES) })?.code).toBe('EVENT_TOO_LARGE');
  });
});
