/**
 * What a failed flush means. A data error is caused by something in the events (a value PostgreSQL refuses, a
 * constraint, a check in a trigger function): retrying the same batch fails the same way, so the pipeline
 * isolates the culprit and writes everyone else's events. Anything else (connection lost, pool exhausted,
 * statement timeout, a bug) says nothing about any one event: the whole flush is answered 503. A deadlock is
 * retried (see CONFLICT).
 */
export type FlushFailure = 'DATA' | 'CONFLICT' | 'UNAVAILABLE';

/**
 * Transaction rollback (class 40: deadlock, serialization failure): another transaction touched the same rows
 * at the same moment (a journey executor moving a run the batch's events also exit or wake). Nothing is wrong
 * with the events, and the same batch written again a moment later commits: the pipeline retries it.
 */
const CONFLICT_CLASS = '40';

/**
 * SQLSTATE classes caused by the data written: 22 data exception (bad text, encoding, out-of-range values),
 * 23 integrity constraint violation, 54 program limit exceeded (stack depth, too many columns), P0 PL/pgSQL
 * RAISE (trigger functions).
 */
const DATA_CLASSES = new Set(['22', '23', '54', 'P0']);
const SQLSTATE = /^[0-9A-Z]{5}$/;

export function flushFailure(error: unknown): FlushFailure {
  if (error instanceof RangeError) return 'DATA'; // serialising one event's values (call stack, string length)
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  // pg sets `severity` on server errors only, so socket errors with a five-letter code (EPIPE) never count.
  const fromServer = typeof error === 'object' && error !== null && 'severity' in error;
  if (!fromServer || typeof code !== 'string' || !SQLSTATE.test(code)) return 'UNAVAILABLE';
  if (DATA_CLASSES.has(code.slice(0, 2))) return 'DATA';
  return code.slice(0, 2) === CONFLICT_CLASS ? 'CONFLICT' : 'UNAVAILABLE';
}
