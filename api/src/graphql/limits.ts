import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';

/** Query-shape limits, applied identically over HTTP (Apollo) and WebSocket (graphql-ws). */
export const QUERY_LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 20_000, maxTokens: 2_000 } as const;

export const parseOptions: ParseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

/** Report (rather than throw) so the request fails validation like any invalid query, with a stable reason. */
const report = (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(
    new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_LIMIT_EXCEEDED' },
    }),
  );
const onRejection = { propagateOnRejection: false, onReject: [report], exposeLimits: true };

/**
 * Shape limits every operation obeys, introspection included (graphql-armor skips `__schema` by default).
 * Cost needs the variables, so it is checked after validation, by `operationProblem` (operation-limits.ts).
 */
export const limitRules: ValidationRule[] = [
  maxDepthRule({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: false, ...onRejection }),
  maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...onRejection }),
];
