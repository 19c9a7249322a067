import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import { SESSION_COOKIE, type Authenticator } from '../auth/authenticate.js';
import { credentialsFromRequest } from '../auth/http-credentials.js';
import { credentialIdOf, type Viewer } from '../auth/viewer.js';
import type { Config } from '../config.js';
import type { Logger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { RateLimiter } from '../ops/rate-limit.js';
import type { Services } from '../services.js';
import { buildContext, type Context } from './context.js';
import { AppError, createFormatError, ErrorCode } from './errors.js';
import { inputGuardPlugin } from './input-guard.js';
import { limitRules, parseOptions } from './limits.js';
import { operationLimitsPlugin } from './operation-limits.js';
import { unavailablePlugin } from './unavailable.plugin.js';

type Deps = {
  schema: GraphQLSchema;
  httpServer: Server;
  config: Config;
  logger: Logger;
  services: Services;
  authenticator: Authenticator;
  limiter: RateLimiter;
  metrics: Metrics;
  onDrain: () => Promise<void>;
};

type AuthedRequest = Request & { viewer?: Viewer | null; requestId?: string };

const STATUS_BY_CODE: Partial<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429 };

export function sendError(res: Response, error: AppError, requestId: string) {
  const code = String(error.extensions.code);
  const { http: _http, ...extensions } = error.extensions;
  res.status(STATUS_BY_CODE[code] ?? 400).json({ errors: [{ message: error.message, extensions: { ...extensions, requestId } }] });
}

/** Apollo Server on /graphql: auth and rate limit first, then one context builder shared with WebSocket. */
export async function createGraphqlHttp(deps: Deps) {
  const apollo = new ApolloServer<Context>({
    schema: deps.schema,
    formatError: createFormatError(deps.logger),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    parseOptions,
    validationRules: limitRules,
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: deps.httpServer, stopGracePeriodMillis: deps.config.shutdownGraceMs }),
      ApolloServerPluginLandingPageDisabled(),
      {
        async serverWillStart() {
          return { drainServer: deps.onDrain };
        },
      },
      deps.metrics.apolloPlugin,
      inputGuardPlugin,
      unavailablePlugin,
      operationLimitsPlugin(deps.config.introspection),
    ],
  });
  await apollo.start();

  const authenticate = async (req: AuthedRequest, res: Response, next: NextFunction) => {
    const requestId = req.requestId ?? randomUUID();
    try {
      req.viewer = await deps.authenticator.authenticate(credentialsFromRequest(req));
    } catch (error) {
      if (error instanceof AppError) {
        // Too many failed authentications from this address: 429 with Retry-After, before any lookup.
        if (typeof error.extensions.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(error.extensions.retryAfterSeconds));
        return sendError(res, error, requestId);
      }
      return next(error);
    }
    const decision = await deps.limiter.take(req.viewer ? credentialIdOf(req.viewer) : `ip:${req.ip}`);
    if (!decision.ok) {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      return sendError(
        res,
        new AppError(ErrorCode.RATE_LIMITED, `Rate limit exceeded. Retry after ${decision.retryAfterSeconds} s.`, {
          reason: 'RATE_LIMITED',
          retryAfterSeconds: decision.retryAfterSeconds,
        }),
        requestId,
      );
    }
    next();
  };

  const context = async ({ req, res }: { req: AuthedRequest; res: Response }): Promise<Context> =>
    buildContext({
      viewer: req.viewer ?? null,
      requestId: req.requestId ?? randomUUID(),
      logger: deps.logger,
      services: deps.services,
      clientIp: req.ip ?? 'unknown',
      userAgent: req.get('user-agent') ?? null,
      setSessionCookie: (token, expiresAt) => {
        const options = { httpOnly: true, sameSite: 'lax' as const, secure: deps.config.cookieSecure, path: '/' };
        if (token) res.cookie(SESSION_COOKIE, token, { ...options, expires: expiresAt });
        else res.clearCookie(SESSION_COOKIE, options);
      },
    });

  const router = express.Router();
  // Anonymous bodies stay small; signed-in callers may send up to 2 MB (a customer import batch of 1,000 rows or a 1 MB CSV).
  const anonymousBody = express.json({ limit: '256kb' });
  const signedInBody = express.json({ limit: '2mb' });
  const body = (req: AuthedRequest, res: Response, next: NextFunction) => (req.viewer ? signedInBody : anonymousBody)(req, res, next);
  router.use(authenticate, body, expressMiddleware(apollo, { context }));
  return { apollo, router };
}
