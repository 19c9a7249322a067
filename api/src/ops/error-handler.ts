import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { isConnectionError } from '../db/connection-errors.js';
import { ErrorCode, unavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../graphql/errors.js';
import type { Logger } from './logger.js';

/** An error answer: HTTP status and a stable code (the `reason` on /graphql, the `code` elsewhere). */
export type Problem = { status: number; code: string; message: string; retryAfterSeconds?: number };

type HttpError = { type?: unknown; status?: unknown; statusCode?: unknown; expose?: unknown; code?: unknown };

/** body-parser / raw-body failures by their `type`. */
const BODY_PROBLEMS: Record<string, Problem> = {
  'entity.parse.failed': { status: 400, code: 'MALFORMED_JSON', message: 'The body is not valid JSON.' },
  'entity.too.large': { status: 413, code: 'REQUEST_TOO_LARGE', message: 'The body is larger than this endpoint accepts.' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_ENCODING', message: 'Send the body uncompressed or with content-encoding gzip, deflate or br.' },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_CHARSET', message: 'Send the body as UTF-8.' },
  'request.aborted': { status: 400, code: 'REQUEST_ABORTED', message: 'The request was aborted before its body arrived.' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: 'The body does not match its content-length.' },
};
const BAD_ENCODING: Problem = { status: 400, code: 'BAD_ENCODING', message: 'The body could not be decompressed as its content-encoding says.' };
const BAD_REQUEST: Problem = { status: 400, code: 'BAD_REQUEST', message: 'The request could not be read.' };

/** What a failure means for the client; null for anything unexpected (answered as a masked 500). */
export function problemOf(error: unknown): Problem | null {
  if (isConnectionError(error)) {
    return { status: 503, code: ErrorCode.UNAVAILABLE, message: unavailable().message, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpError;
  if (typeof e.type === 'string' && BODY_PROBLEMS[e.type]) return BODY_PROBLEMS[e.type];
  const status = Number(e.status ?? e.statusCode);
  // raw-body passes zlib's errors on with status 400 (Z_DATA_ERROR, Z_BUF_ERROR: not gzip, truncated).
  if (status === 400 && typeof e.code === 'string' && e.code.startsWith('Z_')) return BAD_ENCODING;
  if (status >= 400 && status < 500 && e.expose === true) return { ...BAD_REQUEST, status };
  return null;
}

/** Endpoints of the API and the methods they answer; other methods get 405, other API paths 404. */
const API_METHODS: Record<string, string[]> = {
  '/graphql': ['GET', 'POST'],
  '/v1/events': ['POST', 'OPTIONS'],
  '/v1/identify': ['POST', 'OPTIONS'],
  '/healthz': ['GET', 'HEAD'],
  '/readyz': ['GET', 'HEAD'],
  '/metrics': ['GET', 'HEAD'],
};

type WithRequestId = Request & { requestId?: string };

/**
 * Answers in the route's own error shape: GraphQL's `{ errors: [{ message, extensions: { code, reason } }] }`
 * on /graphql (code BAD_REQUEST for request problems, UNAVAILABLE, INTERNAL_SERVER_ERROR), and
 * `{ error: { code, message } }` everywhere else (as /v1/events always has). Always carries the request id.
 */
export function sendProblem(req: WithRequestId, res: Response, problem: Problem) {
  const requestId = req.requestId;
  if (problem.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(problem.retryAfterSeconds));
  res.status(problem.status);
  if (req.originalUrl.startsWith('/graphql')) {
    const code = problem.status === 503 ? ErrorCode.UNAVAILABLE : problem.status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'BAD_REQUEST';
    const retry = problem.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: problem.retryAfterSeconds };
    const reason = code === ErrorCode.UNAVAILABLE ? 'DATABASE_UNAVAILABLE' : problem.code;
    res.json({ errors: [{ message: problem.message, extensions: { code, reason, ...retry, requestId } }] });
    return;
  }
  res.json({ error: { code: problem.code, message: problem.message, requestId } });
}

/**
 * The last error handler: every failure becomes JSON with a stable code, whatever NODE_ENV is. Request
 * problems (malformed JSON, too large, bad encoding) keep their 4xx, an unreachable database is 503 with
 * Retry-After, anything else is a 500 INTERNAL whose details stay in the log under the request id.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req: WithRequestId, res, next) => {
    if (res.headersSent) return next(error);
    const problem = problemOf(error);
    if (problem?.status === 503) logger.warn('database unavailable', { requestId: req.requestId, error: (error as Error)?.message });
    if (problem) return sendProblem(req, res, problem);
    logger.error('unexpected error', { requestId: req.requestId, method: req.method, path: req.path, error });
    sendProblem(req, res, { status: 500, code: 'INTERNAL', message: `Unexpected error. Quote request id ${req.requestId} when you contact support.` });
  };
}

/** After every router: a known endpoint asked with another method is 405 (with Allow), anything else 404. */
export function jsonNotFound(): RequestHandler {
  return (req: WithRequestId, res) => {
    const allowed = API_METHODS[req.path];
    if (allowed) {
      res.setHeader('allow', allowed.join(', '));
      return sendProblem(req, res, { status: 405, code: 'METHOD_NOT_ALLOWED', message: `${req.path} answers ${allowed.join(', ')}.` });
    }
    sendProblem(req, res, { status: 404, code: 'NOT_FOUND', message: `There is nothing at ${req.method} ${req.path.slice(0, 200)}.` });
  };
}
