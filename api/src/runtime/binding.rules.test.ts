import { describe, expect, it } from 'vitest';
import { bindingActs, NO_BINDING, parseBinding } from './binding.rules.js';

describe('parseBinding', () => {
  it('splits type and id at the last slash, as Dynamics 365 does', () => {
    expect(parseBinding('cart/8812')).toEqual({ type: 'cart', id: '8812' });
    expect(parseBinding('A/B/C')).toEqual({ type: 'AB', id: 'C' });
    expect(parseBinding('/cart/8812/')).toEqual({ type: 'cart', id: '8812' });
    expect(parseBinding('random string 2')).toEqual({ type: '', id: 'random string 2' });
  });
  it('reads null, empty, slashes only and non-strings as no binding', () => {
    for (const value of [null, undefined, '', '/', '///', 42, {}]) expect(parseBinding(value)).toBeNull();
  });
});

describe('bindingActs', () => {
  const cartA = parseBinding('cart/A')!;
  it('case 0: an event without binding acts on every run', () => {
    expect(bindingActs(null, cartA)).toBe(true);
    expect(bindingActs(null, NO_BINDING)).toBe(true);
  });
  it('case 1: same type and id acts', () => expect(bindingActs(parseBinding('cart/A'), cartA)).toBe(true));
  it('case 2: same type, another id does not act', () => expect(bindingActs(parseBinding('cart/B'), cartA)).toBe(false));
  it('case 3: another type acts', () => expect(bindingActs(parseBinding('order/9'), cartA)).toBe(true));
  it('the documented examples: "incident/000" acts on a run without binding, "random string 2" does not', () => {
    expect(bindingActs(parseBinding('incident/000'), NO_BINDING)).toBe(true);
    expect(bindingActs(parseBinding('random string 2'), NO_BINDING)).toBe(false);
  });
});
