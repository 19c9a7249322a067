import { describe, expect, it } from 'vitest';
import { sha256 } from '../auth/secrets.js';
import { generateApiKey, prefixOfApiKey } from './api-key.secret.js';

describe('api key secrets', () => {
  it('generates a key whose prefix is recoverable and whose hash matches', () => {
    const key = generateApiKey();
    expect(key.secret.startsWith(`${key.prefix}_`)).toBe(true);
    expect(prefixOfApiKey(key.secret)).toBe(key.prefix);
    expect(key.secretHash).toBe(sha256(key.secret));
    expect(key.secretHash).not.toContain(key.secret);
  });

  it('never repeats', () => {
    const prefixes = new Set(Array.from({ length: 200 }, () => generateApiKey().prefix));
    expect(prefixes.size).toBe(200);
  });

  it('rejects strings that are not keys', () => {
    for (const bad of ['', 'flr_', 'Bearer flr_abc', 'flr_abcdefgh', 'flr_abcdefgh_short', 'xyz_abcdefgh_aaaaaaaaaaaaaaaaaaaaaaaaa']) {
      expect(prefixOfApiKey(bad)).toBeNull();
    }
  });
});
