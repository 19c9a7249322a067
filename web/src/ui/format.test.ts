import { describe, expect, it } from 'vitest';
import { formatCount } from './format';

describe('formatCount', () => {
  it('uses the singular for exactly one and the plural otherwise, never “(s)”', () => {
    expect(formatCount(1, 'problem')).toBe('1 problem');
    expect(formatCount(2, 'problem')).toBe('2 problems');
    expect(formatCount(0, 'problem')).toBe('0 problems');
    expect(formatCount(3, 'entry', 'entries')).toBe('3 entries');
  });
});
