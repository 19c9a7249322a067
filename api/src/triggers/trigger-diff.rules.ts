import { registerEnumType } from 'type-graphql';
import type { AttributeDefinition, TriggerDefinition } from './trigger.types.js';

export enum ChangeKind {
  TITLE_CHANGED = 'TITLE_CHANGED',
  DESCRIPTION_CHANGED = 'DESCRIPTION_CHANGED',
  CATEGORY_CHANGED = 'CATEGORY_CHANGED',
  IDENTITY_CHANGED = 'IDENTITY_CHANGED',
  SOURCE_CHANGED = 'SOURCE_CHANGED',
  ATTRIBUTE_ADDED = 'ATTRIBUTE_ADDED',
  ATTRIBUTE_REMOVED = 'ATTRIBUTE_REMOVED',
  ATTRIBUTE_TYPE_CHANGED = 'ATTRIBUTE_TYPE_CHANGED',
  ATTRIBUTE_REQUIRED_CHANGED = 'ATTRIBUTE_REQUIRED_CHANGED',
  ATTRIBUTE_MAX_LENGTH_CHANGED = 'ATTRIBUTE_MAX_LENGTH_CHANGED',
  ATTRIBUTE_ENTITY_CHANGED = 'ATTRIBUTE_ENTITY_CHANGED',
  ATTRIBUTE_LABEL_CHANGED = 'ATTRIBUTE_LABEL_CHANGED',
  ATTRIBUTES_REORDERED = 'ATTRIBUTES_REORDERED',
  ALLOWED_OPERATIONS_CHANGED = 'ALLOWED_OPERATIONS_CHANGED',
}
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'Kind of difference between two trigger versions.',
  valuesConfig: {
    TITLE_CHANGED: { description: 'The title changed.' },
    DESCRIPTION_CHANGED: { description: 'The description changed.' },
    CATEGORY_CHANGED: { description: 'The category changed.' },
    IDENTITY_CHANGED: { description: 'What authId identifies changed (breaking).' },
    SOURCE_CHANGED: { description: 'The source changed.' },
    ATTRIBUTE_ADDED: { description: 'An attribute was added (breaking when required).' },
    ATTRIBUTE_REMOVED: { description: 'An attribute was removed (breaking).' },
    ATTRIBUTE_TYPE_CHANGED: { description: 'An attribute’s data type changed (breaking).' },
    ATTRIBUTE_REQUIRED_CHANGED: { description: 'An attribute became required (breaking) or optional.' },
    ATTRIBUTE_MAX_LENGTH_CHANGED: { description: 'A TEXT attribute’s maximum length changed (breaking when shorter).' },
    ATTRIBUTE_ENTITY_CHANGED: { description: 'A reference attribute points to another entity (breaking).' },
    ATTRIBUTE_LABEL_CHANGED: { description: 'An attribute’s display name or description changed.' },
    ATTRIBUTES_REORDERED: { description: 'Attributes were reordered.' },
    ALLOWED_OPERATIONS_CHANGED: { description: 'Allowed operations changed (breaking when an identifier may no longer send events).' },
  },
});

export type Change = {
  kind: ChangeKind;
  /** Attribute name for attribute changes. */
  attribute: string | null;
  from: string | null;
  to: string | null;
  /** True when events valid before may be rejected after (or senders must change code). */
  breaking: boolean;
  summary: string;
};

const change = (kind: ChangeKind, summary: string, opts: Partial<Omit<Change, 'kind' | 'summary'>> = {}): Change => ({
  kind,
  summary,
  attribute: opts.attribute ?? null,
  from: opts.from ?? null,
  to: opts.to ?? null,
  breaking: opts.breaking ?? false,
});

/**
 * JSON text of `value` with every object's keys sorted, so equal values give equal text. Definitions read back from
 * jsonb come with keys in Postgres's order (shortest first), not in the order they were written or sent.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/**
 * Every difference from `a` to `b`, and whether it breaks event senders. Values are compared, never their layout:
 * both the changes recorded when a version is saved and the diff between two stored versions come from here.
 */
