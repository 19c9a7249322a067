import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

const fakeClock = (start = 0) => {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};

describe('RateLimiter', () => {
  it('allows the capacity, then refuses with a retry-after', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(3, 60_000, clock);
    expect([1, 2, 3].map(() => limiter.take('k').ok)).toEqual([true, true, true]);
    const refused = limiter.take('k');
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 20 });
  });

  it('refills over time and keeps keys apart', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(1, 1_000, clock);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    expect(limiter.take('b').ok).toBe(true);
    clock.advance(999);
    expect(limiter.take('a').ok).toBe(false);
    clock.advance(1);
    expect(limiter.take('a').ok).toBe(true);
  });

  it('bounds memory by evicting the least recently used key', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(1, 60_000, clock, 2);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('a').ok).toBe(true);
  });
});

describe('RateLimiter with a clock that moves backwards', () => {
  it('does not drain the bucket', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, 60_000, { now: () => new Date(now) });
    expect(limiter.take('k').ok).toBe(true);
    now -= 3_600_000;
    expect(limiter.take('k').ok).toBe(true);
  });
});
