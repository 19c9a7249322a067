import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { DataSource } from 'typeorm';
import { Authenticator } from './auth/authenticate.js';
import type { Config } from './config.js';
import { poolOf } from './db/data-source.js';
import { createGraphqlHttp } from './graphql/http-transport.js';
import { PgEventTarget } from './graphql/pg-event-target.js';
import { createFlarePubSub } from './graphql/pubsub.js';
import { buildFlareSchema } from './graphql/schema.js';
import { createGraphqlWs } from './graphql/ws-transport.js';
import { systemClock, type Clock } from './ops/clock.js';
import { jsonErrorHandler, jsonNotFound, sendProblem } from './ops/error-handler.js';
import { httpDrainer } from './ops/http-drain.js';
import { operationsRouter, requestLogging, spaRouter } from './ops/http-routes.js';
import type { Logger } from './ops/logger.js';
import { createMetrics } from './ops/metrics.js';
import { RateLimitSync } from './ops/rate-limit.sync.js';
import { AuthFailures } from './auth/auth-failures.js';
import { runWithRequestId } from './ops/request-context.js';
import { createServices, type Services } from './services.js';
import { IngestionPipeline } from './ingestion/ingestion.pipeline.js';
import { ingestionRouter } from './ingestion/ingestion.routes.js';
import { RefusalLog } from './ingestion/refusal-log.js';
import { identifyRouter } from './customers/identify.routes.js';
import { IdentifyService } from './customers/identify.service.js';
import { ValidatorCache } from './ingestion/validator-cache.js';
import { composeHooks, type EventTx, type StoredEventForHooks } from './ingestion/ingestion.writer.js';
import { VerificationNotifier } from './verification/verification.notifier.js';
import { loadSecretKey } from './channels/secret-key.js';
import { channelRouter } from './channels/channel.routes.js';
import { trackingRouter } from './tracking/tracking.routes.js';

/**
 * Connections the kernel holds for us while the process is busy. A handshake that completes when the queue is
 * full is dropped, and reset if it stays full for a few seconds (the client sees ECONNRESET, close 1006); Node's
 * default (511) is less than a burst of dashboards connecting at once. Linux caps it at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4_096;

/** `rateLimitScope`: processes with the same scope share rate-limit counts (default: the whole database). */
export type ServerDeps = { config: Config; dataSource: DataSource; logger: Logger; clock?: Clock; rateLimitScope?: string };

export type FlareServer = {
  services: Services;
  /** Starts listening; resolves to the base URL (e.g. http://127.0.0.1:4000). */
  listen(port?: number): Promise<string>;
  /** Stops accepting, lets in-flight requests finish (bounded by the grace period), closes WebSockets with 1001. */
  close(): Promise<void>;
};

