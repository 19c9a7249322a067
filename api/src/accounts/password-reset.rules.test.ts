import { describe, expect, it } from 'vitest';
import { PASSWORD_RESET_TTL_MS, resetLinkMessage, resetLinkState } from './password-reset.rules.js';

describe('resetLinkState', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  const open = { usedAt: null, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) };
  it('accepts an unused link until the moment it expires', () => {
    expect(resetLinkState(open, now)).toBe('VALID');
    expect(resetLinkState(open, new Date(open.expiresAt.getTime() - 1))).toBe('VALID');
    expect(resetLinkState(open, open.expiresAt)).toBe('EXPIRED');
  });
  it('refuses unknown and used links, a used one as used even once expired', () => {
    expect(resetLinkState(null, now)).toBe('UNKNOWN');
    expect(resetLinkState({ ...open, usedAt: now }, now)).toBe('USED');
    expect(resetLinkState({ usedAt: now, expiresAt: new Date(0) }, now)).toBe('USED');
  });
  it('explains every refusal with a way forward', () => {
    for (const state of ['UNKNOWN', 'USED', 'EXPIRED'] as const) expect(resetLinkMessage(state)).toMatch(/Ask for a new one/);
  });
});
