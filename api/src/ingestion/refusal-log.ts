import type { Pool } from 'pg';
import type { Clock } from '../ops/clock.js';
import type { Logger } from '../ops/logger.js';

/** One refused request (or one group of a request's events that named no trigger), attributed to a workspace. */
export type RefusalEntry = {
  workspaceId: string;
  receivedAt: Date;
  endpoint: '/v1/events' | '/v1/identify';
  reason: string;
  message: string;
  origin: string | null;
  /** The key's public prefix, never the presented secret. */
  keyPrefix: string | null;
  triggerKey: string | null;
  items: number;
};

/** How much of the log is kept: entries younger than `keepDays`, at most `keepPerWorkspace` per workspace. */
export type RefusalLogLimits = { keepPerWorkspace: number; keepDays: number };
export const REFUSAL_LOG_LIMITS: RefusalLogLimits = { keepPerWorkspace: 1_000, keepDays: 7 };
/** Entries waiting for the writer at most; more (a flood of refused requests) are counted as dropped. */
const MAX_BUFFERED = 2_000;
const clip = (text: string | null, max: number) => (text === null ? null : text.length > max ? text.slice(0, max) : text);

/**
 * The workspace's log of refused ingestion requests, written off the request path: `record` only buffers, and
 * one writer at a time inserts what is buffered (one statement) and prunes the workspaces it touched (one more),
 * so a flood of refusals costs two statements per round and never delays an answer or an accepted event.
 */
export class RefusalLog {
  private buffer: RefusalEntry[] = [];
  private writing: Promise<void> | null = null;
  /** Entries not logged because the buffer was full. */
  dropped = 0;

  constructor(
    private readonly deps: { pool: Pool; clock: Clock; logger: Logger },
    private readonly limits: RefusalLogLimits = REFUSAL_LOG_LIMITS,
  ) {}

  record(entries: RefusalEntry[]): void {
    for (const entry of entries) {
      if (this.buffer.length >= MAX_BUFFERED) this.dropped += 1;
      else this.buffer.push(entry);
    }
    if (this.buffer.length > 0 && !this.writing) this.writing = this.drain();
  }

  /** Resolves once everything recorded so far is written (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.buffer.length > 0) {
        const batch = this.buffer.splice(0);
        try {
          await this.write(batch);
        } catch (error) {
          this.deps.logger.warn('refused requests not logged', { entries: batch.length, error });
        }
      }
    } finally {
      this.writing = null;
    }
  }

  private async write(batch: RefusalEntry[]) {
    const rows = batch.map((e) => ({
      workspace_id: e.workspaceId,
      received_at: e.receivedAt.toISOString(),
      endpoint: e.endpoint,
      reason: e.reason,
      message: clip(e.message, 500),
      origin: clip(e.origin, 200),
      key_prefix: clip(e.keyPrefix, 40),
      trigger_key: clip(e.triggerKey, 64),
      items: e.items,
    }));
    await this.deps.pool.query(
      `INSERT INTO refused_requests (workspace_id, received_at, endpoint, reason, message, origin, key_prefix, trigger_key, items)
       SELECT workspace_id, received_at, endpoint, reason, message, origin, key_prefix, trigger_key, items
         FROM jsonb_to_recordset($1::jsonb) AS r(workspace_id uuid, received_at timestamptz, endpoint text, reason text, message text, origin text, key_prefix text,
                                                 trigger_key text, items int)`,
      [JSON.stringify(rows)],
    );
    const workspaces = [...new Set(batch.map((e) => e.workspaceId))];
    const before = new Date(this.deps.clock.now().getTime() - this.limits.keepDays * 86_400_000);
    // Per touched workspace: older than keepDays, or beyond the newest keepPerWorkspace.
    await this.deps.pool.query(
      `DELETE FROM refused_requests r
        USING unnest($1::uuid[]) AS w(id)
        WHERE r.workspace_id = w.id
          AND (r.received_at < $2
               OR (r.received_at, r.id) < (SELECT x.received_at, x.id FROM refused_requests x WHERE x.workspace_id = w.id
                                            ORDER BY x.received_at DESC, x.id DESC OFFSET $3 - 1 LIMIT 1))`,
      [workspaces, before, this.limits.keepPerWorkspace],
    );
  }
}
