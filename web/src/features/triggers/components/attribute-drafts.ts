import type { AttributeInput, AttributeType } from '../../../gql/graphql';

/** An attribute being edited in the SPA; `uid` keeps React keys stable while reordering. */
export type AttributeDraft = {
  uid: string;
  name: string;
  displayName: string;
  description: string;
  type: AttributeType;
  required: boolean;
  maxLength: string;
  entity: string;
};

export const MAX_ATTRIBUTES = 100;
const RESERVED = new Set(['authid', 'contactpoint_email', 'contactpoint_phone', 'trigger', 'version', 'messageid', 'timestamp', 'sentat', 'attributes']);
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

let next = 0;
export const newDraft = (over: Partial<AttributeDraft> = {}): AttributeDraft => ({
  uid: `a${(next += 1)}`,
  name: '',
  displayName: '',
  description: '',
  type: 'TEXT',
  required: false,
  maxLength: '1000',
  entity: '',
  ...over,
});

/** The fields of a draft that can be wrong, each with its own message. */
export type DraftField = 'name' | 'maxLength' | 'entity';
export type DraftFieldProblems = Partial<Record<DraftField, string>>;

/**
 * Inline problems per draft and field (same rules the server enforces; the server stays the authority).
 * Only drafts with at least one problem are in the map.
 */
export function draftProblems(drafts: AttributeDraft[]): Map<string, DraftFieldProblems> {
  const problems = new Map<string, DraftFieldProblems>();
  const seen = new Set<string>();
  for (const d of drafts) {
    const found: DraftFieldProblems = {};
    const name = d.name.trim();
    if (!NAME.test(name)) found.name = name ? 'Start with a letter; then letters, digits or underscores.' : 'Give the attribute a name.';
    else if (RESERVED.has(name.toLowerCase())) found.name = `“${name}” is reserved for a special attribute.`;
    else if (seen.has(name.toLowerCase())) found.name = `“${name}” is already used.`;
    if (d.type === 'TEXT' && !(Number(d.maxLength) >= 1 && Number(d.maxLength) <= 32_000 && Number.isInteger(Number(d.maxLength))))
      found.maxLength = 'Maximum length must be 1–32,000.';
    if (d.type === 'ENTITY_REFERENCE' && !/^[a-z][a-z0-9_]*$/.test(d.entity.trim().toLowerCase())) found.entity = 'Name the referenced entity, e.g. order.';
    if (name) seen.add(name.toLowerCase());
    if (Object.keys(found).length > 0) problems.set(d.uid, found);
  }
  return problems;
}

export function toInput(d: AttributeDraft): AttributeInput {
  return {
    name: d.name.trim(),
    displayName: d.displayName.trim() || null,
    description: d.description.trim() || null,
    type: d.type,
    required: d.required,
    maxLength: d.type === 'TEXT' ? Number(d.maxLength) : null,
    entity: d.type === 'ENTITY_REFERENCE' ? d.entity.trim().toLowerCase() : null,
  };
}

export function fromAttribute(a: {
  name: string;
  displayName: string;
  description: string;
  type: AttributeType;
  required: boolean;
  maxLength?: number | null;
  entity?: string | null;
}): AttributeDraft {
  return newDraft({
    name: a.name,
    displayName: a.displayName === a.name ? '' : a.displayName,
    description: a.description,
    type: a.type,
    required: a.required,
    maxLength: String(a.maxLength ?? 1000),
    entity: a.entity ?? '',
  });
}

/** Moves the draft at `index` by `delta` (−1 up, +1 down). */
export function move<T>(list: T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target], copy[index]];
  return copy;
}

/** `Wi-Fi sign-up!` → `wi_fi_sign_up`, as the server derives it. */
export function keyFromTitle(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  if (!base) return '';
  return /^[a-z]/.test(base) ? base : `t_${base}`.slice(0, 64);
}
