/** A field's text and selection: where a token goes. */
export type Selection = { start: number; end: number };

/**
 * Puts `token` in place of the selection (at the cursor when nothing is selected) and returns the new text with the
 * cursor just after the token. A selection outside the text (the text changed since) inserts at the end.
 */
export function insertToken(value: string, selection: Selection | null, token: string): { value: string; caret: number } {
  const end = Math.min(Math.max(selection?.end ?? value.length, 0), value.length);
  const start = Math.min(Math.max(selection?.start ?? end, 0), end);
  return { value: `${value.slice(0, start)}${token}${value.slice(end)}`, caret: start + token.length };
}
