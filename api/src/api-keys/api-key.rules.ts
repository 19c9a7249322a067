import { ApiKeyScope } from '../auth/permissions.js';

export const MAX_LABEL_LENGTH = 100;

/** Problems with a new key's label and scopes, keyed by input field. */
export function apiKeyInputProblems(input: { label: string; scopes: readonly string[] }): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const label = input.label.trim();
  if (label.length === 0) problems.push({ field: 'label', message: 'Give the key a label.' });
  if (label.length > MAX_LABEL_LENGTH) problems.push({ field: 'label', message: `The label must be at most ${MAX_LABEL_LENGTH} characters.` });
  if (input.scopes.length === 0) problems.push({ field: 'scopes', message: 'Choose at least one scope.' });
  const known = new Set<string>(Object.values(ApiKeyScope));
  if (input.scopes.some((scope) => !known.has(scope))) problems.push({ field: 'scopes', message: 'Unknown scope.' });
  return problems;
}
