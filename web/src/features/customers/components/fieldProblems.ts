import { CombinedGraphQLErrors } from '@apollo/client/errors';

type Problem = { field?: unknown; message?: unknown };

/**
 * The server's per-field problems of a refused write (`extensions.problems`, or the one `extensions.field`),
 * by field name — `email`, `fields.points` — to show under the fields they concern.
 */
export function fieldProblems(error: unknown): Record<string, string> {
  if (!CombinedGraphQLErrors.is(error)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    const problems = Array.isArray(e.extensions?.problems) ? (e.extensions.problems as Problem[]) : [{ field: e.extensions?.field, message: e.message }];
    for (const p of problems) if (typeof p.field === 'string' && typeof p.message === 'string') out[p.field] = out[p.field] ? `${out[p.field]} ${p.message}` : p.message;
  }
  return out;
}
