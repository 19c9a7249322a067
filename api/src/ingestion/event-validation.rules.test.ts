import { describe, expect, it } from 'vitest';
import { normaliseAttribute, withDefaultOperations } from '../triggers/trigger.rules.js';
import { AttributeType, CustomerIdentity, IdentifierKind, TriggerCategory, TriggerKind, type TriggerDefinition } from '../triggers/trigger.types.js';
import { bindingIdProblem, compileValidator, eventSizeProblem, MAX_EVENT_BYTES, messageIdProblem, occurredAt } from './event-validation.rules.js';

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
    expect(
      validate({
        ...good,
        contactpoint_email: 'a@b.example',
        contactpoint_phone: '+46 70 123 45',
        attributes: { total: 1, items: 2, coupon: 'SAVE', gift: false, deliveryDate: '2026-11-30', placedAt: '2026-11-22T10:00:00+01:00', order: 'o-9' },
      }),
    ).toEqual([]);
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

describe('bindingId (event-format.rules.ts rule 10)', () => {
  const validate = compileValidator(TriggerKind.CUSTOM, def());
  const binding = (bindingId: unknown) => codes(validate, { ...good, bindingId });

  it('accepts {entityType}/{entityId} and any other text of 1–200 characters with a character besides "/"', () => {
    for (const ok of [
      'cart/8812',
      'A/B/C',
      'cart',
      '8812',
      'x',
      '/cart/8812/',
      '//a',
      'a//',
      'Appointment/123',
      'cart/ 8812',
      'панier/😀',
      'x'.repeat(200),
      '😀'.repeat(200),
      `cart/${'9'.repeat(195)}`,
    ])
      expect(binding(ok), ok).toEqual([]);
  });

  it('takes null or leaving it out as "not sent"', () => {
    expect(binding(null)).toEqual([]);
    expect(codes(validate, good)).toEqual([]);
    expect(bindingIdProblem(undefined)).toBeNull();
    expect(bindingIdProblem(null)).toBeNull();
  });

  it('rejects empty, too long, only slashes, control characters and other types with INVALID_BINDING_ID', () => {
    for (const bad of [
      '',
      'x'.repeat(201),
      '😀'.repeat(201),
      '/',
      '///',
      'cart/\n8812',
      'cart/8812\t',
      '\u0000cart/8812',
      'cart/\u001f',
      'cart/\u007f8812',
      'cart/\u00858812',
      'cart/\u009f',
      8812,
      0,
      true,
      ['cart', 8812],
      { type: 'cart', id: 8812 },
    ])
      expect(binding(bad), JSON.stringify(bad)).toEqual(['INVALID_BINDING_ID@bindingId']);
  });

  it('allows characters next to the control ranges: space, no-break space (U+00A0), zero-width space (U+200B)', () => {
    for (const ok of ['cart/\u00a08812', 'cart/\u200b8812', ' ', '/ /']) expect(binding(ok), JSON.stringify(ok)).toEqual([]);
  });

  it('says what the format is', () => {
    expect(bindingIdProblem('///')).toEqual({
      code: 'INVALID_BINDING_ID',
      field: 'bindingId',
      message: 'bindingId must be {entityType}/{entityId}, like "cart/8812": a string of 1–200 characters, without control characters and not only slashes.',
    });
  });
});

