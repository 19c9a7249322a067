import { describe, expect, it } from 'vitest';
import { acceptsEvents, keyState, normaliseOrigin, originProblems, overlapProblem } from './ingestion-key.rules.js';

const now = new Date('2026-11-22T12:00:00Z');

describe('ingestion key rules', () => {
  it('knows when a key accepts events', () => {
    expect(keyState({ revokedAt: null, expiresAt: null }, now)).toBe('ACTIVE');
    expect(keyState({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe('EXPIRING');
    expect(keyState({ revokedAt: null, expiresAt: now }, now)).toBe('EXPIRED');
    expect(keyState({ revokedAt: now, expiresAt: null }, now)).toBe('REVOKED');
    expect(acceptsEvents({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe(true);
    expect(acceptsEvents({ revokedAt: null, expiresAt: now }, now)).toBe(false);
  });

  it('accepts only bare http(s) origins', () => {
    expect(normaliseOrigin('https://Shop.example.com/')).toBe('https://shop.example.com');
    expect(normaliseOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    for (const bad of ['shop.example.com', 'https://shop.example.com/path', 'ftp://x.example', 'https://u@x.example', '*']) expect(normaliseOrigin(bad)).toBeNull();
    expect(originProblems(['https://ok.example', 'nope'])).toHaveLength(1);
    expect(originProblems(Array.from({ length: 21 }, (_, i) => `https://s${i}.example`))).toEqual(['At most 20 origins.']);
  });

  it('bounds the rotation overlap to a week', () => {
    expect(overlapProblem(0)).toBeNull();
    expect(overlapProblem(168)).toBeNull();
    expect(overlapProblem(169)).not.toBeNull();
    expect(overlapProblem(-1)).not.toBeNull();
    expect(overlapProblem(1.5)).not.toBeNull();
  });
});
