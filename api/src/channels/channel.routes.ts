import express, { type Request, type Response } from 'express';
import { ContentChannel } from '../content/content.types.js';
import { isConnectionError } from '../db/connection-errors.js';
import { isId } from '../graphql/errors.js';
import type { Logger } from '../ops/logger.js';
import type { DeliveryReports } from './delivery-reports.js';

const MAX_BODY = 16 * 1024;
const problem = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });

/**
 * POST /v1/channels/:workspaceId/:channel/status — a text or push provider reports what became of a message:
 * `{ "id": "<message id>", "status": "delivered" | "failed", "reason": "…" }`, signed like Flare's own requests
 * (X-Flare-Signature over the raw body, with the channel's signing secret). Unsigned, stale or wrongly signed
 * reports are refused with 401 and change nothing; a report repeated is answered 200 again.
 */
export function channelRouter(deps: { reports: DeliveryReports; logger: Logger }) {
  const router = express.Router();
  router.post('/v1/channels/:workspaceId/:channel/status', express.raw({ type: () => true, limit: MAX_BODY }), async (req: Request, res: Response) => {
    const workspaceId = String(req.params.workspaceId);
    const channel = ({ text: ContentChannel.TEXT, push: ContentChannel.PUSH } as Record<string, ContentChannel | undefined>)[String(req.params.channel)];
    if (!isId(workspaceId) || !channel) return problem(res, 404, 'NOT_FOUND', 'No such status callback.');
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    try {
      const outcome = await deps.reports.report(workspaceId, channel, raw, req.get('x-flare-signature'));
      if (outcome === 'UNAUTHORIZED') return problem(res, 401, 'INVALID_SIGNATURE', 'The X-Flare-Signature header is missing, stale (over 5 minutes) or does not match the body.');
      if (outcome === 'MALFORMED') return problem(res, 400, 'MALFORMED_REPORT', 'Send { "id": "<message id>", "status": "delivered" | "failed", "reason": "…" }.');
      if (outcome === 'UNKNOWN_MESSAGE') return problem(res, 404, 'UNKNOWN_MESSAGE', 'No message of this channel has that id.');
      res.status(200).json({ recorded: true });
    } catch (error) {
      if (isConnectionError(error)) {
        res.setHeader('retry-after', '5');
        return problem(res, 503, 'UNAVAILABLE', 'The report could not be recorded right now; send it again.');
      }
      deps.logger.error('delivery report failed', { error });
      return problem(res, 500, 'INTERNAL', 'The report could not be recorded.');
    }
  });
  return router;
}
