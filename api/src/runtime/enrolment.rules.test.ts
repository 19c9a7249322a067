import { describe, expect, it } from 'vitest';
import { RepeatPolicy, type JourneyDefinition } from '../journeys/journey.types.js';
import { batchRefusal, entryRefusal, NEVER, nextAllowedAt } from './enrolment.rules.js';

const now = new Date('2026-11-28T10:00:00Z');
const def = (over: Partial<JourneyDefinition> = {}) =>
  ({ repeatPolicy: RepeatPolicy.IMMEDIATELY, repeatAfterSeconds: null, startAt: '2026-11-01T00:00:00Z', endAt: null, ...over }) as JourneyDefinition;
const ok = { customerId: 'c', fitsPinnedVersion: true, reachable: true };

describe('enrolment rules', () => {
  it('refuses, in order: no customer, before the start, after the end, another version that does not fit, no address', () => {
    expect(entryRefusal(def(), { ...ok, customerId: null }, now)).toBe('NO_CUSTOMER');
    expect(entryRefusal(def({ startAt: '2026-11-29T00:00:00Z' }), ok, now)).toBe('NOT_STARTED');
    expect(entryRefusal(def({ endAt: '2026-11-28T10:00:00Z' }), ok, now)).toBe('ENDED');
    expect(entryRefusal(def(), { ...ok, fitsPinnedVersion: false }, now)).toBe('VERSION_MISMATCH');
    expect(entryRefusal(def(), { ...ok, reachable: false }, now)).toBe('NO_CONTACT_POINT');
    expect(entryRefusal(def({ endAt: '2026-11-28T10:00:01Z' }), ok, now)).toBeNull();
  });
  it('next allowed entry by policy', () => {
    expect(nextAllowedAt(def({ repeatPolicy: RepeatPolicy.NOT_ALLOWED }), now)).toBe(NEVER);
    expect(nextAllowedAt(def(), now)).toBe(now.toISOString());
    expect(nextAllowedAt(def({ repeatPolicy: RepeatPolicy.AFTER, repeatAfterSeconds: 3_600 }), now)).toBe('2026-11-28T11:00:00.000Z');
  });
  it('within a batch: the same binding finds the run open; another binding enters only when repeating immediately', () => {
    expect(batchRefusal(def(), true, true)).toBe('ALREADY_ACTIVE');
    expect(batchRefusal(def(), false, true)).toBeNull();
    expect(batchRefusal(def({ repeatPolicy: RepeatPolicy.NOT_ALLOWED }), false, true)).toBe('REPEAT_NOT_ALLOWED');
    expect(batchRefusal(def({ repeatPolicy: RepeatPolicy.AFTER, repeatAfterSeconds: 60 }), false, true)).toBe('REPEAT_TOO_SOON');
    expect(batchRefusal(def({ repeatPolicy: RepeatPolicy.NOT_ALLOWED }), false, false)).toBeNull();
  });
});
