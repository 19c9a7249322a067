import { describe, expect, it } from 'vitest';
import {
  capReached,
  frequencyCapProblems,
  isTimeZone,
  QuietHoursTimeZone,
  quietHoursProblems,
  quietTimeZone,
  quietUntil,
  Weekday,
  zonedInstant,
  type QuietHours,
} from './send-policy.rules.js';

const night: QuietHours = { start: '21:00', end: '08:00', days: [], timeZoneMode: QuietHoursTimeZone.CUSTOMER };
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('frequency caps', () => {
  it('accepts whole limits from 1 to 1000 and unset windows', () => {
    expect(frequencyCapProblems({ per24h: 1, per7d: null, per30d: 1000 })).toEqual([]);
    expect(frequencyCapProblems({ per24h: null, per7d: null, per30d: null })).toEqual([]);
  });

  it('refuses 0, negatives, fractions and more than 1000, naming the window', () => {
    expect(frequencyCapProblems({ per24h: 0, per7d: 1001, per30d: 2.5 }).map((p) => [p.field, p.reason])).toEqual([
      ['per24h', 'CAP_OUT_OF_RANGE'],
      ['per7d', 'CAP_OUT_OF_RANGE'],
      ['per30d', 'CAP_OUT_OF_RANGE'],
    ]);
    expect(frequencyCapProblems({ per24h: -1, per7d: null, per30d: null })).toHaveLength(1);
  });

  it('is reached when the messages already sent in a window equal its limit; the shortest window is named first', () => {
    const cap = { per24h: 2, per7d: 5, per30d: null };
    expect(capReached(cap, { '24H': 1, '7D': 4, '30D': 40 })).toBeNull();
    expect(capReached(cap, { '24H': 2, '7D': 2, '30D': 2 })).toBe('24H');
    expect(capReached(cap, { '24H': 0, '7D': 5, '30D': 5 })).toBe('7D');
    expect(capReached(cap, { '24H': 3, '7D': 6, '30D': 6 })).toBe('24H');
    expect(capReached({ per24h: null, per7d: null, per30d: 3 }, { '24H': 3, '7D': 3, '30D': 3 })).toBe('30D');
    expect(capReached({ per24h: null, per7d: null, per30d: null }, { '24H': 999, '7D': 999, '30D': 999 })).toBeNull();
  });
});

describe('quiet hours validation', () => {
  it('wants HH:MM times on a 24-hour clock, a non-empty window and each day once', () => {
    expect(quietHoursProblems({ start: '21:00', end: '08:00', days: [Weekday.MON, Weekday.FRI] })).toEqual([]);
    expect(quietHoursProblems({ start: '00:00', end: '23:59', days: [] })).toEqual([]);
    expect(quietHoursProblems({ start: '24:00', end: '8:00', days: [] }).map((p) => [p.field, p.reason])).toEqual([
      ['start', 'INVALID_TIME'],
      ['end', 'INVALID_TIME'],
    ]);
    expect(quietHoursProblems({ start: '21:60', end: '08:00', days: [] })[0].reason).toBe('INVALID_TIME');
    expect(quietHoursProblems({ start: '08:00', end: '08:00', days: [] })[0].reason).toBe('EMPTY_WINDOW');
    expect(quietHoursProblems({ start: '08:00', end: '09:00', days: [Weekday.MON, Weekday.MON] })[0].reason).toBe('DUPLICATE_DAY');
  });
});

