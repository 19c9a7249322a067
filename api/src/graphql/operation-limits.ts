import {
  getNamedType,
  getOperationAST,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  valueFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Config } from '../config.js';
import type { Context } from './context.js';
import { AppError, ErrorCode } from './errors.js';
import { QUERY_LIMITS } from './limits.js';

/** Weights of the cost model (those of graphql-armor's cost limit, so QUERY_LIMITS.maxCost keeps its meaning). */
const COST = { object: 2, scalar: 1, depthFactor: 1.5 } as const;
const PAGE_ARGUMENTS = new Set(['first', 'last']);
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

export type OperationRequest = {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
};

/**
 * What an operation costs with the page sizes it will really use: a list field costs its selection times
 * `first`/`last`, taken from the literal, the variable's value (or the variable's default), or the argument's
 * default in the schema. It runs once variables are known — validation rules cannot see them, which let
 * `first: $n` with n = 100 through where the literal was refused.
 */
export function operationCost(request: OperationRequest): number {
  const operation = getOperationAST(request.document, request.operationName ?? undefined);
  if (!operation) return 0;
  const fragments = new Map(request.document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const fragmentCosts = new Map<string, number>();
  const root = request.schema.getRootType(operation.operation);
  if (!root) return 0;

  const pageSize = (node: FieldNode, field: GraphQLField<unknown, unknown> | undefined): number => {
    let size = 1;
    for (const definition of field?.args ?? []) {
      if (!PAGE_ARGUMENTS.has(definition.name)) continue;
      const argument = node.arguments?.find((a) => a.name.value === definition.name);
      let value: unknown = definition.defaultValue;
      if (argument)
        value = argument.value.kind === Kind.VARIABLE ? variableValue(operation, argument.value.name.value, request.variables) : valueFromAST(argument.value, definition.type);
      if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size, value);
    }
    return size;
  };

  const selectionCost = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(request.schema, parent, selection.name.value);
        if (!selection.selectionSet) {
          total += COST.scalar;
          continue;
        }
        const inner = COST.object + COST.depthFactor * selectionCost(selection.selectionSet, field ? getNamedType(field.type) : undefined);
        total += inner * pageSize(selection, field);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? request.schema.getType(selection.typeCondition.name.value) : parent;
        total += COST.object + COST.depthFactor * selectionCost(selection.selectionSet, type ?? undefined);
      } else {
        const name = selection.name.value;
        if (!fragmentCosts.has(name)) {
          fragmentCosts.set(name, 0); // a cycle (refused by validation anyway) costs nothing more
          const fragment = fragments.get(name);
          const type = fragment ? request.schema.getType(fragment.typeCondition.name.value) : undefined;
          fragmentCosts.set(name, fragment ? COST.object + COST.depthFactor * selectionCost(fragment.selectionSet, type ?? undefined) : 0);
        }
        total += COST.scalar + COST.depthFactor * fragmentCosts.get(name)!;
      }
    }
    return total;
  };

  // Root fields are not weighted by depth; everything below them is.
  return selectionCost(operation.selectionSet, root);
}

function variableValue(operation: OperationDefinitionNode, name: string, variables: Record<string, unknown> | null | undefined): unknown {
  if (variables && Object.hasOwn(variables, name) && variables[name] !== null) return variables[name];
  const definition = operation.variableDefinitions?.find((v) => v.variable.name.value === name);
  return definition?.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined;
}

function fieldOf(schema: GraphQLSchema, parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name && parent === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name && parent === schema.getQueryType()) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
}

/** Whether the operation asks for `__schema` or `__type` anywhere, fragments included. */
export function isIntrospection(request: OperationRequest): boolean {
  const operation = getOperationAST(request.document, request.operationName ?? undefined);
  if (!operation) return false;
  const fragments = new Map(request.document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(s.name.value) || (s.selectionSet ? visit(s.selectionSet) : false);
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      const fragment = fragments.get(s.name.value);
      return fragment ? visit(fragment.selectionSet) : false;
    });
  return visit(operation.selectionSet);
}

const withStatus = (error: GraphQLError, status: number) => {
  error.extensions.http = { status };
  return error;
};

/**
 * The checks that need the variables or the caller, run by both transports after validation: introspection
 * policy (INTROSPECTION: off | authenticated | on) and query cost. Null when the operation may run.
 */
export function operationProblem(request: OperationRequest & { authenticated: boolean; introspection: Config['introspection'] }): GraphQLError | null {
  if (request.introspection !== 'on' && isIntrospection(request)) {
    if (request.introspection === 'off') {
      return withStatus(
        new GraphQLError('Introspection is disabled on this server; use the published schema (schema/schema.graphql).', {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INTROSPECTION_DISABLED' },
        }),
        400,
      );
    }
    if (!request.authenticated) {
      return withStatus(new AppError(ErrorCode.UNAUTHENTICATED, 'Introspection needs a signed-in user or an API key.', { reason: 'INTROSPECTION_REQUIRES_AUTHENTICATION' }), 401);
    }
  }
  const cost = operationCost(request);
  if (cost > QUERY_LIMITS.maxCost) {
    return withStatus(
      new GraphQLError(`Query Cost limit of ${QUERY_LIMITS.maxCost} exceeded, found ${Math.round(cost)}.`, {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_LIMIT_EXCEEDED' },
      }),
      400,
    );
  }
  return null;
}

/** Over HTTP: the same checks once Apollo has parsed, validated and picked the operation. */
export function operationLimitsPlugin(introspection: Config['introspection']): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request, contextValue }) {
          const problem = operationProblem({ schema, document, operationName, variables: request.variables, authenticated: contextValue.viewer !== null, introspection });
          if (problem) throw problem;
        },
      };
    },
  };
}
