import {
  AttributeType,
  Comparator,
  CustomerIdentity,
  IdentifierKind,
  TriggerKind,
  type AllowedOperation,
  type AttributeDefinition,
  type TriggerDefinition,
} from './trigger.types.js';

/** Pure rules of trigger definitions. Time comes in as an argument so boundaries are testable. */

export const EDIT_LOCK_MS = 60 * 60 * 1000;
export const MAX_ATTRIBUTES = 100;
export const DEFAULT_TEXT_MAX_LENGTH = 1_000;
export const MAX_TEXT_MAX_LENGTH = 32_000;
export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 2_000;
export const SOURCE_MAX = 80;
export const KEY_MAX = 64;

/** Names that events reserve for special attributes and envelope fields. */
export const RESERVED_ATTRIBUTE_NAMES = new Set(['authid', 'contactpoint_email', 'contactpoint_phone', 'trigger', 'version', 'messageid', 'timestamp', 'sentat', 'attributes']);

/**
 * Names with a special meaning on JavaScript objects, refused (case-insensitively, like every name rule).
 * Other Object.prototype member names (constructor, toString…) are ordinary attributes: values are always
 * looked up as own properties.
 */
export const PROTOTYPE_NAMES = new Set(['__proto__', 'prototype']);

const KEY = /^[a-z][a-z0-9_]*$/;
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const ENTITY = /^[a-z][a-z0-9_]*$/;

export type Problem = { field: string; reason: string; message: string };

/** lower(trim(title)): the form in which visible triggers' titles must be unique within a workspace. */
export const normaliseTitle = (title: string) => title.trim().toLowerCase();

/** `Wi-Fi sign-up!` → `wi_fi_sign_up`. Always a valid key (prefixed when it would start with a digit). */
export function keyFromTitle(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, KEY_MAX);
  if (!base) return 'trigger';
  return /^[a-z]/.test(base) ? base : `t_${base}`.slice(0, KEY_MAX);
}

export function keyProblems(key: string, reservedKeys: ReadonlySet<string>): Problem[] {
  if (!KEY.test(key) || key.length > KEY_MAX) {
    return [
      { field: 'key', reason: 'INVALID_KEY', message: `The key must start with a lowercase letter and use only lowercase letters, digits and underscores (at most ${KEY_MAX}).` },
    ];
  }
  if (reservedKeys.has(key)) return [{ field: 'key', reason: 'KEY_RESERVED', message: `“${key}” is the key of an out-of-box trigger. Choose another.` }];
  return [];
}

/** Every problem with a definition, each naming its field (e.g. `attributes[2].name`). */
export function definitionProblems(def: TriggerDefinition): Problem[] {
  const problems: Problem[] = [];
  const push = (field: string, reason: string, message: string) => problems.push({ field, reason, message });
  const title = def.title.trim();
  if (!title) push('title', 'TITLE_REQUIRED', 'Give the trigger a title.');
  if (title.length > TITLE_MAX) push('title', 'TITLE_TOO_LONG', `The title must be at most ${TITLE_MAX} characters.`);
  if (def.description.length > DESCRIPTION_MAX) push('description', 'DESCRIPTION_TOO_LONG', `The description must be at most ${DESCRIPTION_MAX} characters.`);
  if (!def.source.trim()) push('source', 'SOURCE_REQUIRED', 'Say where events come from (Website, App, API, Checkout…).');
  if (def.source.length > SOURCE_MAX) push('source', 'SOURCE_TOO_LONG', `The source must be at most ${SOURCE_MAX} characters.`);
  if (def.attributes.length > MAX_ATTRIBUTES) push('attributes', 'TOO_MANY_ATTRIBUTES', `A trigger has at most ${MAX_ATTRIBUTES} attributes (got ${def.attributes.length}).`);
  const seen = new Set<string>();
  def.attributes.forEach((attribute, i) => {
    for (const p of attributeProblems(attribute)) push(`attributes[${i}].${p.field}`, p.reason, p.message);
    const lower = attribute.name.toLowerCase();
    if (seen.has(lower)) push(`attributes[${i}].name`, 'DUPLICATE_ATTRIBUTE', `Attribute “${attribute.name}” appears twice.`);
    seen.add(lower);
  });
  const identifiers = new Set<IdentifierKind>();
  for (const op of def.allowedOperations) {
    if (identifiers.has(op.identifier)) push('allowedOperations', 'DUPLICATE_IDENTIFIER', `${op.identifier} is listed twice.`);
    identifiers.add(op.identifier);
  }
  // authId is required in every event (the customer's id), so events identified by CRM id must stay allowed.
  if (def.allowedOperations.some((op) => op.identifier === IdentifierKind.CRM_ID && !op.write)) {
    push('allowedOperations', 'CRM_ID_WRITE_REQUIRED', 'Every event names its customer by authId (the CRM id); keep “may send events” on for CRM id.');
  }
  return problems;
}

