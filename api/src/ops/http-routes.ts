import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

const KNOWN_ROUTES = ['/graphql', '/healthz', '/readyz', '/metrics', '/v1/events'];
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Request id (from `x-request-id` or fresh), security headers, one JSON access-log line and a metric per request. */
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
      logger.info('http request', {
        requestId: req.requestId,
        method: req.method,
        path: pathname,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      });
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

/** Serves the built admin SPA, with index.html for client-side routes. */
export function spaRouter(webDist: string) {
  const router = express.Router();
  const index = path.join(webDist, 'index.html');
  router.use((_req, res, next) => {
    res.setHeader(
      'content-security-policy',
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    next();
  });
  router.use(express.static(webDist, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!graphql|v1\/|healthz|readyz|metrics).*/, (_req, res) => {
    if (fs.existsSync(index)) res.sendFile(index);
    else res.status(503).type('text').send('The admin app is not built yet: run `pnpm --filter @flare/web build`.');
  });
  return router;
}
