import { humanise } from './audit-words';

/**
 * An entry's details as a readable diff: a changed value as before → after, a changed list or long text as
 * added and removed lines, anything else as "Field: value". Never raw JSON.
 */
export type DiffLine = { kind: 'added' | 'removed' | 'same'; text: string };
export type DiffRow =
  { kind: 'change'; field: string; before: string; after: string } | { kind: 'lines'; field: string; lines: DiffLine[] } | { kind: 'fact'; field: string; value: string };

const LABELS: Record<string, string> = {
  htmlBody: 'HTML body',
  textBody: 'Plain-text fallback',
  body: 'Message',
  senderName: 'Sender name',
  userAgent: 'Browser',
  ip: 'IP address',
  cap24h: 'Per 24 hours',
  cap7d: 'Per 7 days',
  cap30d: 'Per 30 days',
  allowedOrigins: 'Allowed origins',
  overlapHours: 'Overlap (hours)',
  secretSet: 'Secret set',
  alreadyMember: 'Already a member',
  from: 'Copied from',
};

export function fieldLabel(key: string): string {
  const words = LABELS[key] ?? humanise(key);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** A value as words: empty as "(empty)", lists joined, objects as "key: value" pairs. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(valueText).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${fieldLabel(k)}: ${valueText(v)}`)
    .join('; ');
}

const isLong = (v: unknown) => typeof v === 'string' && (v.includes('\n') || v.length > 80);

/** Lines removed from `before` and added in `after`, in order, with unchanged lines kept for context (a longest-common-subsequence diff). */
export function lineDiff(before: string[], after: string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  if (n * m > 250_000) return [...before.map((text) => ({ kind: 'removed' as const, text })), ...after.map((text) => ({ kind: 'added' as const, text }))];
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) for (let j = m - 1; j >= 0; j -= 1) lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      out.push({ kind: 'same', text: before[i] });
      i += 1;
      j += 1;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push({ kind: 'added', text: after[j] });
      j += 1;
    } else {
      out.push({ kind: 'removed', text: before[i] });
      i += 1;
    }
  }
  return out;
}

const asLines = (v: unknown): string[] => (Array.isArray(v) ? v.map(valueText) : v === null || v === undefined || v === '' ? [] : valueText(v).split('\n'));

function changeRow(field: string, before: unknown, after: unknown): DiffRow {
  if (Array.isArray(before) || Array.isArray(after) || isLong(before) || isLong(after)) {
    const lines = lineDiff(asLines(before), asLines(after));
    // Lists show what was added and removed; long text keeps unchanged lines only when few.
    return { kind: 'lines', field, lines: Array.isArray(before) || Array.isArray(after) ? lines.filter((l) => l.kind !== 'same') : lines };
  }
  return { kind: 'change', field, before: valueText(before), after: valueText(after) };
}

const isChange = (v: unknown): v is { before: unknown; after: unknown } => typeof v === 'object' && v !== null && !Array.isArray(v) && 'before' in v && 'after' in v;

/** `omit`: keys the sentence already says (the object's name). */
export function auditDiff(details: Record<string, unknown>, options: { action?: string; omit?: string[] } = {}): DiffRow[] {
  const rows: DiffRow[] = [];
  const omit = new Set(options.omit ?? []);
  const { changes, from, to, ...rest } = details;
  if (changes && typeof changes === 'object' && !Array.isArray(changes)) {
    for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
      rows.push(isChange(value) ? changeRow(fieldLabel(key), value.before, value.after) : { kind: 'fact', field: fieldLabel(key), value: valueText(value) });
    }
  } else if (Array.isArray(changes)) {
    rows.push({ kind: 'lines', field: 'Changes', lines: changes.map((c) => ({ kind: 'same' as const, text: valueText(c) })) });
  } else if (changes !== undefined) {
    rest.changes = changes;
  }
  if (from !== undefined && to !== undefined) {
    const field = options.action?.endsWith('roleChange') ? 'Role' : options.action?.endsWith('origins') ? 'Allowed origins' : 'Value';
    rows.push(changeRow(field, from, to));
  } else {
    if (from !== undefined) rest.from = from;
    if (to !== undefined) rest.to = to;
  }
  for (const [key, value] of Object.entries(rest)) {
    if (omit.has(key)) continue;
    rows.push({ kind: 'fact', field: fieldLabel(key), value: valueText(value) });
  }
  return rows;
}