describe('time zones', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('reads quiet hours in the customer’s zone, else the workspace’s; WORKSPACE always the workspace’s', () => {
    expect(quietTimeZone(QuietHoursTimeZone.CUSTOMER, 'America/New_York', 'Europe/Berlin')).toBe('America/New_York');
    expect(quietTimeZone(QuietHoursTimeZone.CUSTOMER, null, 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(quietTimeZone(QuietHoursTimeZone.CUSTOMER, 'Nowhere/Land', 'UTC')).toBe('UTC');
    expect(quietTimeZone(QuietHoursTimeZone.WORKSPACE, 'America/New_York', 'Europe/Berlin')).toBe('Europe/Berlin');
  });

  it('finds wall-clock times across DST: skipped times land after the gap, repeated ones at their first occurrence', () => {
    // Berlin springs forward 2026-03-29 02:00 CET → 03:00 CEST (01:00Z).
    expect(iso(zonedInstant(2026, 3, 29, 1 * 60 + 30, 'Europe/Berlin'))).toBe('2026-03-29T00:30:00.000Z');
    expect(iso(zonedInstant(2026, 3, 29, 2 * 60 + 30, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedInstant(2026, 3, 29, 8 * 60, 'Europe/Berlin'))).toBe('2026-03-29T06:00:00.000Z');
    // Berlin falls back 2026-10-25 03:00 CEST → 02:00 CET (01:00Z): 02:30 happens at 00:30Z and 01:30Z.
    expect(iso(zonedInstant(2026, 10, 25, 2 * 60 + 30, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedInstant(2026, 10, 25, 8 * 60, 'Europe/Berlin'))).toBe('2026-10-25T07:00:00.000Z');
    // New York springs forward 2026-03-08 02:00 EST → 03:00 EDT and falls back 2026-11-01 02:00 EDT → 01:00 EST.
    expect(iso(zonedInstant(2026, 3, 8, 2 * 60 + 30, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedInstant(2026, 3, 8, 8 * 60, 'America/New_York'))).toBe('2026-03-08T12:00:00.000Z');
    expect(iso(zonedInstant(2026, 11, 1, 1 * 60 + 30, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedInstant(2026, 11, 1, 8 * 60, 'America/New_York'))).toBe('2026-11-01T13:00:00.000Z');
    // Day overflow is normalised (31 March + 1).
    expect(iso(zonedInstant(2026, 3, 32, 0, 'UTC'))).toBe('2026-04-01T00:00:00.000Z');
  });
});

describe('quiet hours', () => {
  it('holds a message due inside a window that wraps midnight until it ends, in the given zone', () => {
    // 22:30 in Berlin (CEST, +2) on 2026-07-01.
    expect(iso(quietUntil(night, at('2026-07-01T20:30:00Z'), 'Europe/Berlin'))).toBe('2026-07-02T06:00:00.000Z');
    // 03:00 Berlin the next morning: the window that started yesterday.
    expect(iso(quietUntil(night, at('2026-07-02T01:00:00Z'), 'Europe/Berlin'))).toBe('2026-07-02T06:00:00.000Z');
    // The same instants are 16:30 and 21:00 in New York.
    expect(quietUntil(night, at('2026-07-01T20:30:00Z'), 'America/New_York')).toBeNull();
    expect(iso(quietUntil(night, at('2026-07-02T01:00:00Z'), 'America/New_York'))).toBe('2026-07-02T12:00:00.000Z');
  });

  it('includes the start and excludes the end', () => {
    expect(iso(quietUntil(night, at('2026-07-01T21:00:00Z'), 'UTC'))).toBe('2026-07-02T08:00:00.000Z');
    expect(quietUntil(night, at('2026-07-01T20:59:59.999Z'), 'UTC')).toBeNull();
    expect(quietUntil(night, at('2026-07-02T08:00:00Z'), 'UTC')).toBeNull();
    expect(iso(quietUntil(night, at('2026-07-02T07:59:59Z'), 'UTC'))).toBe('2026-07-02T08:00:00.000Z');
  });

  it('handles a window within one day', () => {
    const lunch: QuietHours = { ...night, start: '12:00', end: '14:00' };
    expect(iso(quietUntil(lunch, at('2026-07-01T13:00:00Z'), 'UTC'))).toBe('2026-07-01T14:00:00.000Z');
    expect(quietUntil(lunch, at('2026-07-01T14:00:00Z'), 'UTC')).toBeNull();
    expect(quietUntil(lunch, at('2026-07-01T11:59:00Z'), 'UTC')).toBeNull();
    expect(quietUntil(lunch, at('2026-07-01T23:00:00Z'), 'UTC')).toBeNull();
  });

  it('applies only on the listed days, a wrapping window belonging to the day it starts', () => {
    // 2026-07-03 is a Friday, 2026-07-04 a Saturday.
    const fridayNights: QuietHours = { ...night, days: [Weekday.FRI] };
    expect(iso(quietUntil(fridayNights, at('2026-07-03T22:00:00Z'), 'UTC'))).toBe('2026-07-04T08:00:00.000Z');
    expect(iso(quietUntil(fridayNights, at('2026-07-04T05:00:00Z'), 'UTC'))).toBe('2026-07-04T08:00:00.000Z');
    expect(quietUntil(fridayNights, at('2026-07-04T22:00:00Z'), 'UTC')).toBeNull();
    expect(quietUntil(fridayNights, at('2026-07-03T05:00:00Z'), 'UTC')).toBeNull();
    const weekend: QuietHours = { start: '00:00', end: '23:59', days: [Weekday.SAT, Weekday.SUN], timeZoneMode: QuietHoursTimeZone.WORKSPACE };
    expect(iso(quietUntil(weekend, at('2026-07-04T10:00:00Z'), 'UTC'))).toBe('2026-07-04T23:59:00.000Z');
    expect(quietUntil(weekend, at('2026-07-03T10:00:00Z'), 'UTC')).toBeNull();
  });

  it('ends at the local end time across DST in Europe/Berlin', () => {
    // Spring: the night of 28→29 March 2026 is one hour shorter; 08:00 CEST is 06:00Z (07:00Z the night before).
    expect(iso(quietUntil(night, at('2026-03-28T22:00:00Z'), 'Europe/Berlin'))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(quietUntil(night, at('2026-03-29T01:30:00Z'), 'Europe/Berlin'))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(quietUntil(night, at('2026-03-28T06:59:00Z'), 'Europe/Berlin'))).toBe('2026-03-28T07:00:00.000Z');
    // Autumn: the night of 24→25 October is one hour longer; 08:00 CET is 07:00Z.
    expect(iso(quietUntil(night, at('2026-10-24T19:00:00Z'), 'Europe/Berlin'))).toBe('2026-10-25T07:00:00.000Z');
    expect(iso(quietUntil(night, at('2026-10-25T06:30:00Z'), 'Europe/Berlin'))).toBe('2026-10-25T07:00:00.000Z');
    expect(quietUntil(night, at('2026-10-24T18:59:00Z'), 'Europe/Berlin')).toBeNull();
    // A window that starts inside the skipped hour (02:30) begins when the clocks reach 03:30.
    const small: QuietHours = { ...night, start: '02:30', end: '05:00' };
    expect(quietUntil(small, at('2026-03-29T01:15:00Z'), 'Europe/Berlin')).toBeNull();
    expect(iso(quietUntil(small, at('2026-03-29T01:30:00Z'), 'Europe/Berlin'))).toBe('2026-03-29T03:00:00.000Z');
  });

  it('ends at the local end time across DST in America/New_York', () => {
    // Spring: 8 March 2026; 08:00 EDT is 12:00Z (13:00Z the day before).
    expect(iso(quietUntil(night, at('2026-03-08T03:00:00Z'), 'America/New_York'))).toBe('2026-03-08T12:00:00.000Z');
    expect(iso(quietUntil(night, at('2026-03-07T12:30:00Z'), 'America/New_York'))).toBe('2026-03-07T13:00:00.000Z');
    expect(quietUntil(night, at('2026-03-08T12:00:00Z'), 'America/New_York')).toBeNull();
    // Autumn: 1 November 2026; 01:30 happens twice, both inside; 08:00 EST is 13:00Z.
    expect(iso(quietUntil(night, at('2026-11-01T05:30:00Z'), 'America/New_York'))).toBe('2026-11-01T13:00:00.000Z');
    expect(iso(quietUntil(night, at('2026-11-01T06:30:00Z'), 'America/New_York'))).toBe('2026-11-01T13:00:00.000Z');
    expect(iso(quietUntil(night, at('2026-11-01T12:30:00Z'), 'America/New_York'))).toBe('2026-11-01T13:00:00.000Z');
    expect(quietUntil(night, at('2026-11-01T13:00:00Z'), 'America/New_York')).toBeNull();
  });
});
