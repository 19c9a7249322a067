import type { Rejection } from './event-validation.rules.js';

/**
 * Text and nesting that PostgreSQL cannot store. jsonb and text refuse U+0000 (NUL) and UTF-16 surrogates that
 * are not part of a pair ("\ud800" alone in the JSON text); JSON.stringify and PostgreSQL's parser both recurse
 * per level of nesting. An event holding any of them is rejected with a reason and stored sanitised, so one such
 * event never fails the transaction it shares with other senders' events. Pure; no I/O.
 */

/** Objects and arrays may nest this deep; the event object itself is level 1, `attributes` level 2. */
export const MAX_EVENT_DEPTH = 32;
/** What replaces an object or array below MAX_EVENT_DEPTH in the stored copy. */
export const CUT_MARKER = `[cut: nested deeper than ${MAX_EVENT_DEPTH} levels]`;
/** Replaces each NUL and each lone surrogate in the stored copy (same length, so positions stay visible). */
export const REPLACEMENT = '\uFFFD';

const MAX_TEXT_REASONS = 5;
const MAX_FIELD_CHARS = 200;
/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export type TextCheck = { reasons: Rejection[]; sanitized: Record<string, unknown> };

const unstorable = (s: string) => UNSTORABLE.test(s);
export const sanitizeText = (s: string) => s.replace(UNSTORABLE_ALL, REPLACEMENT);

/** At most `max` UTF-16 units of a storable string, never ending with half of a surrogate pair. */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Null when every string (values and object keys, at any depth) is storable and nesting stays within
 * MAX_EVENT_DEPTH: one walk, no allocation. Otherwise the reasons (INVALID_TEXT per bad string, at most 5;
 * TOO_DEEP once) and a sanitised copy to store and to validate further.
 */
export function checkEventText(event: Record<string, unknown>): TextCheck | null {
  if (clean(event, 1)) return null;
  const reasons: Rejection[] = [];
  const sanitized = copy(event, 1, [], reasons) as Record<string, unknown>;
  return { reasons, sanitized };
}

function clean(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return !unstorable(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_EVENT_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!clean(item, depth + 1)) return false;
    return true;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (unstorable(key) || !clean((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

function copy(value: unknown, depth: number, path: string[], reasons: Rejection[]): unknown {
  if (typeof value === 'string') {
    if (!unstorable(value)) return value;
    textReason(reasons, path, value, 'value');
    return sanitizeText(value);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_EVENT_DEPTH) {
    if (!reasons.some((r) => r.code === 'TOO_DEEP')) {
      reasons.push({
        code: 'TOO_DEEP',
        field: fieldOf(path),
        message: `Objects and arrays may nest at most ${MAX_EVENT_DEPTH} levels deep (the event itself is level 1); deeper parts were cut.`,
      });
    }
    return CUT_MARKER;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      path.push(`[${i}]`);
      const out = copy(item, depth + 1, path, reasons);
      path.pop();
      return out;
    });
  }
  // fromEntries defines own properties, so a "__proto__" key stays data.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const safeKey = unstorable(key) ? sanitizeText(key) : key;
      path.push(IDENTIFIER.test(safeKey) ? (path.length ? `.${safeKey}` : safeKey) : `[${JSON.stringify(safeKey)}]`);
      if (safeKey !== key) textReason(reasons, path, key, 'key');
      const out = copy(item, depth + 1, path, reasons);
      path.pop();
      return [safeKey, out];
    }),
  );
}

function textReason(reasons: Rejection[], path: string[], raw: string, what: 'key' | 'value') {
  if (reasons.filter((r) => r.code === 'INVALID_TEXT').length >= MAX_TEXT_REASONS) return;
  const problem = raw.includes('\0') ? 'U+0000 (NUL)' : 'a lone UTF-16 surrogate (half of a pair)';
  const subject = what === 'key' ? 'The name of this field' : 'This text';
  reasons.push({ code: 'INVALID_TEXT', field: fieldOf(path), message: `${subject} contains ${problem}, which cannot be stored; it was stored with U+FFFD in its place.` });
}

function fieldOf(path: string[]): string | null {
  if (path.length === 0) return null;
  const field = path.join('');
  // Cutting may split a surrogate pair; sanitising again keeps the field itself storable.
  return field.length > MAX_FIELD_CHARS ? `${sanitizeText(field.slice(0, MAX_FIELD_CHARS - 1))}…` : field;
}
