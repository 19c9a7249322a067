import pg from 'pg';

/** Polls `check` every 5 ms (up to 10 s) until it holds. */
export async function until(check: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 2_000; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition not reached');
}

/**
 * A connection lost mid-write: holds an exclusive lock on `table` while `write` runs, and once the write's
 * statement waits for that lock, terminates its backend. Returns what `write` answered.
 */
export async function loseConnectionDuringWrite<T>(databaseUrl: string, table: string, write: () => Promise<T>): Promise<T> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    await lock.query('BEGIN');
    await lock.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    const answer = write();
    // The writer waits for the table (pg_stat_activity may still show its previous statement).
    const waiting = `SELECT pid FROM pg_locks WHERE relation = '${table}'::regclass AND NOT granted`;
    await until(async () => (await lock.query(waiting)).rows.length === 1);
    await lock.query(`SELECT pg_terminate_backend(pid) FROM (${waiting}) AS w`);
    await lock.query('COMMIT');
    return await answer;
  } finally {
    await lock.end();
  }
}