describe('attribute names that are Object.prototype members', () => {
  const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
  const validate = compileValidator(TriggerKind.CUSTOM, def({ attributes: names.map((name) => normaliseAttribute({ name, type: AttributeType.TEXT, required: true })) }));

  it('enforces required attributes named like them, looking at own properties only', () => {
    expect(codes(validate, { ...good, attributes: {} })).toEqual(names.map((n) => `MISSING_ATTRIBUTE@attributes.${n}`));
    expect(codes(validate, { ...good, attributes: Object.fromEntries(names.map((n) => [n, 'x'])) })).toEqual([]);
  });

  it('treats "__proto__" in the JSON as an unknown attribute or field, and pollutes nothing', () => {
    const event = JSON.parse(
      '{"__proto__": {"polluted": true}, "trigger": "t", "authId": "a", "attributes": {"__proto__": {"polluted": true}, "constructor": "x", "toString": "x", "valueOf": "x", "hasOwnProperty": "x"}}',
    );
    expect(codes(validate, event)).toEqual(['UNKNOWN_FIELD@__proto__', 'UNKNOWN_ATTRIBUTE@attributes.__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('event format decisions (docs/events.md)', () => {
  const validate = compileValidator(TriggerKind.CUSTOM, def());
  const attribute = (attributes: Record<string, unknown>) => codes(validate, { ...good, attributes: { total: 1, ...attributes } });

  it('parses date-times as RFC 3339, strictly: real days and times, seconds required', () => {
    for (const bad of [
      '2026-02-31T10:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T10:60:00Z',
      '2026-01-01T10:00Z',
      '2026-01-01 10:00:00Z',
      '2026-01-01T10:00:00+24:00',
      '2026-01-01T10:00:00+0100',
      '2026-01-01T10:00:00+01',
      '2026-01-01T10:00:00',
      '2026-01-01T12:59:60Z',
      '2026-01-01T10:00:00.Z',
      '+02026-01-01T10:00:00Z',
    ]) {
      expect(attribute({ placedAt: bad }), bad).toEqual(['INVALID_TYPE@attributes.placedAt']);
    }
    for (const ok of [
      '2016-12-31T23:59:60Z',
      '2017-01-01T00:59:60+01:00',
      '2016-12-31T18:29:60-05:30',
      '2026-11-22T10:15:00.123456789012Z',
      '2026-11-22t10:15:00z',
      '2026-11-22T10:15:00-23:59',
      '2024-02-29T00:00:00Z',
      '0000-01-01T00:00:00Z',
    ]) {
      expect(attribute({ placedAt: ok }), ok).toEqual([]);
    }
  });

  it('parses dates as RFC 3339 full-date', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '2026-04-31', '2026-11-22T00:00:00Z', '20261122'])
      expect(attribute({ deliveryDate: bad }), bad).toEqual(['INVALID_TYPE@attributes.deliveryDate']);
    for (const ok of ['2024-02-29', '2000-02-29', '0000-01-01', '9999-12-31']) expect(attribute({ deliveryDate: ok }), ok).toEqual([]);
    expect(attribute({ deliveryDate: '1900-02-29' })).toEqual(['INVALID_TYPE@attributes.deliveryDate']);
  });

  it('counts lengths in code points, as JSON Schema does', () => {
    expect(attribute({ coupon: '😀😀😀😀😀' })).toEqual([]);
    expect(attribute({ coupon: '😀😀😀😀😀😀' })).toEqual(['TEXT_TOO_LONG@attributes.coupon']);
    expect(codes(validate, { ...good, authId: '😀'.repeat(200) })).toEqual([]);
    expect(codes(validate, { ...good, authId: '😀'.repeat(201) })).toEqual(['INVALID_AUTH_ID@authId']);
    expect(attribute({ order: '😀'.repeat(200) })).toEqual([]);
    expect(messageIdProblem('😀'.repeat(200))).toBeNull();
    expect(messageIdProblem('😀'.repeat(201))?.code).toBe('INVALID_MESSAGE_ID');
  });

  it('accepts any whole number for NUMBER, and ids as strings or safe whole numbers', () => {
    expect(attribute({ items: 2 ** 60 })).toEqual([]);
    expect(attribute({ items: 1e300 })).toEqual([]);
    expect(attribute({ items: 1.5 })).toEqual(['INVALID_TYPE@attributes.items']);
    expect(codes(validate, { ...good, authId: 42 })).toEqual([]);
    expect(codes(validate, { ...good, authId: Number.MAX_SAFE_INTEGER })).toEqual([]);
    expect(codes(validate, { ...good, authId: 2 ** 53 })).toEqual(['INVALID_AUTH_ID@authId']);
    expect(codes(validate, { ...good, authId: 4.2 })).toEqual(['INVALID_AUTH_ID@authId']);
    expect(attribute({ order: 1001 })).toEqual([]);
    expect(attribute({ order: 2 ** 53 })).toEqual(['INVALID_TYPE@attributes.order']);
  });

  it('takes null as "not sent" for optional fields the version accepts, never for required ones or fields it does not accept', () => {
    expect(codes(validate, { ...good, contactpoint_email: null, contactpoint_phone: null, attributes: { total: 1, items: null, coupon: null } })).toEqual([]);
    expect(messageIdProblem(null)).toBeNull();
    expect(attribute({ total: null })).toEqual(['MISSING_ATTRIBUTE@attributes.total']);
    expect(codes(validate, { ...good, authId: null })).toEqual(['MISSING_AUTH_ID@authId']);
    const contact = compileValidator(TriggerKind.CUSTOM, def({ identity: CustomerIdentity.CONTACT }));
    expect(codes(contact, { ...good, contactpoint_email: null })).toEqual(['UNKNOWN_FIELD@contactpoint_email']);
    const noEmail = compileValidator(TriggerKind.CUSTOM, def({ allowedOperations: withDefaultOperations([{ identifier: IdentifierKind.EMAIL, read: false, write: false }]) }));
    expect(codes(noEmail, { ...good, contactpoint_email: null })).toEqual(['IDENTIFIER_NOT_ALLOWED@contactpoint_email']);
  });

  it('lets attributes be left out only when none is required', () => {
    const optional = compileValidator(TriggerKind.CUSTOM, def({ attributes: [normaliseAttribute({ name: 'note', type: AttributeType.TEXT })] }));
    expect(codes(optional, { trigger: 'x', authId: 'a' })).toEqual([]);
    expect(codes(optional, { trigger: 'x', authId: 'a', attributes: null })).toEqual([]);
    expect(codes(validate, { trigger: 'x', authId: 'a' })).toEqual(['MISSING_ATTRIBUTE@attributes.total']);
  });

  it('checks contact emails as the JSON Schema email format does: ASCII, at most 254 characters', () => {
    expect(codes(validate, { ...good, contactpoint_email: `${'a'.repeat(64)}@${'b'.repeat(180)}.example` })).toEqual([]);
    for (const bad of [`${'a'.repeat(64)}@${'b'.repeat(190)}.example`, 'åsa@example.com', 'a@b', 'a b@example.com', 'a@-b.example']) {
      expect(codes(validate, { ...good, contactpoint_email: bad }), bad).toEqual(['INVALID_CONTACT_POINT@contactpoint_email']);
    }
  });
});

describe('occurredAt parses timestamp and sentAt strictly', () => {
  const received = new Date('2026-11-22T12:00:00.000Z');
  it('refuses impossible times, and reads leap seconds and long fractions', () => {
    expect(occurredAt({ timestamp: '2026-02-31T10:00:00Z' }, received)).toMatchObject({ rejection: { code: 'INVALID_TIMESTAMP', field: 'timestamp' } });
    expect(occurredAt({ timestamp: '2026-11-22T11:00:00Z', sentAt: '2026-11-22T24:00:00Z' }, received)).toMatchObject({
      rejection: { code: 'INVALID_TIMESTAMP', field: 'sentAt' },
    });
    expect(occurredAt({ timestamp: '2026-11-22T11:00Z' }, received)).toMatchObject({ rejection: { code: 'INVALID_TIMESTAMP' } });
    expect(occurredAt({ timestamp: '2016-12-31T23:59:60Z' }, received)).toEqual({ at: new Date('2016-12-31T23:59:59.999Z') });
    expect(occurredAt({ timestamp: '2026-11-22T11:00:00.123456789012+01:00' }, received)).toEqual({ at: new Date('2026-11-22T10:00:00.123Z') });
    expect(occurredAt({ timestamp: '0099-01-01T00:00:00Z' }, received)).toEqual({ at: new Date('0099-01-01T00:00:00.000Z') });
    expect(occurredAt({ timestamp: null, sentAt: null }, received)).toEqual({ at: received });
  });

  it('refuses times before the year 1, which PostgreSQL cannot store, also after clock correction', () => {
    expect(occurredAt({ timestamp: '0000-06-01T00:00:00Z' }, received)).toMatchObject({ rejection: { code: 'TIMESTAMP_OUT_OF_RANGE', field: 'timestamp' } });
    expect(occurredAt({ timestamp: '0001-01-01T00:00:00Z' }, received)).toEqual({ at: new Date('0001-01-01T00:00:00.000Z') });
    expect(occurredAt({ timestamp: '0001-01-01T00:00:00Z', sentAt: '9999-12-31T23:59:59Z' }, received)).toMatchObject({ rejection: { code: 'TIMESTAMP_OUT_OF_RANGE' } });
  });
});
