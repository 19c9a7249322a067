import type { Pool } from 'pg';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import { RateLimiter, type RateLimitExchange } from './rate-limit.js';

const INTERVAL_MS = 200;
/** A request that waits for counts asks for an exchange sooner, but never more often than this. */
const MIN_GAP_MS = 20;
/** An exchange slower than this stops holding requests back: they decide alone until it answers. */
const STALL_MS = 1_000;
const CLEANUP_EVERY_MS = 30_000;

/**
 * One set-based statement adds every unsent hit and reads back the global count of every key used lately.
 * Rows are sorted so that concurrent processes lock them in the same order (no deadlock).
 */
const EXCHANGE_SQL = `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[]) AS i(key, window_start, delta, expires_at)
  ), added AS (
    INSERT INTO rate_limit_counters AS c (key, window_start, hits, expires_at)
    SELECT key, window_start, delta, expires_at FROM input WHERE delta <> 0 ORDER BY key, window_start
    ON CONFLICT (key, window_start) DO UPDATE SET hits = c.hits + EXCLUDED.hits
    RETURNING c.key, c.window_start, c.hits
  )
  SELECT key, window_start, hits FROM added
  UNION ALL
  SELECT c.key, c.window_start, c.hits FROM rate_limit_counters c JOIN input i USING (key, window_start) WHERE i.delta = 0`;

/**
 * Makes the rate limiters of every process of a deployment share their counts through Postgres (an UNLOGGED
 * table): every ~200 ms, each process sends the hits it accepted since and learns the global counts, in one
 * statement. If the database fails, limiters decide alone (per process) and that is logged, until it answers.
 */
export class RateLimitSync implements RateLimitExchange {
  private readonly limiters: RateLimiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Infinity;
  private running: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private healthy = true;
  private stalled = false;
  private stopped = false;
  private lastRunAt = 0;
  private lastCleanupAt = 0;

  constructor(private readonly deps: { pool: Pool; logger: Logger; clock: Clock; scope?: string; intervalMs?: number }) {}

  get shared(): boolean {
    return this.healthy && !this.stalled && !this.stopped;
  }

  /** A limiter whose counts this exchange shares. */
  limiter(options: { name: string; limit: number; periodMs: number }): RateLimiter {
    const limiter = new RateLimiter({ ...options, clock: this.deps.clock });
    limiter.attach(this);
    this.limiters.push(limiter);
    return limiter;
  }

  start(): void {
    this.schedule(this.deps.intervalMs ?? INTERVAL_MS);
  }

  next(): Promise<void> {
    if (!this.shared) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.schedule(Math.max(0, this.lastRunAt + MIN_GAP_MS - Date.now()));
    return done;
  }

  /** Stops the loop, after one last exchange so other processes hear of this one's final hits. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    // Bounded: a database that does not answer must not hold shutdown up.
    if (this.healthy) await Promise.race([this.run(), new Promise((resolve) => setTimeout(resolve, STALL_MS).unref())]);
    this.stopped = true;
    this.wake();
  }

  private schedule(delayMs: number) {
    if (this.stopped) return;
    const at = Date.now() + delayMs;
    if (this.timer && at >= this.dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = Infinity;
      void this.run().then(() => this.schedule(this.waiters.length > 0 ? MIN_GAP_MS : (this.deps.intervalMs ?? INTERVAL_MS)));
    }, delayMs);
    this.timer.unref();
  }

  private run(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.exchange().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async exchange(): Promise<void> {
    this.lastRunAt = Date.now();
    const waiting = this.waiters;
    this.waiters = [];
    const scope = this.deps.scope ? `${this.deps.scope}/` : '';
    const batches = this.limiters.map((limiter) => ({ limiter, rows: limiter.drain() }));
    const rows = batches.flatMap(({ limiter, rows }) => rows.map((row) => ({ ...row, key: `${scope}${limiter.name}:${row.key}` })));
    const stall = setTimeout(() => {
      // Requests waiting on a slow database decide alone rather than hang.
      this.stalled = true;
      for (const resolve of waiting.splice(0)) resolve();
    }, STALL_MS);
    stall.unref();
    try {
      if (rows.length > 0) {
        const { rows: found } = await this.deps.pool.query<{ key: string; window_start: string; hits: string }>(EXCHANGE_SQL, [
          rows.map((r) => r.key),
          rows.map((r) => r.windowStart),
          rows.map((r) => r.delta),
          rows.map((r) => r.expiresAt),
        ]);
        const global = new Map(found.map((f) => [`${f.window_start}|${f.key}`, Number(f.hits)]));
        for (const { limiter, rows: own } of batches) {
          limiter.settle(own, (row) => global.get(`${row.windowStart}|${scope}${limiter.name}:${row.key}`) ?? 0);
        }
      }
      await this.cleanup();
      if (!this.healthy) this.deps.logger.info('rate limits are shared across processes again');
      this.healthy = true;
    } catch (error) {
      for (const { limiter, rows: own } of batches) limiter.restore(own);
      if (this.healthy) {
        this.deps.logger.warn('rate-limit exchange failed; each process limits on its own counts until the database answers', { error: (error as Error).message });
      }
      this.healthy = false;
    } finally {
      clearTimeout(stall);
      this.stalled = false;
      for (const resolve of waiting) resolve();
    }
  }

  /** Windows that no longer count go, now and then (any process may do it). */
  private async cleanup() {
    const now = this.deps.clock.now().getTime();
    if (Date.now() - this.lastCleanupAt < CLEANUP_EVERY_MS) return;
    this.lastCleanupAt = Date.now();
    await this.deps.pool.query('DELETE FROM rate_limit_counters WHERE expires_at < $1', [now]);
  }

  private wake() {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
