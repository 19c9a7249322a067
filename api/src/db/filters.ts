import { badInput, isId } from '../graphql/errors.js';

export const MAX_FILTER_IDS = 100;

/** A LIKE pattern matching `search` anywhere, case-insensitively against a lower-cased column; null when blank. */
export function containsPattern(search: string | null | undefined): string | null {
  const trimmed = search?.trim();
  return trimmed ? `%${trimmed.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/** Ids for an `ids` filter: at most 100, each a well-formed id (unknown ones simply match nothing). */
export function filterIds(ids: readonly string[]): string[] {
  if (ids.length > MAX_FILTER_IDS) throw badInput(`Filter by at most ${MAX_FILTER_IDS} ids.`, { reason: 'TOO_MANY_IDS', field: 'filter.ids' });
  const bad = ids.find((id) => !isId(id));
  if (bad !== undefined) throw badInput(`“${bad}” is not an id.`, { reason: 'INVALID_ID', field: 'filter.ids' });
  return [...new Set(ids)];
}

/** Appended to an `IN (...)` list so an empty `ids` filter is valid SQL and matches nothing. */
export const NO_ID = '00000000-0000-0000-0000-000000000000';
