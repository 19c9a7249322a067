import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { AppError, badInput, ErrorCode, isId } from './errors.js';

/**
 * The one check of input values at the edge, before anything executes, shared by HTTP and WebSocket:
 * variables must coerce to their declared types, text may not hold U+0000 (Postgres text and jsonb cannot
 * store it), and every value in an `ID` position must be a well-formed id. Services never see such input.
 * Returns variable-coercion errors (coded BAD_USER_INPUT) or the first bad value; empty when all is well.
 */
export function inputErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return []; // execution reports the missing or ambiguous operation
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 20 });
  if (coerced.errors) {
    return coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: ErrorCode.BAD_USER_INPUT } }));
  }
  const problem = variableProblem(schema, operation.variableDefinitions ?? [], coerced.coerced) ?? literalProblem(schema, document);
  return problem ? [problem] : [];
}

/** For Apollo (HTTP): refuses bad text and ids with 400 BAD_USER_INPUT; Apollo reports coercion errors itself alike. */
export const inputGuardPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operationName, request }) {
        const [first] = inputErrors(schema, document, operationName, request.variables);
        if (first instanceof AppError) {
          first.extensions.http = { status: 400 };
          throw first;
        }
      },
    };
  },
};

const NUL = '\u0000';

const textProblem = (field: string) => badInput(`${field} contains a NUL character (U+0000), which text cannot hold.`, { reason: 'INVALID_TEXT', field });
const idProblem = (field: string, value: string) => badInput(`${field}: “${value.replaceAll(NUL, '').slice(0, 80)}” is not an id.`, { reason: 'INVALID_ID', field });

function variableProblem(
  schema: GraphQLSchema,
  definitions: readonly { variable: { name: { value: string } }; type: Parameters<typeof typeFromAST>[1] }[],
  values: Record<string, unknown>,
): AppError | null {
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const problem = type ? valueProblem(type, values[name], `$${name}`) : null;
    if (problem) return problem;
  }
  return null;
}

/** Walks a coerced value along its input type. */
function valueProblem(type: GraphQLInputType, value: unknown, field: string): AppError | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return null;
    for (const [i, item] of value.entries()) {
      const problem = valueProblem(nullable.ofType, item, `${field}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    for (const [name, fieldDef] of Object.entries(nullable.getFields())) {
      const problem = valueProblem(fieldDef.type, (value as Record<string, unknown>)[name], `${field}.${name}`);
      if (problem) return problem;
    }
    return null;
  }
  if (hasNul(value)) return textProblem(field);
  if (nullable.name === 'ID' && typeof value === 'string' && !isId(value)) return idProblem(field, value);
  return null;
}

/** Any string or key in a scalar value (text, or a JSON object) holding NUL. */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (depth > 50 || typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, inner]) => key.includes(NUL) || hasNul(inner, depth + 1));
}

/** String literals in the document: no NUL anywhere, and well-formed ids in `ID` positions. */
function literalProblem(schema: GraphQLSchema, document: DocumentNode): AppError | null {
  const typeInfo = new TypeInfo(schema);
  let problem: AppError | null = null;
  const check = (node: { kind: Kind; value: string }, ancestors: readonly (ASTNode | readonly ASTNode[])[]) => {
    if (problem) return;
    const field = literalPath(ancestors);
    if (node.kind === Kind.STRING && node.value.includes(NUL)) problem = textProblem(field);
    else if (getNamedType(typeInfo.getInputType())?.name === 'ID' && !isId(node.value)) problem = idProblem(field, node.value);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      StringValue: (node, _key, _parent, _path, ancestors) => check(node, ancestors),
      IntValue: (node, _key, _parent, _path, ancestors) => check(node, ancestors),
    }),
  );
  return problem;
}

/** `filter.search` for a literal inside `triggers(filter: { search: "…" })`. */
function literalPath(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string {
  const names = ancestors.flatMap((a) => (!Array.isArray(a) && 'kind' in a && (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD) ? [a.name.value] : []));
  return names.join('.') || 'input';
}
