import { describe, expect, it } from 'vitest';
import { formatDuration, unitFor } from './DurationField';

describe('durations', () => {
  it('shows each duration in the largest unit that expresses it exactly', () => {
    expect(unitFor(86_400)).toBe('days');
    expect(unitFor(129_600)).toBe('hours');
    expect(unitFor(5_400)).toBe('minutes');
    expect(unitFor(null)).toBe('hours');
    expect(formatDuration(86_400)).toBe('1 day');
    expect(formatDuration(90 * 86_400)).toBe('90 days');
    expect(formatDuration(129_600)).toBe('36 hours');
    expect(formatDuration(60)).toBe('1 minute');
  });
});
