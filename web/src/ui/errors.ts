import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** `field`: the input field the server blames (`extensions.field`), to show the message on it. */
export type ErrorInfo = { code: string | null; reason: string | null; field: string | null; message: string };

/** The first GraphQL error's code, reason and message, or a network message. */
export function errorInfo(error: unknown): ErrorInfo {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    return {
      code: (first?.extensions?.code as string) ?? null,
      reason: (first?.extensions?.reason as string) ?? null,
      field: (first?.extensions?.field as string) ?? null,
      message: first?.message ?? error.message,
    };
  }
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: { message: string; extensions?: { code?: string; reason?: string; field?: string } }[] };
      const first = body.errors?.[0];
      if (first) return { code: first.extensions?.code ?? null, reason: first.extensions?.reason ?? null, field: first.extensions?.field ?? null, message: first.message };
    } catch {
      // not JSON
    }
    return { code: null, reason: null, field: null, message: `The server answered ${error.statusCode}.` };
  }
  return { code: null, reason: null, field: null, message: error instanceof Error ? error.message : 'Something went wrong.' };
}

export const isUnauthenticated = (error: unknown) => errorInfo(error).code === 'UNAUTHENTICATED';
