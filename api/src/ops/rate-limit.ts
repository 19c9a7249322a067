import type { Clock } from './clock.js';
import { decide, unsyncedShare, windowStartOf, type RateDecision } from './rate-limit.rules.js';

export type { RateDecision } from './rate-limit.rules.js';

/** What a limiter needs from the exchange that shares counts between processes (rate-limit.sync.ts). */
export type RateLimitExchange = {
  /** True while counts are being exchanged; false when alone (no database, or it is failing). */
  readonly shared: boolean;
  /** Resolves once the next exchange has finished (or given up); asks for one soon. */
  next(): Promise<void>;
};

/** Counts of one key in one window: as last heard from the database, being sent, not yet sent. */
type Counts = { known: number; inflight: number; pending: number };
/** `touched`: the exchange generation in which the key was last used. */
type Entry = { windows: Map<number, Counts>; touched: number };

/** One row a limiter hands to the exchange: hits to add to (key, window) and, after, the global count. */
export type ExchangeRow = { key: string; windowStart: number; delta: number; expiresAt: number };

export type RateLimiterOptions = { name: string; limit: number; periodMs: number; clock: Clock; maxKeys?: number };

/**
 * `limit` hits per key (credential, ingestion key, client address) per sliding `periodMs`. Decisions are
 * local — the last global count heard from the database plus this process's hits since — so the hot path
 * never waits for a database round trip, except when this process has accepted its share of unsynced hits
 * for one key: then the request waits for the next exchange (shared, a few milliseconds) before deciding.
 * Alone (no exchange, or the database failing), it decides from its own hits only.
 */
export class RateLimiter {
  readonly name: string;
  readonly limit: number;
  readonly periodMs: number;
  private readonly share: number;
  private readonly entries = new Map<string, Entry>();
  private exchange: RateLimitExchange | null = null;
  private generation = 0;

  constructor(private readonly options: RateLimiterOptions) {
    this.name = options.name;
    this.limit = options.limit;
    this.periodMs = options.periodMs;
    this.share = unsyncedShare(options.limit);
  }

  /** Called by the exchange that registers this limiter. */
  attach(exchange: RateLimitExchange): void {
    this.exchange = exchange;
  }

  /** Counts `cost` hits against `key` if they fit; otherwise refuses with a retry-after. */
  async take(key: string, cost = 1): Promise<RateDecision> {
    return (await this.admit(key, cost)).decision;
  }

  /**
   * Like `take`, for hits that may turn out not to count (an authentication attempt that succeeds): `release()`
   * takes them back. Counting first is what makes concurrent attempts, in any process, respect the limit.
   */
  async reserve(key: string, cost = 1): Promise<{ ok: true; release(): void } | { ok: false; retryAfterSeconds: number }> {
    const { decision, windowStart } = await this.admit(key, cost);
    if (!decision.ok) return decision;
    let released = false;
    return {
      ok: true,
      release: () => {
        const counts = this.entries.get(key)?.windows.get(windowStart);
        if (released || !counts) return;
        released = true;
        counts.pending -= cost;
      },
    };
  }

  private async admit(key: string, cost: number): Promise<{ decision: RateDecision; windowStart: number }> {
    for (;;) {
      const now = this.now();
      const entry = this.entry(key, now);
      const current = windowStartOf(now, this.periodMs);
      const decision = decide(this.windowCounts(entry, current), cost, this.limit, now, this.periodMs);
      if (!decision.ok) return { decision, windowStart: current };
      const unsynced = this.unsynced(entry);
      if (this.exchange?.shared && unsynced > 0 && unsynced + cost > this.share) {
        await this.exchange.next();
        continue;
      }
      this.countsOf(entry, current).pending += cost;
      return { decision, windowStart: current };
    }
  }

  /**
   * Unsent hits (moved to in flight), plus the windows of keys used since the previous exchange, whose global
   * count is wanted. Keys idle longer are not read: their next use is bounded by the unsynced share anyway.
   */
  drain(): ExchangeRow[] {
    const now = this.now();
    const current = windowStartOf(now, this.periodMs);
    const recent = this.generation;
    this.generation += 1;
    const rows: ExchangeRow[] = [];
    for (const [key, entry] of this.entries) {
      this.prune(entry, current);
      if (entry.windows.size === 0) {
        this.entries.delete(key);
        continue;
      }
      for (const [windowStart, counts] of entry.windows) {
        if (counts.pending === 0 && entry.touched < recent) continue;
        // A negative delta is a released reservation.
        rows.push({ key, windowStart, delta: counts.pending, expiresAt: windowStart + 2 * this.periodMs });
        counts.inflight += counts.pending;
        counts.pending = 0;
      }
    }
    return rows;
  }

  /** The exchange succeeded: `global` holds the database's count per key and window (absent = none). */
  settle(rows: ExchangeRow[], global: (row: ExchangeRow) => number): void {
    for (const row of rows) {
      const counts = this.entries.get(row.key)?.windows.get(row.windowStart);
      if (!counts) continue;
      counts.known = global(row);
      counts.inflight = 0;
    }
  }

  /** The exchange failed: what was in flight is unsent again. */
  restore(rows: ExchangeRow[]): void {
    for (const row of rows) {
      const counts = this.entries.get(row.key)?.windows.get(row.windowStart);
      if (!counts || counts.inflight === 0) continue;
      counts.pending += counts.inflight;
      counts.inflight = 0;
    }
  }

  private now() {
    return this.options.clock.now().getTime();
  }

  private entry(key: string, now: number): Entry {
    let entry = this.entries.get(key);
    if (entry) this.entries.delete(key);
    else entry = { windows: new Map(), touched: this.generation };
    entry.touched = this.generation;
    this.entries.set(key, entry);
    this.prune(entry, windowStartOf(now, this.periodMs));
    // Bounded memory: the least recently used keys go first.
    while (this.entries.size > (this.options.maxKeys ?? 100_000)) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  /** Only the current and the previous window matter; older ones go once nothing of theirs is in flight. */
  private prune(entry: Entry, current: number) {
    for (const [windowStart, counts] of entry.windows) {
      if (windowStart < current - this.periodMs && counts.inflight === 0) entry.windows.delete(windowStart);
    }
  }

  private countsOf(entry: Entry, windowStart: number): Counts {
    let counts = entry.windows.get(windowStart);
    if (!counts) entry.windows.set(windowStart, (counts = { known: 0, inflight: 0, pending: 0 }));
    return counts;
  }

  private windowCounts(entry: Entry, current: number) {
    const total = (c: Counts | undefined) => (c ? c.known + c.inflight + c.pending : 0);
    return { previous: total(entry.windows.get(current - this.periodMs)), current: total(entry.windows.get(current)) };
  }

  private unsynced(entry: Entry): number {
    let sum = 0;
    for (const counts of entry.windows.values()) sum += counts.inflight + counts.pending;
    return sum;
  }
}