function attributeProblems(a: AttributeDefinition): { field: string; reason: string; message: string }[] {
  const problems: { field: string; reason: string; message: string }[] = [];
  if (PROTOTYPE_NAMES.has(a.name.toLowerCase())) {
    problems.push({
      field: 'name',
      reason: 'RESERVED_ATTRIBUTE_NAME',
      message: `“${a.name}” is reserved: JavaScript gives it a special meaning on objects, so snippets and templates could not read it. Choose another name.`,
    });
  } else if (!ATTRIBUTE_NAME.test(a.name) || a.name.length > 64) {
    problems.push({
      field: 'name',
      reason: 'INVALID_ATTRIBUTE_NAME',
      message: `“${a.name}” is not a valid name: start with a letter, then letters, digits or underscores (at most 64).`,
    });
  } else if (RESERVED_ATTRIBUTE_NAMES.has(a.name.toLowerCase())) {
    problems.push({ field: 'name', reason: 'RESERVED_ATTRIBUTE_NAME', message: `“${a.name}” is reserved for a special attribute.` });
  }
  if (a.displayName.length > 120) problems.push({ field: 'displayName', reason: 'DISPLAY_NAME_TOO_LONG', message: 'The display name must be at most 120 characters.' });
  if (a.description.length > 500) problems.push({ field: 'description', reason: 'DESCRIPTION_TOO_LONG', message: 'The attribute description must be at most 500 characters.' });
  if (a.type === AttributeType.TEXT) {
    if (a.maxLength === null || !Number.isInteger(a.maxLength) || a.maxLength < 1 || a.maxLength > MAX_TEXT_MAX_LENGTH) {
      problems.push({ field: 'maxLength', reason: 'INVALID_MAX_LENGTH', message: `Maximum length must be between 1 and ${MAX_TEXT_MAX_LENGTH}.` });
    }
  } else if (a.maxLength !== null) {
    problems.push({ field: 'maxLength', reason: 'MAX_LENGTH_NOT_TEXT', message: 'Only TEXT attributes have a maximum length.' });
  }
  if (a.type === AttributeType.ENTITY_REFERENCE) {
    if (!a.entity || !ENTITY.test(a.entity)) problems.push({ field: 'entity', reason: 'ENTITY_REQUIRED', message: 'Name the referenced entity, e.g. order or product.' });
  } else if (a.entity !== null) {
    problems.push({ field: 'entity', reason: 'ENTITY_NOT_REFERENCE', message: 'Only ENTITY_REFERENCE attributes reference an entity.' });
  }
  return problems;
}

/** Fills defaults: display name from the name, TEXT max length 1,000, no entity unless a reference. */
export type AttributeDraft = {
  name: string;
  type: AttributeType;
  displayName?: string | null;
  description?: string | null;
  required?: boolean | null;
  maxLength?: number | null;
  entity?: string | null;
};

export function normaliseAttribute(input: AttributeDraft): AttributeDefinition {
  return {
    name: input.name.trim(),
    displayName: (input.displayName ?? '').trim() || input.name.trim(),
    description: (input.description ?? '').trim(),
    type: input.type,
    required: input.required ?? false,
    maxLength: input.type === AttributeType.TEXT ? (input.maxLength ?? DEFAULT_TEXT_MAX_LENGTH) : (input.maxLength ?? null),
    entity: input.type === AttributeType.ENTITY_REFERENCE ? (input.entity?.trim().toLowerCase() ?? null) : (input.entity ?? null),
  };
}

/** Sensible defaults: every identifier may be used to send events; only CRM ids may be used to read them back. */
export function defaultAllowedOperations(): AllowedOperation[] {
  return [
    { identifier: IdentifierKind.EMAIL, read: false, write: true },
    { identifier: IdentifierKind.PHONE, read: false, write: true },
    { identifier: IdentifierKind.CRM_ID, read: true, write: true },
  ];
}

