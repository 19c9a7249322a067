import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ParseOptions, ValidationRule } from 'graphql';

/** Query-shape limits, applied identically over HTTP (Apollo) and WebSocket (graphql-ws). */
export const QUERY_LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 5_000, maxTokens: 2_000 } as const;

export const parseOptions: ParseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

export const limitRules: ValidationRule[] = [
  maxDepthRule({ n: QUERY_LIMITS.maxDepth, exposeLimits: true }),
  maxAliasesRule({ n: QUERY_LIMITS.maxAliases, exposeLimits: true }),
  costLimitRule({ maxCost: QUERY_LIMITS.maxCost, exposeLimits: true }),
];