export function diffDefinitions(a: TriggerDefinition, b: TriggerDefinition): Change[] {
  const changes: Change[] = [];
  if (a.title !== b.title) changes.push(change(ChangeKind.TITLE_CHANGED, `Title “${a.title}” → “${b.title}”`, { from: a.title, to: b.title }));
  if (a.description !== b.description) changes.push(change(ChangeKind.DESCRIPTION_CHANGED, 'Description changed', { from: a.description, to: b.description }));
  if (a.category !== b.category) changes.push(change(ChangeKind.CATEGORY_CHANGED, `Category ${a.category} → ${b.category}`, { from: a.category, to: b.category }));
  if (a.identity !== b.identity) {
    changes.push(
      change(ChangeKind.IDENTITY_CHANGED, `Customer identity ${a.identity} → ${b.identity} (authId now means something else)`, {
        from: a.identity,
        to: b.identity,
        breaking: true,
      }),
    );
  }
  if (a.source !== b.source) changes.push(change(ChangeKind.SOURCE_CHANGED, `Source “${a.source}” → “${b.source}”`, { from: a.source, to: b.source }));
  changes.push(...diffAttributes(a.attributes, b.attributes));
  const ops = (d: TriggerDefinition) => canonicalJson([...d.allowedOperations].sort((x, y) => x.identifier.localeCompare(y.identifier)));
  if (ops(a) !== ops(b)) {
    const revokedWrite = a.allowedOperations.some((op) => op.write && !b.allowedOperations.find((o) => o.identifier === op.identifier)?.write);
    changes.push(
      change(ChangeKind.ALLOWED_OPERATIONS_CHANGED, revokedWrite ? 'Allowed operations changed: an identifier may no longer send events' : 'Allowed operations changed', {
        from: ops(a),
        to: ops(b),
        breaking: revokedWrite,
      }),
    );
  }
  return changes;
}

function diffAttributes(before: AttributeDefinition[], after: AttributeDefinition[]): Change[] {
  const changes: Change[] = [];
  const byName = (list: AttributeDefinition[]) => new Map(list.map((attr) => [attr.name, attr]));
  const old = byName(before);
  const next = byName(after);
  for (const attr of before) {
    if (!next.has(attr.name)) changes.push(change(ChangeKind.ATTRIBUTE_REMOVED, `Attribute ${attr.name} removed`, { attribute: attr.name, breaking: true }));
  }
  for (const attr of after) {
    const prev = old.get(attr.name);
    if (!prev) {
      changes.push(
        change(ChangeKind.ATTRIBUTE_ADDED, `${attr.required ? 'Required' : 'Optional'} attribute ${attr.name} (${attr.type}) added`, {
          attribute: attr.name,
          to: attr.type,
          breaking: attr.required,
        }),
      );
      continue;
    }
    if (prev.type !== attr.type) {
      changes.push(
        change(ChangeKind.ATTRIBUTE_TYPE_CHANGED, `Attribute ${attr.name}: type ${prev.type} → ${attr.type}`, {
          attribute: attr.name,
          from: prev.type,
          to: attr.type,
          breaking: true,
        }),
      );
    }
    if (prev.required !== attr.required) {
      changes.push(
        change(ChangeKind.ATTRIBUTE_REQUIRED_CHANGED, `Attribute ${attr.name} is now ${attr.required ? 'required' : 'optional'}`, {
          attribute: attr.name,
          from: String(prev.required),
          to: String(attr.required),
          breaking: attr.required,
        }),
      );
    }
    if (prev.type === attr.type && prev.maxLength !== attr.maxLength) {
      const shorter = (attr.maxLength ?? Infinity) < (prev.maxLength ?? Infinity);
      changes.push(
        change(ChangeKind.ATTRIBUTE_MAX_LENGTH_CHANGED, `Attribute ${attr.name}: maximum length ${prev.maxLength} → ${attr.maxLength}`, {
          attribute: attr.name,
          from: String(prev.maxLength),
          to: String(attr.maxLength),
          breaking: shorter,
        }),
      );
    }
    if (prev.type === attr.type && prev.entity !== attr.entity) {
      changes.push(
        change(ChangeKind.ATTRIBUTE_ENTITY_CHANGED, `Attribute ${attr.name}: entity ${prev.entity} → ${attr.entity}`, {
          attribute: attr.name,
          from: prev.entity,
          to: attr.entity,
          breaking: true,
        }),
      );
    }
    if (prev.displayName !== attr.displayName || prev.description !== attr.description) {
      changes.push(change(ChangeKind.ATTRIBUTE_LABEL_CHANGED, `Attribute ${attr.name}: display name or description changed`, { attribute: attr.name }));
    }
  }
  const order = (list: AttributeDefinition[], keep: Map<string, AttributeDefinition>) =>
    list
      .filter((x) => keep.has(x.name))
      .map((x) => x.name)
      .join(',');
  if (order(before, next) !== order(after, old)) changes.push(change(ChangeKind.ATTRIBUTES_REORDERED, 'Attributes reordered'));
  return changes;
}

export const isBreaking = (changes: Change[]) => changes.some((c) => c.breaking);
