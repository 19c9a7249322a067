import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import type { DataSource } from 'typeorm';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

const KNOWN_ROUTES = ['/graphql', '/healthz', '/readyz', '/metrics', '/v1/events'];
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The level of a request's access-log line: the app's files and the probes (health, readiness, metrics) at
 * debug when they succeed — a page load fetches dozens of files and probes come every few seconds — API
 * requests at info, and anything that failed at info or above whatever it was.
 */
export function requestLogLevel(kind: 'app' | 'probe' | 'api', status: number): 'debug' | 'info' | 'warn' {
  if (status >= 500) return 'warn';
  if (status >= 400) return 'info';
  return kind === 'api' ? 'info' : 'debug';
}

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** Request id (from `x-request-id` or fresh), security headers, one access-log line and a metric per request. */
export function requestLogging(logger: Logger, metrics: Metrics) {
  return (req: Request & { requestId?: string }, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', req.requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    res.setHeader('x-frame-options', 'DENY');
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const pathname = req.originalUrl.split('?')[0];
      const route = KNOWN_ROUTES.find((r) => pathname === r) ?? 'static';
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      const fields = { requestId: req.requestId, method: req.method, path: pathname, status: res.statusCode, durationMs: Number(process.hrtime.bigint() - started) / 1e6 };
      const kind = res.locals.appFile === true ? 'app' : PROBES.has(pathname) ? 'probe' : 'api';
      logger[requestLogLevel(kind, res.statusCode)]('http request', fields);
    });
    next();
  };
}

/**
 * /healthz: the process is up. /readyz: the database answers within `readinessTimeoutMs` (503 otherwise, also
 * when Postgres accepts connections but is frozen). /metrics: Prometheus text format.
 */
export function operationsRouter(dataSource: DataSource, metrics: Metrics, readinessTimeoutMs = 1_500) {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`The database did not answer within ${readinessTimeoutMs} ms.`)), readinessTimeoutMs);
    });
    try {
      await Promise.race([dataSource.query('SELECT 1'), timeout]);
      res.json({ status: 'ready', database: 'up' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', database: 'down', error: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  });
  router.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return router;
}

/** Long-lived and never revalidated: Vite puts a content hash in every file name under /assets/. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and other unhashed files: always revalidated, so a new deployment is picked up on the next load. */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built admin SPA: the brotli or gzip file the build wrote beside each text file when the browser
 * accepts it (`Vary: Accept-Encoding`), hashed `/assets/` cached for a year as immutable, `index.html` (also for
 * client-side routes) revalidated on every load, source maps never served, a missing asset a 404 (not the app).
 */
export function spaRouter(webDist: string) {
  const router = express.Router();
  const index = path.join(webDist, 'index.html');
  const assetsDir = path.join(webDist, 'assets') + path.sep;
  router.use((_req, res, next) => {
    res.setHeader(
      'content-security-policy',
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    next();
  });
  // Indexes the .br/.gz siblings once, at start-up (the build writes them; see web/vite.config.ts).
  const files = expressStaticGzip(webDist, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('cache-control', file.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE),
    },
  }) as express.RequestHandler;
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // Maps name our sources: kept in the build for our own debugging, never published; nor is the build's
    // own bookkeeping under dot-folders (.vite/manifest.json).
    if (/\.map$/i.test(req.path) || req.path.includes('/.')) return next('router');
    res.locals.appFile = true;
    files(req, res, next);
  });
  // Not for API paths or /assets/ (a missing asset is a 404, not the app).
  router.get(/^\/(?!graphql|v1\/|healthz|readyz|metrics|assets\/)/, (req, res, next) => {
    if (!fs.existsSync(index)) {
      res.status(503).type('text').send('The admin app is not built yet: run `pnpm --filter @flare/web build`.');
      return;
    }
    // A client-side route (/triggers/abc): the app's index.html, compressed and revalidated like /index.html.
    req.url = '/index.html';
    res.locals.appFile = true;
    files(req, res, next);
  });
  return router;
}
