import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_KEYS } from './trigger.catalog.js';
import {
  comparatorsFor,
  definitionProblems,
  EDIT_LOCK_MS,
  editLockedUntil,
  editRefusal,
  hideRefusal,
  isEditLocked,
  isUsable,
  keyFromTitle,
  keyProblems,
  MAX_ATTRIBUTES,
  normaliseAttribute,
  usableFrom,
  withDefaultOperations,
} from './trigger.rules.js';
import { AttributeType, Comparator, CustomerIdentity, IdentifierKind, TriggerCategory, TriggerKind, type TriggerDefinition } from './trigger.types.js';

const def = (over: Partial<TriggerDefinition> = {}): TriggerDefinition => ({
  title: 'Wi-Fi sign-up',
  description: '',
  category: TriggerCategory.SIGNAL,
  identity: CustomerIdentity.CONTACT,
  source: 'Website',
  attributes: [normaliseAttribute({ name: 'location', type: AttributeType.TEXT })],
  allowedOperations: withDefaultOperations([]),
  ...over,
});
const reasons = (d: TriggerDefinition) => definitionProblems(d).map((p) => `${p.field}:${p.reason}`);

describe('keys', () => {
  it('derives a valid key from the title', () => {
    expect(keyFromTitle('Wi-Fi sign-up!')).toBe('wi_fi_sign_up');
    expect(keyFromTitle('Crème brûlée order')).toBe('creme_brulee_order');
    expect(keyFromTitle('2024 Summer promo')).toBe('t_2024_summer_promo');
    expect(keyFromTitle('???')).toBe('trigger');
    expect(keyProblems(keyFromTitle('x'.repeat(200)), CATALOG_KEYS)).toEqual([]);
  });

  it('accepts only lowercase letters, digits and underscores, starting with a letter', () => {
    for (const good of ['order_placed', 'a', 'abc123']) expect(keyProblems(good, CATALOG_KEYS)).toEqual([]);
    for (const bad of ['Order', '1order', 'order-placed', 'order placed', '', '_x', 'a'.repeat(65)]) {
      expect(keyProblems(bad, CATALOG_KEYS)[0]?.reason).toBe('INVALID_KEY');
    }
  });

  it('reserves the keys of out-of-box triggers', () => {
    expect(keyProblems('email_opened', CATALOG_KEYS)[0]?.reason).toBe('KEY_RESERVED');
  });
});

