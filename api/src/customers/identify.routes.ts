import express, { type NextFunction, type Request, type Response } from 'express';
import { isConnectionError } from '../db/connection-errors.js';
import { MAX_BATCH, MAX_REQUEST_BYTES } from '../ingestion/event-validation.rules.js';
import type { IngestionPipeline } from '../ingestion/ingestion.pipeline.js';
import { fail, preflight, presentedKey, readBatchBody, requestTooLarge } from '../ingestion/ingestion.routes.js';
import type { Clock } from '../ops/clock.js';
import type { Logger } from '../ops/logger.js';
import type { IdentifyService } from './identify.service.js';

/** Seconds a sender is told to wait (Retry-After) when the database is unavailable, as for events. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
/** Serialization failure and deadlock: the request lost a race with another; a retry succeeds. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * POST /v1/identify: one customer or up to 500, with an ingestion key exactly as `/v1/events` takes it (header,
 * Bearer or body; the key's allowed origins; the same failed-authentication budget and per-key rate limit).
 * Answers 202 with a result per customer once the request's single transaction has committed.
 */
export function identifyRouter(deps: { pipeline: IngestionPipeline; identify: IdentifyService; clock: Clock; logger: Logger }) {
  const router = express.Router();
  router.options('/v1/identify', preflight);
  router.post('/v1/identify', express.raw({ type: () => true, limit: MAX_REQUEST_BYTES }), async (req: Request, res: Response, next: NextFunction) => {
    const receivedAt = deps.clock.now();
    const body = readBatchBody(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), 'customers');
    if ('problem' in body) {
      return fail(
        res,
        400,
        body.problem,
        body.problem === 'MALFORMED_JSON' ? 'The body is not valid JSON.' : 'Send one customer object, an array of customers, or { "customers": [...] }.',
      );
    }
    if (body.items.length === 0) return fail(res, 400, 'NO_CUSTOMERS', 'The request holds no customers.');
    if (body.items.length > MAX_BATCH) return fail(res, 413, 'BATCH_TOO_LARGE', `At most ${MAX_BATCH} customers per request (got ${body.items.length}).`);
    try {
      const admission = await deps.pipeline.admitKey({
        credential: { kind: 'key', presented: presentedKey(req, body.key), origin: req.get('origin') ?? null, clientAddress: req.ip ?? 'unknown' },
        units: body.items.length,
        noun: 'customers',
      });
      if (!admission.ok) {
        if (admission.retryAfterSeconds) res.setHeader('retry-after', String(admission.retryAfterSeconds));
        return fail(res, admission.status, admission.code, admission.message);
      }
      const outcomes = await deps.identify.identify(admission.workspaceId, body.items, receivedAt);
      if (admission.allowedOrigin) {
        res.setHeader('access-control-allow-origin', admission.allowedOrigin);
        res.setHeader('vary', 'Origin');
      }
      const results = outcomes.map((o) => ({
        index: o.index,
        status: o.accepted ? 'ACCEPTED' : 'REJECTED',
        duplicate: o.duplicate,
        messageId: o.messageId,
        customerId: o.customerId,
        created: o.created,
        reasons: o.reasons,
      }));
      return res.status(202).json({
        accepted: results.filter((r) => r.status === 'ACCEPTED').length,
        rejected: results.filter((r) => r.status === 'REJECTED').length,
        duplicates: results.filter((r) => r.duplicate).length,
        results,
      });
    } catch (error) {
      const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
      if (!isConnectionError(error) && !(typeof code === 'string' && RETRYABLE.has(code))) return next(error);
      deps.logger.warn('identify request not stored: database unavailable', { error });
      res.setHeader('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      return fail(res, 503, 'UNAVAILABLE', 'Customers could not be stored right now; nothing of this request was changed. Retry with the same messageIds.');
    }
  });
  router.use('/v1/identify', requestTooLarge);
  return router;
}
