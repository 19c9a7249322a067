import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isConnectionError } from '../db/connection-errors.js';
import type { Logger } from '../ops/logger.js';

/** The closed set of `extensions.code` values clients can rely on. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_REJECTED: 'QUERY_REJECTED',
  /** The database cannot be reached right now: 503 with Retry-After over HTTP; retry later. */
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type ErrorDetails = { reason?: string; field?: string; [key: string]: unknown };

/** The one error class services throw. `reason` is a stable feature-specific code (e.g. TRIGGER_EDIT_LOCKED). */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export const unauthenticated = (message = 'Sign in or send a valid API key.') => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message: string, details?: ErrorDetails) => new AppError(ErrorCode.FORBIDDEN, message, details);
export const notFound = (what: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} ${id} was not found.`, { reason: `${what.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND` });
export const badInput = (message: string, details?: ErrorDetails) => new AppError(ErrorCode.BAD_USER_INPUT, message, details);
export const conflict = (message: string, details?: ErrorDetails) => new AppError(ErrorCode.CONFLICT, message, details);

/** Codes produced by graphql-js / Apollo itself for malformed requests; safe to pass through. */
const PASSTHROUGH = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Passes our errors and request-shape errors through; masks everything else as INTERNAL_SERVER_ERROR
 * with an error id that is also in the log. Stack traces never leave the server.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : '';
    const requestShapeError = original instanceof GraphQLError && PASSTHROUGH.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
    if (original instanceof AppError || requestShapeError) {
      const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isConnectionError(original)) {
      logger.warn('database unavailable', { path: formatted.path, error: (original as Error).message });
      const { message, extensions } = unavailable();
      return { message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions } };
    }
    const errorId = randomUUID();
    logger.error('unexpected error', { errorId, error: original, path: formatted.path });
    return {
      message: `Unexpected error. Quote error id ${errorId} when you contact support.`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
    };
  };
}

/** 429 on HTTP (with Retry-After), RATE_LIMITED with `retryAfterSeconds` on both transports. */
export function rateLimited(retryAfterSeconds: number, what = 'requests'): AppError {
  const error = new AppError(ErrorCode.RATE_LIMITED, `Too many ${what}. Retry after ${retryAfterSeconds} s.`, {
    reason: 'RATE_LIMITED',
    retryAfterSeconds,
  });
  error.extensions.http = { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) };
  return error;
}

/** Seconds clients are told to wait (`Retry-After`) while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The database is unreachable or did not answer in time: UNAVAILABLE on every transport, 503 + Retry-After on HTTP. */
export const unavailable = () =>
  new AppError(ErrorCode.UNAVAILABLE, `Flare cannot reach its database right now. Retry after ${UNAVAILABLE_RETRY_AFTER_SECONDS} s.`, {
    reason: 'DATABASE_UNAVAILABLE',
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a well-formed id (a UUID); ids are checked before they reach SQL. */
export const isId = (value: string) => UUID.test(value);

/** Ids are UUIDs; anything else cannot exist, so it is NOT_FOUND rather than a database error. */
export function assertId(what: string, id: string): void {
  if (!isId(id)) throw notFound(what, id);
}
