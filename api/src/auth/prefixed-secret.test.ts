import { describe, expect, it } from 'vitest';
import { generatePrefixedSecret, prefixOfSecret } from './prefixed-secret.js';
import { sha256 } from './secrets.js';

describe('prefixed secrets', () => {
  it('generates a key whose prefix is recoverable and whose hash matches', () => {
    const key = generatePrefixedSecret('flr');
    expect(key.secret.startsWith(`${key.prefix}_`)).toBe(true);
    expect(prefixOfSecret('flr', key.secret)).toBe(key.prefix);
    expect(key.secretHash).toBe(sha256(key.secret));
  });

  it('never repeats', () => {
    const prefixes = new Set(Array.from({ length: 200 }, () => generatePrefixedSecret('fik').prefix));
    expect(prefixes.size).toBe(200);
  });

  it('rejects strings that are not keys of that kind', () => {
    for (const bad of ['', 'flr_', 'Bearer flr_abc', 'flr_abcdefgh', 'flr_abcdefgh_short', 'xyz_abcdefgh_aaaaaaaaaaaaaaaaaaaaaaaaa']) {
      expect(prefixOfSecret('flr', bad)).toBeNull();
    }
    expect(prefixOfSecret('fik', generatePrefixedSecret('flr').secret)).toBeNull();
  });
});
