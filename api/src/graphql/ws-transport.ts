import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticate.js';
import { credentialsFromConnectionParams, credentialsFromRequest } from '../auth/http-credentials.js';
import { credentialIdOf, type Viewer } from '../auth/viewer.js';
import type { Logger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { RateLimiter } from '../ops/rate-limit.js';
import type { Services } from '../services.js';
import { buildContext } from './context.js';
import { createFormatError, rateLimited } from './errors.js';
import { limitRules, parseOptions } from './limits.js';
import { Topic } from './pubsub.js';

type Extra = { socket: WebSocket; request: IncomingMessage; viewer?: Viewer };

type Deps = {
  schema: GraphQLSchema;
  httpServer: Server;
  logger: Logger;
  services: Services;
  authenticator: Authenticator;
  limiter: RateLimiter;
  metrics: Metrics;
};

const FORBIDDEN_CLOSE = 4403;

/**
 * graphql-ws on /graphql, sharing the HTTP port. A connection must authenticate in `connection_init`
 * (API key in connectionParams, or the session cookie of the upgrade request from a trusted Origin);
 * otherwise it is closed with 4403 before any operation runs. Revoked credentials close their sockets.
 */
export function createGraphqlWs(deps: Deps) {
  const wss = new WebSocketServer({ server: deps.httpServer, path: '/graphql', maxPayload: 256 * 1024 });
  const socketsByCredential = new Map<string, Set<WebSocket>>();
  const formatError = createFormatError(deps.logger);
  // Same codes Apollo gives these failures over HTTP, so clients handle both transports alike.
  const errorsOf = (errors: readonly GraphQLError[], code: string) =>
    errors.map((e) => {
      const coded = e.extensions.code ? e : new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code } });
      return new GraphQLError(coded.message, { extensions: formatError(coded.toJSON(), coded).extensions });
    });

  const cleanup = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: deps.schema,
      onConnect: async (ctx) => {
        try {
          const credentials = credentialsFromConnectionParams(credentialsFromRequest(ctx.extra.request), ctx.connectionParams);
          const viewer = await deps.authenticator.authenticate(credentials);
          if (!viewer) return false;
          ctx.extra.viewer = viewer;
        } catch {
          return false;
        }
        const id = credentialIdOf(ctx.extra.viewer);
        if (!socketsByCredential.has(id)) socketsByCredential.set(id, new Set());
        socketsByCredential.get(id)!.add(ctx.extra.socket);
        deps.metrics.wsConnections.inc();
        return true;
      },
      onDisconnect: (ctx) => {
        if (!ctx.extra.viewer) return;
        deps.metrics.wsConnections.dec();
        const id = credentialIdOf(ctx.extra.viewer);
        socketsByCredential.get(id)?.delete(ctx.extra.socket);
        if (socketsByCredential.get(id)?.size === 0) socketsByCredential.delete(id);
      },
      onSubscribe: (ctx, _id, payload) => {
        const viewer = ctx.extra.viewer!;
        const decision = deps.limiter.take(credentialIdOf(viewer));
        if (!decision.ok) return errorsOf([rateLimited(decision.retryAfterSeconds)], 'RATE_LIMITED');
        let document: DocumentNode;
        try {
          document = parse(payload.query, parseOptions);
        } catch (error) {
          return errorsOf([error as GraphQLError], 'GRAPHQL_PARSE_FAILED');
        }
        const errors = validate(deps.schema, document, [...specifiedRules, ...limitRules]);
        if (errors.length > 0) return errorsOf(errors, 'GRAPHQL_VALIDATION_FAILED');
        return {
          schema: deps.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: buildContext({
            viewer,
            requestId: randomUUID(),
            logger: deps.logger,
            services: deps.services,
            clientIp: ctx.extra.request.socket.remoteAddress ?? 'unknown',
            userAgent: ctx.extra.request.headers['user-agent'] ?? null,
          }),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors) return result;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } as unknown as typeof result;
      },
    },
    wss,
  );

  const revocations = deps.services.pubsub.subscribe(Topic.CREDENTIAL_REVOKED);
  void (async () => {
    for await (const { credentialId } of revocations) {
      for (const socket of socketsByCredential.get(credentialId) ?? []) socket.close(FORBIDDEN_CLOSE, 'Forbidden: credentials revoked');
    }
  })();

  return {
    /** Closes every socket with 1001 (going away) and stops listening for revocations. */
    async dispose() {
      await revocations.return?.();
      await cleanup.dispose();
      wss.close();
    },
  };
}
