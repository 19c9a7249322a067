import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { RateLimiter, type RateLimitExchange } from './rate-limit.js';
import { decide, estimate, unsyncedShare } from './rate-limit.rules.js';

const MINUTE = 60_000;
/** Starts at a window boundary so the sliding estimate is easy to read. */
const clockAt = (offsetMs = 0) => new FakeClock(1_800_000_000_000 + offsetMs);
const limiter = (limit: number, clock: FakeClock, periodMs = MINUTE, maxKeys?: number) => new RateLimiter({ name: 'test', limit, periodMs, clock, maxKeys });

describe('sliding-window rules', () => {
  it('weights the previous window by how much of it still overlaps the last period', () => {
    expect(estimate({ previous: 10, current: 2 }, 1_800_000_000_000, MINUTE)).toBe(12);
    expect(estimate({ previous: 10, current: 2 }, 1_800_000_000_000 + 45_000, MINUTE)).toBe(4.5);
  });

  it('says how long until a refused hit would fit', () => {
    const start = 1_800_000_000_000;
    expect(decide({ previous: 0, current: 3 }, 1, 3, start, MINUTE)).toEqual({ ok: false, retryAfterSeconds: 80 });
    expect(decide({ previous: 4, current: 0 }, 1, 3, start, MINUTE)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(decide({ previous: 4, current: 0 }, 1, 3, start + 30_000, MINUTE)).toEqual({ ok: true });
  });

  it('lets a process accept 5 % of the limit (at least one hit) before it must hear from the others', () => {
    expect(unsyncedShare(20)).toBe(1);
    expect(unsyncedShare(600)).toBe(30);
  });
});

describe('RateLimiter on its own', () => {
  it('allows the limit, then refuses with a retry-after', async () => {
    const clock = clockAt();
    const l = limiter(3, clock);
    expect(await Promise.all([1, 2, 3].map(async () => (await l.take('k')).ok))).toEqual([true, true, true]);
    expect(await l.take('k')).toEqual({ ok: false, retryAfterSeconds: 80 });
  });

  it('slides over time and keeps keys apart', async () => {
    const clock = clockAt();
    const l = limiter(1, clock, 1_000);
    expect((await l.take('a')).ok).toBe(true);
    expect((await l.take('a')).ok).toBe(false);
    expect((await l.take('b')).ok).toBe(true);
    // The previous window slides out evenly: its one hit still counts until the period has fully passed.
    clock.advance(1_999);
    expect((await l.take('a')).ok).toBe(false);
    clock.advance(1);
    expect((await l.take('a')).ok).toBe(true);
  });

  it('takes back a released reservation', async () => {
    const l = limiter(1, clockAt());
    const reservation = await l.reserve('k');
    expect((await l.take('k')).ok).toBe(false);
    // Releasing twice takes back once.
    if (reservation.ok) reservation.release();
    if (reservation.ok) reservation.release();
    expect((await l.take('k')).ok).toBe(true);
    expect((await l.take('k')).ok).toBe(false);
  });

  it('bounds memory by evicting the least recently used key', async () => {
    const l = limiter(1, clockAt(), MINUTE, 2);
    await l.take('a');
    await l.take('b');
    await l.take('c');
    expect((await l.take('a')).ok).toBe(true);
  });

  it('does not drain when the clock moves backwards', async () => {
    const clock = clockAt(30_000);
    const l = limiter(2, clock);
    expect((await l.take('k')).ok).toBe(true);
    clock.advance(-3_600_000);
    expect((await l.take('k')).ok).toBe(true);
  });
});

describe('RateLimiter exchanging counts (what rate-limit.sync.ts does with Postgres)', () => {
  it('sends its unsent hits once, and decides with the global count it hears back', async () => {
    const l = limiter(40, clockAt());
    for (let i = 0; i < 3; i += 1) await l.take('k');
    const rows = l.drain();
    expect(rows).toEqual([{ key: 'k', windowStart: 1_800_000_000_000, delta: 3, expiresAt: 1_800_000_000_000 + 2 * MINUTE }]);
    // Other processes used 37 more.
    l.settle(rows, () => 40);
    expect(await l.take('k')).toMatchObject({ ok: false });
    // Keys used since the last exchange are read back even without new hits; a released reservation is a negative delta.
    expect(l.drain()).toEqual([{ ...rows[0], delta: 0 }]);
  });

  it('sends failed hits again with the next exchange', async () => {
    const l = limiter(40, clockAt());
    await l.take('k');
    const rows = l.drain();
    l.restore(rows);
    await l.take('k');
    expect(l.drain()).toEqual([{ ...rows[0], delta: 2 }]);
  });

  it('waits for an exchange once its unsynced share is used, and decides alone while none is shared', async () => {
    const l = limiter(40, clockAt());
    const waits: string[] = [];
    const exchange: RateLimitExchange = {
      shared: true,
      next: async () => {
        waits.push('next');
        l.settle(l.drain(), () => 40);
      },
    };
    l.attach(exchange);
    expect((await l.take('k')).ok).toBe(true);
    expect((await l.take('k')).ok).toBe(true);
    expect(waits).toEqual([]);
    expect((await l.take('k')).ok).toBe(false);
    expect(waits).toEqual(['next']);

    const alone = limiter(40, clockAt());
    alone.attach({ shared: false, next: () => Promise.reject(new Error('not called')) });
    for (let i = 0; i < 40; i += 1) expect((await alone.take('k')).ok).toBe(true);
    expect((await alone.take('k')).ok).toBe(false);
  });
});