describe('definitions', () => {
  it('accepts a sound definition', () => {
    expect(definitionProblems(def())).toEqual([]);
  });

  it('requires title and source, and bounds lengths', () => {
    expect(reasons(def({ title: ' ', source: '' }))).toEqual(['title:TITLE_REQUIRED', 'source:SOURCE_REQUIRED']);
    expect(reasons(def({ title: 'x'.repeat(121), description: 'x'.repeat(2001), source: 'x'.repeat(81) }))).toEqual([
      'title:TITLE_TOO_LONG',
      'description:DESCRIPTION_TOO_LONG',
      'source:SOURCE_TOO_LONG',
    ]);
  });

  it('allows 100 attributes and refuses 101', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => normaliseAttribute({ name: `a${i}`, type: AttributeType.NUMBER }));
    expect(definitionProblems(def({ attributes: many(MAX_ATTRIBUTES) }))).toEqual([]);
    expect(reasons(def({ attributes: many(MAX_ATTRIBUTES + 1) }))).toEqual(['attributes:TOO_MANY_ATTRIBUTES']);
  });

  it('refuses invalid, reserved and duplicate attribute names (case-insensitively)', () => {
    const attrs = ['1st', 'has space', 'authId', 'CONTACTPOINT_EMAIL', 'messageId', 'total', 'Total'].map((name) => normaliseAttribute({ name, type: AttributeType.NUMBER }));
    expect(reasons(def({ attributes: attrs }))).toEqual([
      'attributes[0].name:INVALID_ATTRIBUTE_NAME',
      'attributes[1].name:INVALID_ATTRIBUTE_NAME',
      'attributes[2].name:RESERVED_ATTRIBUTE_NAME',
      'attributes[3].name:RESERVED_ATTRIBUTE_NAME',
      'attributes[4].name:RESERVED_ATTRIBUTE_NAME',
      'attributes[6].name:DUPLICATE_ATTRIBUTE',
    ]);
  });

  it('refuses __proto__ and prototype as attribute names, and allows other Object.prototype member names', () => {
    const attrs = ['__proto__', 'prototype', 'Prototype', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'].map((name) =>
      normaliseAttribute({ name, type: AttributeType.TEXT }),
    );
    const problems = definitionProblems(def({ attributes: attrs }));
    expect(problems.map((p) => `${p.field}:${p.reason}`)).toEqual([
      'attributes[0].name:RESERVED_ATTRIBUTE_NAME',
      'attributes[1].name:RESERVED_ATTRIBUTE_NAME',
      'attributes[2].name:RESERVED_ATTRIBUTE_NAME',
      'attributes[2].name:DUPLICATE_ATTRIBUTE',
    ]);
    expect(problems[0].message).toContain('JavaScript');
  });

  it('gives TEXT a 1,000 default maximum length and bounds it', () => {
    expect(normaliseAttribute({ name: 'note', type: AttributeType.TEXT }).maxLength).toBe(1_000);
    expect(reasons(def({ attributes: [normaliseAttribute({ name: 'note', type: AttributeType.TEXT, maxLength: 0 })] }))).toEqual(['attributes[0].maxLength:INVALID_MAX_LENGTH']);
    expect(reasons(def({ attributes: [normaliseAttribute({ name: 'n', type: AttributeType.NUMBER, maxLength: 10 })] }))).toEqual(['attributes[0].maxLength:MAX_LENGTH_NOT_TEXT']);
  });

  it('requires an entity for references and only for them', () => {
    expect(reasons(def({ attributes: [normaliseAttribute({ name: 'order', type: AttributeType.ENTITY_REFERENCE })] }))).toEqual(['attributes[0].entity:ENTITY_REQUIRED']);
    expect(normaliseAttribute({ name: 'order', type: AttributeType.ENTITY_REFERENCE, entity: ' Order ' }).entity).toBe('order');
    expect(reasons(def({ attributes: [normaliseAttribute({ name: 'n', type: AttributeType.BOOLEAN, entity: 'order' })] }))).toEqual(['attributes[0].entity:ENTITY_NOT_REFERENCE']);
  });

  it('completes allowed operations with defaults and refuses duplicates', () => {
    expect(withDefaultOperations([{ identifier: IdentifierKind.EMAIL, read: true, write: false }])).toEqual([
      { identifier: IdentifierKind.EMAIL, read: true, write: false },
      { identifier: IdentifierKind.PHONE, read: false, write: true },
      { identifier: IdentifierKind.CRM_ID, read: true, write: true },
    ]);
    const dup = [
      { identifier: IdentifierKind.EMAIL, read: true, write: true },
      { identifier: IdentifierKind.EMAIL, read: false, write: true },
    ];
    expect(reasons(def({ allowedOperations: dup }))).toEqual(['allowedOperations:DUPLICATE_IDENTIFIER']);
  });

  it('keeps CRM-id writes on: every event names its customer by authId, so a trigger without them could accept nothing', () => {
    const without = withDefaultOperations([{ identifier: IdentifierKind.CRM_ID, read: true, write: false }]);
    expect(reasons(def({ allowedOperations: without }))).toEqual(['allowedOperations:CRM_ID_WRITE_REQUIRED']);
    const emailOff = withDefaultOperations([{ identifier: IdentifierKind.EMAIL, read: false, write: false }]);
    expect(reasons(def({ allowedOperations: emailOff }))).toEqual([]);
  });
});

describe('comparators', () => {
  it('offers typed comparators per attribute type', () => {
    expect(comparatorsFor(AttributeType.NUMBER)).toEqual(['EQUALS', 'NOT_EQUALS', 'LESS_THAN', 'LESS_OR_EQUAL', 'GREATER_THAN', 'GREATER_OR_EQUAL']);
    expect(comparatorsFor(AttributeType.DECIMAL)).toEqual(comparatorsFor(AttributeType.NUMBER));
    expect(comparatorsFor(AttributeType.DATETIME)).toEqual(['BEFORE', 'ON', 'AFTER', 'BETWEEN']);
    expect(comparatorsFor(AttributeType.DATE)).toEqual(comparatorsFor(AttributeType.DATETIME));
    expect(comparatorsFor(AttributeType.TEXT)).toEqual(['EQUALS', 'NOT_EQUALS', 'CONTAINS', 'STARTS_WITH']);
    expect(comparatorsFor(AttributeType.BOOLEAN)).toEqual([Comparator.IS]);
    expect(comparatorsFor(AttributeType.ENTITY_REFERENCE)).toEqual([Comparator.EQUALS]);
  });
});

