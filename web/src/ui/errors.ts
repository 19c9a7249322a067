import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export type ErrorInfo = { code: string | null; reason: string | null; message: string };

/** The first GraphQL error's code, reason and message, or a network message. */
export function errorInfo(error: unknown): ErrorInfo {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    return { code: (first?.extensions?.code as string) ?? null, reason: (first?.extensions?.reason as string) ?? null, message: first?.message ?? error.message };
  }
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: { message: string; extensions?: { code?: string; reason?: string } }[] };
      const first = body.errors?.[0];
      if (first) return { code: first.extensions?.code ?? null, reason: first.extensions?.reason ?? null, message: first.message };
    } catch {
      // not JSON
    }
    return { code: null, reason: null, message: `The server answered ${error.statusCode}.` };
  }
  return { code: null, reason: null, message: error instanceof Error ? error.message : 'Something went wrong.' };
}

export const isUnauthenticated = (error: unknown) => errorInfo(error).code === 'UNAUTHENTICATED';