/** HTTP + GraphQL + WebSocket on one port. Used by main.ts and by tests alike. */
export async function createServer(deps: ServerDeps): Promise<FlareServer> {
  const { config, dataSource, logger } = deps;
  const clock = deps.clock ?? systemClock;
  // One LISTEN connection per process: events published by any process reach subscribers of every process.
  const events = new PgEventTarget((dataSource.options as { url: string }).url, poolOf(dataSource), logger);
  await events.start();
  const pubsub = createFlarePubSub(events);
  const schema = await buildFlareSchema(pubsub);
  const notifier = new VerificationNotifier(pubsub);
  const metrics = createMetrics(poolOf(dataSource));
  // Limits hold across processes: counts are exchanged through Postgres every ~200 ms (ops/rate-limit.sync.ts).
  const rateLimits = new RateLimitSync({ pool: poolOf(dataSource), logger, clock, scope: deps.rateLimitScope });
  const authFailures = new AuthFailures(rateLimits.limiter({ name: 'auth-failures', limit: config.authFailuresPerMinute, periodMs: 60_000 }));
  const validators = new ValidatorCache();
  const pipeline = new IngestionPipeline({
    pool: poolOf(dataSource),
    clock,
    logger,
    limiter: rateLimits.limiter({ name: 'ingest', limit: config.ingestRatePerMinute, periodMs: 60_000 }),
    authFailures,
    validators,
    groupCommit: config.ingestGroupCommit,
    refusals: new RefusalLog({ pool: poolOf(dataSource), clock, logger }),
    // Inside each flush's transaction: events meet their customers, then the journeys they start, wake, exit or aim at.
    onStored: composeHooks(...(config.ingestCustomers ? [(tx: EventTx, stored: StoredEventForHooks[]) => services.customers.resolveEvents(tx, stored)] : []), (tx, stored) =>
      services.runtime.onEventsStored(tx, stored),
    ),
    onCommitted: (outcome) => {
      metrics.observeFlush(outcome.stored);
      notifier.onCommitted(outcome);
    },
  });
  const secretKey = loadSecretKey(config);
  const services = createServices({ dataSource, clock, pubsub, logger, config, pipeline, rateLimits, authFailures, validators, secretKey });
  services.runtime.observe(metrics.runtime);
  // Journeys run in every process unless it only serves the API (FLARE_ROLE=api).
  if (config.role !== 'api') services.runtime.start();
  const trustedOrigins = new Set([new URL(config.publicUrl).origin, ...config.trustedOrigins]);
  const authenticator = new Authenticator({ dataSource, clock, trustedOrigins, authFailures });
  const limiter = rateLimits.limiter({ name: 'graphql', limit: config.rateLimitPerMinute, periodMs: 60_000 });
  rateLimits.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);
  const drainer = httpDrainer(httpServer, logger);
  const ws = createGraphqlWs({ schema, httpServer, logger, services, authenticator, limiter, metrics, introspection: config.introspection });
  const graphql = await createGraphqlHttp({ schema, httpServer, config, logger, services, authenticator, limiter, metrics, onDrain: () => ws.dispose() });

  app.use(requestLogging(logger, metrics));
  app.use((req, _res, next) => runWithRequestId((req as { requestId?: string }).requestId!, next));
  app.use(operationsRouter(dataSource, metrics, config.readinessTimeoutMs));
  // A worker (FLARE_ROLE=worker) runs journeys and answers health checks; it serves no API.
  if (config.role !== 'worker') {
    app.use(ingestionRouter({ pipeline, clock }));
    app.use(identifyRouter({ pipeline, identify: new IdentifyService(services, services.customers), clock, logger }));
    app.use(channelRouter({ reports: services.deliveryReports, logger }));
    // Open pixel, tracked links and unsubscribe pages: public, limited per client address like the API.
    app.use(trackingRouter({ tracking: services.tracking, limiter: rateLimits.limiter({ name: 'tracking', limit: config.rateLimitPerMinute, periodMs: 60_000 }), logger }));
    app.use('/graphql', graphql.router);
    app.use(spaRouter(config.webDist));
  } else {
    app.use((req, res, next) =>
      req.path === '/graphql' || req.path.startsWith('/v1/')
        ? sendProblem(req, res, { status: 404, code: 'NOT_FOUND', message: 'This process only runs journeys (FLARE_ROLE=worker); send API requests to an API process.' })
        : next(),
    );
  }
  // Last: unknown paths and every error answer as JSON with a stable code, never Express's HTML pages.
  app.use(jsonNotFound());
  app.use(jsonErrorHandler(logger));

  return {
    services,
    listen: (port = config.port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen({ port, host: config.host, backlog: LISTEN_BACKLOG }, () => {
          const { port: bound } = httpServer.address() as AddressInfo;
          resolve(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${bound}`);
        });
      }),
    close: async () => {
      // Every request already received is answered (ingestion included) before anything below closes.
      await drainer.drain(config.shutdownGraceMs, () => pipeline.close({ shed: true }));
      // The runtime writes through the pipeline (delivered interactions): it stops first.
      await services.runtime.stop();
      // Reset emails answered before the shutdown still go out (their answer said they would).
      await services.passwords.settled();
      services.channelDelivery.close();
      await pipeline.close();
      await graphql.apollo.stop();
      await rateLimits.stop();
      notifier.dispose();
      await events.stop();
    },
  };
}
