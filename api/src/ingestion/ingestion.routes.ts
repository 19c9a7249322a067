import express, { type NextFunction, type Request, type Response } from 'express';
import type { Clock } from '../ops/clock.js';
import { MAX_BATCH, MAX_REQUEST_BYTES } from './event-validation.rules.js';
import type { IngestionPipeline, SubmissionResult } from './ingestion.pipeline.js';

type Body = { items: unknown[]; key: string | null };

/**
 * An error answer of an ingestion endpoint, readable by the browser page that sent it (errorCors): a snippet on a
 * refused origin or with a bad key sees `ORIGIN_NOT_ALLOWED` / `INVALID_KEY` instead of an opaque CORS failure.
 */
export const fail = (res: Response, status: number, code: string, message: string) => {
  errorCors(res);
  return res.status(status).json({ error: { code, message } });
};

/**
 * CORS headers on an error answer: the request's Origin is echoed (with Vary: Origin) so the page can read the
 * JSON reason. This reveals nothing secret: ingestion never uses cookies or credentials mode, the body only says
 * why the request was refused, and nothing was stored. Success answers keep their own rule (allowed origins only).
 */
export function errorCors(res: Response) {
  const origin = res.req?.get('origin');
  if (!origin) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', 'retry-after');
}

/**
 * `{…item}`, `[…items]` or `{ key?, <list>: […] }` (the last lets navigator.sendBeacon carry the key); `list` is
 * "events" or "customers".
 */
export function readBatchBody(raw: Buffer, list: string): Body | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return { problem: 'MALFORMED_JSON' };
  }
  if (Array.isArray(parsed)) return { items: parsed, key: null };
  if (typeof parsed !== 'object' || parsed === null) return { problem: 'INVALID_BODY' };
  const body = parsed as Record<string, unknown>;
  const key = typeof body.key === 'string' ? body.key : null;
  if (Array.isArray(body[list])) return { items: body[list], key };
  if (list in body) return { problem: 'INVALID_BODY' };
  const { key: _key, ...item } = body;
  return { items: [item], key };
}

export function presentedKey(req: Request, fromBody: string | null): string | null {
  const header = req.get('x-flare-key');
  if (header) return header.trim();
  const auth = /^Bearer\s+(fik_\S+)$/i.exec(req.get('authorization') ?? '');
  return auth ? auth[1] : fromBody;
}

/**
 * POST /v1/events: one event or up to 500, key in `x-flare-key` (or `Authorization: Bearer`, or the body for
 * sendBeacon). Answers 202 with a result per event once they are committed.
 */
export function ingestionRouter(deps: { pipeline: IngestionPipeline; clock: Clock }) {
  const router = express.Router();
  router.options('/v1/events', preflight);
  router.post('/v1/events', express.raw({ type: () => true, limit: MAX_REQUEST_BYTES }), async (req, res) => {
    const receivedAt = deps.clock.now();
    const body = readBatchBody(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), 'events');
    if ('problem' in body) {
      return fail(res, 400, body.problem, body.problem === 'MALFORMED_JSON' ? 'The body is not valid JSON.' : 'Send one event object, an array of events, or { "events": [...] }.');
    }
    if (body.items.length === 0) return fail(res, 400, 'NO_EVENTS', 'The request holds no events.');
    if (body.items.length > MAX_BATCH) return fail(res, 413, 'BATCH_TOO_LARGE', `At most ${MAX_BATCH} events per request (got ${body.items.length}).`);
    const result = await deps.pipeline.submit({
      credential: { kind: 'key', presented: presentedKey(req, body.key), origin: req.get('origin') ?? null, clientAddress: req.ip ?? 'unknown' },
      events: body.items,
      receivedAt,
      test: false,
    });
    return answer(res, result);
  });
  router.use('/v1/events', requestTooLarge);
  return router;
}

/** CORS preflight of an ingestion endpoint: any origin may ask; the actual request is checked against the key's allowed origins. */
export function preflight(req: Request, res: Response) {
  const origin = req.get('origin');
  if (origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
    res.setHeader('access-control-allow-methods', 'POST');
    res.setHeader('access-control-allow-headers', 'content-type, x-flare-key, authorization');
    res.setHeader('access-control-max-age', '600');
  }
  res.status(204).end();
}

/**
 * Error handler of an ingestion endpoint: a body over MAX_REQUEST_BYTES is answered 413 REQUEST_TOO_LARGE; any
 * other error goes on to the JSON error handler, with the CORS headers already set so the page can read it.
 */
export function requestTooLarge(error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) {
  if (error.type === 'entity.too.large') return fail(res, 413, 'REQUEST_TOO_LARGE', `Requests are limited to ${MAX_REQUEST_BYTES / 1024} KB.`);
  errorCors(res);
  next(error);
}

function answer(res: Response, result: SubmissionResult) {
  if (!result.ok) {
    if (result.retryAfterSeconds) res.setHeader('retry-after', String(result.retryAfterSeconds));
    return fail(res, result.status, result.code, result.message);
  }
  if (result.allowedOrigin) {
    res.setHeader('access-control-allow-origin', result.allowedOrigin);
    res.setHeader('vary', 'Origin');
  }
  const results = result.results.map((r) => ({ index: r.index, status: r.accepted ? 'ACCEPTED' : 'REJECTED', duplicate: r.duplicate, messageId: r.messageId, reasons: r.reasons }));
  return res.status(202).json({
    accepted: results.filter((r) => r.status === 'ACCEPTED').length,
    rejected: results.filter((r) => r.status === 'REJECTED').length,
    duplicates: results.filter((r) => r.duplicate).length,
    results,
  });
}