describe('edit lock and usability', () => {
  const savedAt = new Date('2026-11-22T10:00:00.000Z');
  const at = (ms: number) => new Date(savedAt.getTime() + ms);

  it('locks editing for exactly one hour after an edit: 59:59.999 locked, 60:00.000 free', () => {
    const v2 = { number: 2, createdAt: savedAt };
    expect(editLockedUntil(v2)).toEqual(at(EDIT_LOCK_MS));
    expect(isEditLocked(v2, at(EDIT_LOCK_MS - 1))).toBe(true);
    expect(isEditLocked(v2, at(EDIT_LOCK_MS))).toBe(false);
  });

  it('does not lock after creation', () => {
    expect(editLockedUntil({ number: 1, createdAt: savedAt })).toBeNull();
    expect(isEditLocked({ number: 1, createdAt: savedAt }, savedAt)).toBe(false);
  });

  it('makes version 1 usable at once and later versions one hour after saving', () => {
    expect(usableFrom({ number: 1, createdAt: savedAt })).toEqual(savedAt);
    expect(isUsable({ number: 1, createdAt: savedAt }, savedAt)).toBe(true);
    expect(isUsable({ number: 3, createdAt: savedAt }, at(EDIT_LOCK_MS - 1))).toBe(false);
    expect(isUsable({ number: 3, createdAt: savedAt }, at(EDIT_LOCK_MS))).toBe(true);
  });

  it('refuses edits in a fixed order: out-of-box, hidden, stale, locked', () => {
    const base = { kind: TriggerKind.CUSTOM, hiddenAt: null, latest: { number: 2, createdAt: savedAt } };
    expect(editRefusal({ ...base, kind: TriggerKind.BUSINESS }, 2, at(0))).toBe('OUT_OF_BOX_READ_ONLY');
    expect(editRefusal({ ...base, kind: TriggerKind.INTERACTION }, 2, at(0))).toBe('OUT_OF_BOX_READ_ONLY');
    expect(editRefusal({ ...base, hiddenAt: savedAt }, 2, at(0))).toBe('TRIGGER_HIDDEN');
    expect(editRefusal(base, 1, at(0))).toBe('STALE_VERSION');
    expect(editRefusal(base, 2, at(0))).toBe('TRIGGER_EDIT_LOCKED');
    expect(editRefusal(base, 2, at(EDIT_LOCK_MS))).toBeNull();
  });
});

describe('hide', () => {
  const trigger = { kind: TriggerKind.CUSTOM, hiddenAt: null, title: 'Order placed' };
  it('needs the exact title, refuses out-of-box and already hidden triggers', () => {
    expect(hideRefusal(trigger, 'Order placed')).toBeNull();
    expect(hideRefusal(trigger, 'order placed')).toBe('TITLE_MISMATCH');
    expect(hideRefusal({ ...trigger, kind: TriggerKind.INTERACTION }, 'Order placed')).toBe('OUT_OF_BOX_READ_ONLY');
    expect(hideRefusal({ ...trigger, hiddenAt: new Date() }, 'Order placed')).toBe('ALREADY_HIDDEN');
  });
});

describe('out-of-box catalog', () => {
  it('holds the interaction and business triggers, each valid', () => {
    expect(CATALOG.filter((e) => e.kind === TriggerKind.INTERACTION).map((e) => e.key)).toEqual([
      'email_delivered',
      'email_opened',
      'email_clicked',
      'email_bounced',
      'text_delivered',
      'text_clicked',
      'push_delivered',
      'push_opened',
    ]);
    expect(CATALOG.filter((e) => e.kind === TriggerKind.BUSINESS)).toHaveLength(9);
    for (const entry of CATALOG) {
      expect(definitionProblems(entry.definition), entry.key).toEqual([]);
      expect(keyProblems(entry.key, new Set())).toEqual([]);
    }
  });
});
