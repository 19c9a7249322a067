/**
 * Whether an error means "the database cannot be reached or did not answer in time" (as opposed to a bug or
 * a refused statement). The one place that knows the shapes: socket errors, Postgres' admin-shutdown and
 * connection-exception codes, pg's and pg-pool's timeouts. Wrapped errors (TypeORM's `driverError`, GraphQL's
 * `originalError`, `cause`, AggregateError) are unwrapped.
 */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown; errors?: unknown; driverError?: unknown; originalError?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (SOCKET_CODES.has(code) || POSTGRES_CODES.has(code) || code.startsWith('08')) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isConnectionError(inner, depth + 1))) return true;
  return [e.driverError, e.originalError, e.cause].some((inner) => inner !== undefined && inner !== error && isConnectionError(inner, depth + 1));
}

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up / shutting down),
 * 57014 query_canceled (statement_timeout: the database did not answer in time), 53300 too_many_connections.
 * Class 08 (connection exception) is matched by prefix.
 */
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '57014', '53300']);

/** pg and pg-pool raise these as plain Errors without a code. */
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Connection ended unexpectedly|encountered a connection error and is not queryable|Cannot use a pool after calling end/i;
