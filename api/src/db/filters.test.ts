import { describe, expect, it } from 'vitest';
import { containsPattern, filterIds, MAX_FILTER_IDS } from './filters.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('list filters', () => {
  it('matches search text literally, case-insensitively', () => {
    expect(containsPattern('  Cart ')).toBe('%cart%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(containsPattern('   ')).toBeNull();
    expect(containsPattern(null)).toBeNull();
  });

  it('takes up to 100 well-formed ids, once each', () => {
    expect(filterIds([id(1), id(1), id(2)])).toEqual([id(1), id(2)]);
    expect(filterIds(Array.from({ length: MAX_FILTER_IDS }, (_, i) => id(i)))).toHaveLength(MAX_FILTER_IDS);
    expect(() => filterIds(Array.from({ length: MAX_FILTER_IDS + 1 }, (_, i) => id(i)))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ reason: 'TOO_MANY_IDS' }) }),
    );
    expect(() => filterIds(["1' OR '1'='1"])).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ reason: 'INVALID_ID' }) }));
  });
});