/** Completes a partial list with the defaults for identifiers it does not mention, in a stable order. */
export function withDefaultOperations(given: AllowedOperation[] | null | undefined): AllowedOperation[] {
  return defaultAllowedOperations().map((d) => given?.find((g) => g.identifier === d.identifier) ?? d);
}

export function comparatorsFor(type: AttributeType): Comparator[] {
  switch (type) {
    case AttributeType.NUMBER:
    case AttributeType.DECIMAL:
      return [Comparator.EQUALS, Comparator.NOT_EQUALS, Comparator.LESS_THAN, Comparator.LESS_OR_EQUAL, Comparator.GREATER_THAN, Comparator.GREATER_OR_EQUAL];
    case AttributeType.DATE:
    case AttributeType.DATETIME:
      return [Comparator.BEFORE, Comparator.ON, Comparator.AFTER, Comparator.BETWEEN];
    case AttributeType.TEXT:
      return [Comparator.EQUALS, Comparator.NOT_EQUALS, Comparator.CONTAINS, Comparator.STARTS_WITH];
    case AttributeType.BOOLEAN:
      return [Comparator.IS];
    case AttributeType.ENTITY_REFERENCE:
      return [Comparator.EQUALS];
  }
}

/** Special attributes every event of this identity carries. */
export function specialAttributes(identity: CustomerIdentity): string[] {
  switch (identity) {
    case CustomerIdentity.CONTACT:
    case CustomerIdentity.LEAD:
      return ['authId'];
    case CustomerIdentity.PROFILE:
      return ['authId', 'contactpoint_email', 'contactpoint_phone'];
  }
}

/** Editing is locked for an hour after an edit (version 2 onwards) is saved; creation does not lock. */
export function editLockedUntil(latest: { number: number; createdAt: Date }): Date | null {
  return latest.number >= 2 ? new Date(latest.createdAt.getTime() + EDIT_LOCK_MS) : null;
}

export function isEditLocked(latest: { number: number; createdAt: Date }, now: Date): boolean {
  const until = editLockedUntil(latest);
  return until !== null && now.getTime() < until.getTime();
}

/** Version 1 is usable at once; every later version one hour after it was saved. */
export function usableFrom(version: { number: number; createdAt: Date }): Date {
  return version.number === 1 ? version.createdAt : new Date(version.createdAt.getTime() + EDIT_LOCK_MS);
}

export function isUsable(version: { number: number; createdAt: Date }, now: Date): boolean {
  return now.getTime() >= usableFrom(version).getTime();
}

export type EditRefusal = 'OUT_OF_BOX_READ_ONLY' | 'TRIGGER_HIDDEN' | 'STALE_VERSION' | 'TRIGGER_EDIT_LOCKED';

/** Why an edit based on `baseVersion` cannot be saved now, or null. Checked in this order. */
export function editRefusal(
  trigger: { kind: TriggerKind; hiddenAt: Date | null; latest: { number: number; createdAt: Date } },
  baseVersion: number,
  now: Date,
): EditRefusal | null {
  if (trigger.kind !== TriggerKind.CUSTOM) return 'OUT_OF_BOX_READ_ONLY';
  if (trigger.hiddenAt) return 'TRIGGER_HIDDEN';
  if (baseVersion !== trigger.latest.number) return 'STALE_VERSION';
  if (isEditLocked(trigger.latest, now)) return 'TRIGGER_EDIT_LOCKED';
  return null;
}

export type HideRefusal = 'OUT_OF_BOX_READ_ONLY' | 'ALREADY_HIDDEN' | 'TITLE_MISMATCH';

/** Hiding is irreversible, so the caller confirms with the exact title. */
export function hideRefusal(trigger: { kind: TriggerKind; hiddenAt: Date | null; title: string }, confirmTitle: string): HideRefusal | null {
  if (trigger.kind !== TriggerKind.CUSTOM) return 'OUT_OF_BOX_READ_ONLY';
  if (trigger.hiddenAt) return 'ALREADY_HIDDEN';
  if (confirmTitle.trim() !== trigger.title) return 'TITLE_MISMATCH';
  return null;
}
