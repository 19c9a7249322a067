import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { getOperationAST, GraphQLError, Kind, parse, specifiedRules, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticate.js';
import { credentialsFromConnectionParams, credentialsFromRequest } from '../auth/http-credentials.js';
import { SharedAuthentication } from '../auth/shared-authentication.js';
import { credentialIdOf, type Viewer } from '../auth/viewer.js';
import type { Config } from '../config.js';
import type { Logger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { RateLimiter } from '../ops/rate-limit.js';
import type { Services } from '../services.js';
import { buildContext } from './context.js';
import { TOO_MANY_FAILED_AUTHENTICATIONS } from '../auth/auth-failures.js';
import { AppError, createFormatError, forbidden, rateLimited } from './errors.js';
import { isConnectionError } from '../db/connection-errors.js';
import { inputErrors } from './input-guard.js';
import { limitRules, parseOptions } from './limits.js';
import { operationProblem } from './operation-limits.js';
import { Topic } from './pubsub.js';
import { FORBIDDEN_CLOSE, SocketViewers, type SocketAuth } from './ws-viewer.js';

type Extra = { socket: WebSocket; request: IncomingMessage; viewer?: Viewer; auth?: SocketAuth };

/** Closes a connection_init from an address with too many failed authentications (the reason says when to retry). */
const RATE_LIMITED_CLOSE = 4429;
/** The database cannot be reached: the standard "try again later" close code. */
const TRY_AGAIN_LATER_CLOSE = 1013;

type Deps = {
  introspection: Config['introspection'];
  schema: GraphQLSchema;
  httpServer: Server;
  logger: Logger;
  services: Services;
  authenticator: Authenticator;
  limiter: RateLimiter;
  metrics: Metrics;
};

/**
 * graphql-ws on /graphql, sharing the HTTP port. A connection must authenticate in `connection_init`
 * (API key in connectionParams, or the session cookie of the upgrade request from a trusted Origin);
 * otherwise it is closed with 4403 before any operation runs. Revoked credentials close their sockets.
 * Every operation re-authenticates, and membership changes re-authenticate open sockets at once (see ws-viewer.ts);
 * identical credentials asking in the same turn share one lookup (auth/shared-authentication.ts).
 */
export function createGraphqlWs(deps: Deps) {
  const wss = new WebSocketServer({ server: deps.httpServer, path: '/graphql', maxPayload: 256 * 1024 });
  const socketsByCredential = new Map<string, Set<WebSocket>>();
  // Sockets of one session or key connecting or re-checked together share one lookup.
  const authenticator = new SharedAuthentication(deps.authenticator);
  const viewers = new SocketViewers({ authenticator, logger: deps.logger });
  const formatError = createFormatError(deps.logger);
  // Same codes Apollo gives these failures over HTTP, so clients handle both transports alike.
  const errorsOf = (errors: readonly GraphQLError[], code: string) =>
    errors.map((e) => {
      const coded = e.extensions.code ? e : new GraphQLError(e.message, { nodes: e.nodes, originalError: e.originalError ?? undefined, extensions: { ...e.extensions, code } });
      const formatted = formatError(coded.toJSON(), coded);
      return new GraphQLError(formatted.message, { extensions: formatted.extensions });
    });

  const cleanup = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: deps.schema,
      onConnect: async (ctx) => {
        try {
          const credentials = credentialsFromConnectionParams(credentialsFromRequest(ctx.extra.request), ctx.connectionParams);
          const viewer = await authenticator.authenticate(credentials);
          if (!viewer) return false;
          viewers.track(ctx.extra, credentials, viewer);
        } catch (error) {
          // Too many failed authentications from this address: a close code clients can tell from 4403.
          if (error instanceof AppError && error.extensions.reason === TOO_MANY_FAILED_AUTHENTICATIONS) ctx.extra.socket.close(RATE_LIMITED_CLOSE, error.message);
          // The database is down: 1013 "try again later", not 4403, which tells partners their key is bad.
          else if (isConnectionError(error)) ctx.extra.socket.close(TRY_AGAIN_LATER_CLOSE, 'Try again later: the database is unavailable');
          return false;
        }
        const id = credentialIdOf(ctx.extra.viewer!);
        if (!socketsByCredential.has(id)) socketsByCredential.set(id, new Set());
        socketsByCredential.get(id)!.add(ctx.extra.socket);
        deps.metrics.wsConnections.inc();
        return true;
      },
      onDisconnect: (ctx) => {
        if (!ctx.extra.viewer) return;
        deps.metrics.wsConnections.dec();
        viewers.untrack(ctx.extra);
        const id = credentialIdOf(ctx.extra.viewer);
        socketsByCredential.get(id)?.delete(ctx.extra.socket);
        if (socketsByCredential.get(id)?.size === 0) socketsByCredential.delete(id);
      },
      onSubscribe: async (ctx, _id, payload) => {
        const decision = await deps.limiter.take(credentialIdOf(ctx.extra.viewer!));
        if (!decision.ok) return errorsOf([rateLimited(decision.retryAfterSeconds)], 'RATE_LIMITED');
        // Authorised with the member's current role, not the one they had at connection_init.
        let viewer: Viewer | null;
        try {
          viewer = await viewers.refresh(ctx.extra);
        } catch (error) {
          return errorsOf([new GraphQLError('Could not check access.', { originalError: error as Error })], 'INTERNAL_SERVER_ERROR');
        }
        if (!viewer) return errorsOf([forbidden('Your access to this workspace ended.', { reason: 'ACCESS_REVOKED' })], 'FORBIDDEN');
        let document: DocumentNode;
        try {
          document = parse(payload.query, parseOptions);
        } catch (error) {
          return errorsOf([error as GraphQLError], 'GRAPHQL_PARSE_FAILED');
        }
        const errors = validate(deps.schema, document, [...specifiedRules, ...limitRules]);
        if (errors.length > 0) return errorsOf(errors, 'GRAPHQL_VALIDATION_FAILED');
        // Cost with the real page sizes, and the introspection policy: the same function as over HTTP.
        const problem = operationProblem({
          schema: deps.schema,
          document,
          operationName: payload.operationName,
          variables: payload.variables,
          authenticated: true,
          introspection: deps.introspection,
        });
        if (problem) return errorsOf([problem], String(problem.extensions.code));
        const badInput = inputErrors(deps.schema, document, payload.operationName, payload.variables);
        if (badInput.length > 0) return errorsOf(badInput, 'BAD_USER_INPUT');
        const contextValue = buildContext({
          viewer,
          requestId: randomUUID(),
          logger: deps.logger,
          services: deps.services,
          clientIp: ctx.extra.request.socket.remoteAddress ?? 'unknown',
          userAgent: ctx.extra.request.headers['user-agent'] ?? null,
        });
        // Live: a subscription's events are resolved (and @Authorized-checked) with the socket's current viewer.
        Object.defineProperty(contextValue, 'viewer', { get: () => ctx.extra.viewer ?? null, enumerable: true });
        return { schema: deps.schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onOperation: (ctx, _id, _payload, args, result) => {
        if (!(Symbol.asyncIterator in Object(result))) return;
        const root = getOperationAST(args.document, args.operationName)?.selectionSet.selections[0];
        const fieldName = root?.kind === Kind.FIELD ? root.name.value : '';
        return viewers.guard(ctx.extra, fieldName, (result as AsyncIterable<ExecutionResult>)[Symbol.asyncIterator]());
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors) return result;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) };
      },
    },
    wss,
  );

  const membershipChanges = deps.services.pubsub.subscribe(Topic.MEMBERSHIP_CHANGED);
  void (async () => {
    for await (const change of membershipChanges) void viewers.membershipChanged(change);
  })();
  // Back from a lost listener connection: what was missed meanwhile (membership changes, revocations) is re-checked.
  const resyncs = deps.services.pubsub.subscribe(Topic.RESYNC);
  void (async () => {
    for await (const _resync of resyncs) void viewers.refreshAll();
  })();

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
      await membershipChanges.return?.();
      await resyncs.return?.();
      await cleanup.dispose();
      wss.close();
    },
  };
}
