import type { Pool } from 'pg';
import type { EventTx } from '../ingestion/ingestion.writer.js';

/**
 * Runs `fn` in a transaction on one pooled connection, as ingestion's writer does, so it can write Flare-raised
 * events (`pipeline.writeRaised`) with everything else it does; after-commit work runs once committed. A lost
 * connection is heard (an unheard 'error' would crash the process) and the client is dropped, not reused.
 */
export async function withEventTx<T>(pool: Pool, now: Date, fn: (tx: EventTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onLost = (error: Error) => void (lost ??= error);
  client.on('error', onLost);
  try {
    await client.query('BEGIN');
    const afterCommit: (() => void)[] = [];
    const result = await fn({ client, now, afterCommit: (f) => void afterCommit.push(f) });
    await client.query('COMMIT');
    for (const f of afterCommit) f();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((e: Error) => void (lost ??= e));
    throw error;
  } finally {
    client.off('error', onLost);
    client.release(lost);
  }
}
