import { describe, expect, it } from 'vitest';
import { checkEventText, clipText, CUT_MARKER, MAX_EVENT_DEPTH, sanitizeText } from './event-text.rules.js';

const nest = (levels: number, leaf: unknown = 'x'): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
};
/** JSON.stringify escapes NUL and lone surrogates (and only those) as \u0000 and \udXXX. */
const storable = (value: unknown) => !/\\u0000|\\ud[89a-f]/i.test(JSON.stringify(value));

describe('checkEventText', () => {
  it('passes ordinary events, emoji (surrogate pairs) and other non-ASCII text untouched', () => {
    expect(checkEventText({ trigger: 'order_placed', authId: 'c-1', attributes: { note: 'Grüße 😀 — ok', list: [1, 'a', { b: null }] } })).toBeNull();
    expect(checkEventText({ '😀': '\uFFFD' })).toBeNull();
  });

  it('finds NUL and lone surrogates in values and keys at any depth, with the field path', () => {
    const result = checkEventText({
      trigger: 'order\u0000placed',
      messageId: 'm-\ud800',
      attributes: { 'bad\u0000key': 1, coupon: 'ok', list: [{ note: 'x\udc00y' }], 'with space': 'a\u0000' },
    })!;
    expect(result.reasons.map((r) => [r.code, r.field])).toEqual([
      ['INVALID_TEXT', 'trigger'],
      ['INVALID_TEXT', 'messageId'],
      ['INVALID_TEXT', 'attributes["bad\uFFFDkey"]'],
      ['INVALID_TEXT', 'attributes.list[0].note'],
      ['INVALID_TEXT', 'attributes["with space"]'],
    ]);
    expect(result.reasons[0].message).toContain('U+0000');
    expect(result.reasons[1].message).toContain('surrogate');
    expect(result.reasons[2].message).toContain('name of this field');
    expect(result.sanitized).toEqual({
      trigger: 'order\uFFFDplaced',
      messageId: 'm-\uFFFD',
      attributes: { 'bad\uFFFDkey': 1, coupon: 'ok', list: [{ note: 'x\uFFFDy' }], 'with space': 'a\uFFFD' },
    });
    expect(storable(result.sanitized)).toBe(true);
    expect(storable(result.reasons)).toBe(true);
  });

  it('reports at most five bad strings but sanitises all of them', () => {
    const attributes = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`a${i}`, `\u0000${i}`]));
    const result = checkEventText({ attributes })!;
    expect(result.reasons).toHaveLength(5);
    expect(Object.values(result.sanitized.attributes as object)).toEqual(Array.from({ length: 8 }, (_, i) => `\uFFFD${i}`));
  });

  it(`allows ${MAX_EVENT_DEPTH} levels and cuts deeper parts with a marker (TOO_DEEP, once)`, () => {
    // The event is level 1 and attributes level 2, so attributes.a may hold MAX_EVENT_DEPTH - 2 more levels.
    expect(checkEventText({ attributes: { a: nest(MAX_EVENT_DEPTH - 2) } })).toBeNull();
    const result = checkEventText({ attributes: { a: nest(MAX_EVENT_DEPTH - 1), b: nest(5_000) } })!;
    expect(result.reasons.map((r) => r.code)).toEqual(['TOO_DEEP']);
    expect(result.reasons[0].field).toBe(`attributes.a${'[0]'.repeat(MAX_EVENT_DEPTH - 2)}`);
    expect(result.reasons[0].message).toContain(String(MAX_EVENT_DEPTH));
    expect(result.sanitized).toEqual({ attributes: { a: nest(MAX_EVENT_DEPTH - 2, CUT_MARKER), b: nest(MAX_EVENT_DEPTH - 2, CUT_MARKER) } });
    expect(() => JSON.stringify(result.sanitized)).not.toThrow();
  });

  it('keeps a "__proto__" key as data and long field paths storable', () => {
    const event = JSON.parse('{"attributes":{"__proto__":{"x":"\\u0000"}}}');
    const result = checkEventText(event)!;
    expect(Object.keys(result.sanitized.attributes as object)).toEqual(['__proto__']);
    expect(result.reasons[0].field).toBe('attributes.__proto__.x');
    // The field reads ["aaa…"]: the cut at 199 characters falls between the emoji's two halves.
    const longKey = `${'a'.repeat(196)}😀tail`;
    const long = checkEventText({ [longKey]: '\u0000' })!;
    expect(long.reasons[0].field!.length).toBeLessThanOrEqual(200);
    expect(storable(long.reasons)).toBe(true);
  });

  it('clips text without splitting a surrogate pair', () => {
    expect(clipText('abc', 5)).toBe('abc');
    expect(clipText('abcdef', 3)).toBe('abc');
    expect(clipText('ab😀c', 3)).toBe('ab');
    expect(clipText('ab😀c', 4)).toBe('ab😀');
    expect(clipText('a😀😀', 4)).toBe('a😀');
  });

  it('sanitises text to the same length', () => {
    expect(sanitizeText('a\u0000b\ud800c\udc00d😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd😀');
  });
});
