/**
 * Sliding-window counting, the pure part of rate limiting. Counts are kept per fixed window of `periodMs`;
 * the rate over the last period is estimated as the previous window's count, weighted by how much of it still
 * overlaps the last period, plus the current window's count. Exact enough for limits, and it needs only two
 * integers per key, which is what processes exchange through Postgres.
 */
export type WindowCounts = { previous: number; current: number };

export const windowStartOf = (nowMs: number, periodMs: number) => Math.floor(nowMs / periodMs) * periodMs;

export function estimate(counts: WindowCounts, nowMs: number, periodMs: number): number {
  const elapsed = (nowMs - windowStartOf(nowMs, periodMs)) / periodMs;
  return counts.previous * (1 - elapsed) + counts.current;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Whether `cost` more fits under `limit`; if not, how long until it would (assuming no further hits). */
export function decide(counts: WindowCounts, cost: number, limit: number, nowMs: number, periodMs: number): RateDecision {
  if (estimate(counts, nowMs, periodMs) + cost <= limit) return { ok: true };
  return { ok: false, retryAfterSeconds: retryAfterSeconds(counts, cost, limit, nowMs, periodMs) };
}

function retryAfterSeconds(counts: WindowCounts, cost: number, limit: number, nowMs: number, periodMs: number): number {
  const start = windowStartOf(nowMs, periodMs);
  let at: number;
  if (counts.current + cost <= limit && counts.previous > 0) {
    // Still in this window, once enough of the previous one has slid out.
    at = start + periodMs * (1 - (limit - counts.current - cost) / counts.previous);
  } else if (cost > limit) {
    at = start + 2 * periodMs;
  } else {
    // In the next window, once enough of this one has slid out.
    at = start + periodMs + (counts.current > 0 ? periodMs * Math.max(0, 1 - (limit - cost) / counts.current) : 0);
  }
  return Math.max(1, Math.ceil((at - nowMs) / 1000));
}

/**
 * Hits a process may accept for one key before the other processes have heard of them (then it waits for the
 * next exchange). With P processes, the global count can exceed the limit by at most (P − 1) × this, or by one
 * request per other process when a single request costs more (an ingestion batch).
 */
export const unsyncedShare = (limit: number) => Math.max(1, Math.ceil(limit * 0.05));
