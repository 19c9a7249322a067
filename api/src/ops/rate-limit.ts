import type { Clock } from './clock.js';

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Token buckets keyed by credential (API key, session, client address): `capacity` requests at once,
 * refilled evenly over `periodMs`. Per process; idle buckets are dropped so memory stays bounded.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly capacity: number,
    private readonly periodMs: number,
    private readonly clock: Clock,
    private readonly maxKeys = 100_000,
  ) {}

  take(key: string, cost = 1): RateDecision {
    const now = this.clock.now().getTime();
    const refillPerMs = this.capacity / this.periodMs;
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
    // A clock that moved backwards (tests, NTP) never drains a bucket.
    bucket.tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.evictOldest();
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / refillPerMs / 1000)) };
  }

  private evictOldest() {
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}
