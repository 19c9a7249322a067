import express, { type Request, type Response } from 'express';
import { ContentChannel } from '../content/content.types.js';
import type { Logger } from '../ops/logger.js';
import type { RateLimiter } from '../ops/rate-limit.js';
import { TrackKind } from './tracking.rules.js';
import type { TrackingRequest, TrackingService } from './tracking.service.js';

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** Pages of these routes: no script at all, inline styles only, forms post back to Flare; never framed, indexed or cached. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
  'x-content-type-options': 'nosniff',
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const messagesOf = (channel: ContentChannel) => ({ EMAIL: 'emails', TEXT: 'text messages', PUSH: 'push notifications' })[channel];

/** A small page; `title` and `body` are HTML already escaped by the caller. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f5f5f5;margin:0}main{max-width:32rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px}
h1{font-size:1.4rem;margin-top:0}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#0f6cbd;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}</style></head>
<body><main>${body}</main></body>
</html>
`;
}

const notFoundPage = () => page('Link not valid', '<h1>This link is not valid</h1><p>It may have been mistyped or has expired.</p>');

const requestOf = (req: Request): TrackingRequest => ({ method: req.method, userAgent: req.get('user-agent') ?? null });

/**
 * Public tracking routes (no authentication: the signed token is the authority), limited per client address:
 *   GET  /t/o/<token>.gif  the open pixel: always a 1×1 GIF; only valid tokens are recorded
 *   GET  /t/c/<token>      an email link: 302 to the link stored with the message; anything else 404
 *   GET  /t/s/<token>      a text message's short link, the same
 *   GET  /u/<token>        the unsubscribe page; POST /u/<token> unsubscribes (also RFC 8058 one-click)
 */
export function trackingRouter(deps: { tracking: TrackingService; limiter: RateLimiter; logger: Logger }) {
  const router = express.Router();
  const allowed = async (req: Request) => (await deps.limiter.take(req.ip ?? 'unknown')).ok;
  const failed = (res: Response, error: unknown, what: string) => {
    deps.logger.error(`tracking ${what} failed`, { error });
    res.status(503).set(PAGE_HEADERS).set('retry-after', '5').send(page('Try again', '<h1>Something went wrong</h1><p>Please try again in a moment.</p>'));
  };

  router.get('/t/o/:file', async (req: Request, res: Response) => {
    const file = String(req.params.file);
    try {
      if (file.endsWith('.gif') && (await allowed(req))) await deps.tracking.open(file.slice(0, -4), requestOf(req));
    } catch (error) {
      // The pixel is answered whatever happens: a recording lost is logged, never shown as a broken image.
      deps.logger.error('tracking open failed', { error });
    }
    res.status(200).set({ 'content-type': 'image/gif', 'cache-control': 'no-store, no-cache, must-revalidate, private', expires: '0', pragma: 'no-cache' }).send(PIXEL);
  });

  for (const [path, kind] of [
    ['/t/c/:token', TrackKind.CLICK],
    ['/t/s/:token', TrackKind.SHORT],
  ] as const) {
    router.get(path, async (req: Request, res: Response) => {
      if (!(await allowed(req))) return res.status(429).set(PAGE_HEADERS).send(page('Too many requests', '<h1>Too many requests</h1><p>Please try again in a minute.</p>'));
      try {
        const url = await deps.tracking.click(kind, String(req.params.token), requestOf(req));
        if (url === null) return res.status(404).set(PAGE_HEADERS).send(notFoundPage());
        res.set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).redirect(302, url);
      } catch (error) {
        failed(res, error, 'click');
      }
    });
  }

  router.get('/u/:token', async (req: Request, res: Response) => {
    if (!(await allowed(req))) return res.status(429).set(PAGE_HEADERS).send(page('Too many requests', '<h1>Too many requests</h1><p>Please try again in a minute.</p>'));
    try {
      const target = await deps.tracking.unsubscribeTarget(String(req.params.token));
      if (!target) return res.status(404).set(PAGE_HEADERS).send(notFoundPage());
      const title = `Unsubscribe from ${escapeHtml(target.workspace)} ${messagesOf(target.channel)}?`;
      res
        .status(200)
        .set(PAGE_HEADERS)
        .send(
          page(
            title,
            `<h1>${title}</h1><p>You will no longer receive marketing ${messagesOf(target.channel)} from ${escapeHtml(target.workspace)} at this address.</p>` +
              `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
          ),
        );
    } catch (error) {
      failed(res, error, 'unsubscribe page');
    }
  });

  // The page's button and mail clients' one-click POST (RFC 8058: body List-Unsubscribe=One-Click) alike; the body is not needed.
  router.post('/u/:token', async (req: Request, res: Response) => {
    if (!(await allowed(req))) return res.status(429).set(PAGE_HEADERS).send(page('Too many requests', '<h1>Too many requests</h1><p>Please try again in a minute.</p>'));
    try {
      const done = await deps.tracking.unsubscribe(String(req.params.token));
      if (!done) return res.status(404).set(PAGE_HEADERS).send(notFoundPage());
      res
        .status(200)
        .set(PAGE_HEADERS)
        .send(
          page(
            'Unsubscribed',
            `<h1>You are unsubscribed</h1><p>You will no longer receive marketing ${messagesOf(done.channel)} from ${escapeHtml(done.workspace)} at this address.</p>`,
          ),
        );
    } catch (error) {
      failed(res, error, 'unsubscribe');
    }
  });

  return router;
}
