import { describe, expect, it } from 'vitest';
import { AttributeType as T, Comparator as C } from '../triggers/trigger.types.js';
import { attributeMatches } from './branch.rules.js';

describe('attributeMatches', () => {
  it('compares numbers', () => {
    expect(attributeMatches(T.DECIMAL, C.GREATER_THAN, 120.5, ['100'])).toBe(true);
    expect(attributeMatches(T.DECIMAL, C.GREATER_THAN, 99, ['100'])).toBe(false);
    expect(attributeMatches(T.NUMBER, C.EQUALS, 3, ['3'])).toBe(true);
    expect(attributeMatches(T.NUMBER, C.NOT_EQUALS, 3, ['3'])).toBe(false);
    expect(attributeMatches(T.NUMBER, C.LESS_OR_EQUAL, 3, ['3'])).toBe(true);
    expect(attributeMatches(T.NUMBER, C.GREATER_THAN, '200', ['3'])).toBe(false);
  });
  it('compares dates as whole days and date-times as instants', () => {
    expect(attributeMatches(T.DATE, C.ON, '2026-11-28', ['2026-11-28'])).toBe(true);
    expect(attributeMatches(T.DATE, C.BEFORE, '2026-11-27', ['2026-11-28'])).toBe(true);
    expect(attributeMatches(T.DATE, C.BETWEEN, '2026-11-28', ['2026-11-30', '2026-11-28'])).toBe(true);
    expect(attributeMatches(T.DATETIME, C.ON, '2026-11-28T23:00:00Z', ['2026-11-28T01:00:00Z'])).toBe(true);
    expect(attributeMatches(T.DATETIME, C.AFTER, '2026-11-28T10:00:01Z', ['2026-11-28T10:00:00Z'])).toBe(true);
    expect(attributeMatches(T.DATETIME, C.BETWEEN, '2026-11-28T10:00:00Z', ['2026-11-28T09:00:00Z'])).toBe(false);
  });
  it('compares text exactly', () => {
    expect(attributeMatches(T.TEXT, C.EQUALS, 'Gold', ['Gold'])).toBe(true);
    expect(attributeMatches(T.TEXT, C.EQUALS, 'gold', ['Gold'])).toBe(false);
    expect(attributeMatches(T.TEXT, C.CONTAINS, 'cart-8812', ['88'])).toBe(true);
    expect(attributeMatches(T.TEXT, C.STARTS_WITH, 'cart-8812', ['cart'])).toBe(true);
    expect(attributeMatches(T.ENTITY_REFERENCE, C.EQUALS, 'p-1', ['p-1'])).toBe(true);
  });
  it('compares booleans with IS', () => {
    expect(attributeMatches(T.BOOLEAN, C.IS, true, ['true'])).toBe(true);
    expect(attributeMatches(T.BOOLEAN, C.IS, false, ['true'])).toBe(false);
  });
  it('takes the no path for a missing or mistyped value, whatever the comparator', () => {
    expect(attributeMatches(T.TEXT, C.NOT_EQUALS, undefined, ['x'])).toBe(false);
    expect(attributeMatches(T.NUMBER, C.NOT_EQUALS, null, ['1'])).toBe(false);
    expect(attributeMatches(T.BOOLEAN, C.IS, 'true', ['true'])).toBe(false);
  });
});
