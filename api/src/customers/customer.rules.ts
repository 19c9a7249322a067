import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { atMostCodePoints, EMAIL, isFullDate, MAX_EMAIL_LENGTH, MAX_ID_LENGTH, parseDateTime } from '../triggers/event-format.rules.js';
import { ConsentChannel, ConsentModel, ConsentPurpose, ConsentStatus, CustomerFieldType } from './customer.types.js';

/** Limits of the customer store; each is tested at and past the boundary (customer.rules.test.ts). */
export const CUSTOMER_LIMITS = {
  authId: MAX_ID_LENGTH,
  email: MAX_EMAIL_LENGTH,
  name: 100,
  locale: 35,
  addressLine: 200,
  city: 100,
  postalCode: 20,
  region: 100,
  /** Custom field definitions per workspace. */
  fieldDefinitions: 50,
  fieldName: 40,
  fieldLabel: 100,
  textValue: 1_000,
  /** Push device tokens per customer. */
  devices: 20,
  deviceApp: 100,
  deviceToken: 4_096,
  contactPoint: 320,
} as const;

export type Problem = { field: string; reason: string; message: string };
const problem = (field: string, reason: string, message: string): Problem => ({ field, reason, message });

/** Emails are trimmed and lower-cased, then checked as the event format checks `contactpoint_email`. */
export function normaliseEmail(value: string): { value: string } | { problem: Problem } {
  const email = value.trim().toLowerCase();
  if (!atMostCodePoints(email, CUSTOMER_LIMITS.email) || !EMAIL.test(email)) {
    return { problem: problem('email', 'INVALID_EMAIL', `“${value.slice(0, 80)}” is not an email address.`) };
  }
  return { value: email };
}

/**
 * Phone numbers become E.164 (`+4915112345678`) with libphonenumber-js' full metadata, so the same number
 * written two ways is one number. Without a leading `+`, `defaultCountry` (the customer's country) is assumed.
 */
export function normalisePhone(value: string, defaultCountry?: string | null): { value: string } | { problem: Problem } {
  const country = defaultCountry && /^[A-Z]{2}$/.test(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = value.length <= 40 ? parsePhoneNumberFromString(value, country) : undefined;
  if (!parsed?.isValid()) {
    return {
      problem: problem('phone', 'INVALID_PHONE', `“${value.slice(0, 40)}” is not a valid phone number; use the international form, e.g. +44 20 7946 0958.`),
    };
  }
  return { value: parsed.number };
}

/** An IANA time zone the runtime can schedule in (e.g. Europe/Berlin). */
export function isTimeZone(value: string): boolean {
  if (value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A BCP 47 language tag, canonicalised (`en-gb` → `en-GB`); null when invalid. */
export function canonicalLocale(value: string): string | null {
  if (value.length > CUSTOMER_LIMITS.locale) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

export const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const RESERVED_FIELD_NAMES = new Set(['__proto__', 'prototype', 'constructor', 'id', 'authid', 'kind', 'email', 'phone', 'firstname', 'lastname']);

/** A custom field definition's problems: name pattern and length, reserved names, label length. */
export function fieldDefinitionProblems(def: { name: string; label: string }): Problem[] {
  const out: Problem[] = [];
  if (!FIELD_NAME.test(def.name) || def.name.length > CUSTOMER_LIMITS.fieldName) {
    out.push(problem('name', 'INVALID_FIELD_NAME', `Field names start with a letter and use letters, digits and _ (at most ${CUSTOMER_LIMITS.fieldName}).`));
  } else if (RESERVED_FIELD_NAMES.has(def.name.toLowerCase())) {
    out.push(problem('name', 'RESERVED_FIELD_NAME', `“${def.name}” is a built-in customer property; choose another name.`));
  }
  if (!def.label.trim() || def.label.length > CUSTOMER_LIMITS.fieldLabel)
    out.push(problem('label', 'INVALID_LABEL', `Give the field a label of at most ${CUSTOMER_LIMITS.fieldLabel} characters.`));
  return out;
}

/** Checks one custom field value against its type; null clears the field and is always accepted. */
export function fieldValueProblem(name: string, type: CustomerFieldType, value: unknown): Problem | null {
  if (value === null) return null;
  const bad = (expected: string) => problem(`fields.${name}`, 'INVALID_FIELD_VALUE', `“${name}” must be ${expected}.`);
  switch (type) {
    case CustomerFieldType.TEXT:
      if (typeof value !== 'string') return bad('text');
      return atMostCodePoints(value, CUSTOMER_LIMITS.textValue)
        ? null
        : problem(`fields.${name}`, 'FIELD_TOO_LONG', `“${name}” is longer than ${CUSTOMER_LIMITS.textValue} characters.`);
    case CustomerFieldType.NUMBER:
      return typeof value === 'number' && Number.isSafeInteger(value) ? null : bad('a whole number');
    case CustomerFieldType.DECIMAL:
      return typeof value === 'number' && Number.isFinite(value) ? null : bad('a number');
    case CustomerFieldType.BOOLEAN:
      return typeof value === 'boolean' ? null : bad('true or false');
    case CustomerFieldType.DATE:
      return typeof value === 'string' && isFullDate(value) ? null : bad('a date like 2026-11-28');
    case CustomerFieldType.DATETIME:
      return typeof value === 'string' && parseDateTime(value) !== null ? null : bad('a date-time like 2026-11-28T10:15:00Z');
  }
}

/**
 * Whether a message of this channel and purpose may go to a customer with this consent, under the workspace's
 * model for the channel. Commercial text messages always need an opt-in, whatever the model.
 */
export function consentAllows(model: ConsentModel, channel: ConsentChannel, purpose: ConsentPurpose, status: ConsentStatus): boolean {
  if (status === ConsentStatus.OPTED_OUT) return false;
  if (status === ConsentStatus.OPTED_IN) return true;
  if (channel === ConsentChannel.TEXT && purpose === ConsentPurpose.COMMERCIAL) return false;
  switch (model) {
    case ConsentModel.RESTRICTIVE:
      return false;
    case ConsentModel.NON_RESTRICTIVE:
      return true;
  }
}

/** A workspace's model per channel until an admin chooses: email and push send unless opted out, text needs opt-in. */
export const DEFAULT_CONSENT_MODELS: Record<ConsentChannel, ConsentModel> = {
  [ConsentChannel.EMAIL]: ConsentModel.NON_RESTRICTIVE,
  [ConsentChannel.TEXT]: ConsentModel.RESTRICTIVE,
  [ConsentChannel.PUSH]: ConsentModel.NON_RESTRICTIVE,
};

/** Which contact point a consent is about, for its channel: the email or phone it was given for, or the device app. */
export function contactPointProblem(channel: ConsentChannel, contactPoint: string | null): Problem | null {
  if (contactPoint === null) return null;
  if (!atMostCodePoints(contactPoint, CUSTOMER_LIMITS.contactPoint)) return problem('contactPoint', 'CONTACT_POINT_TOO_LONG', 'The contact point is too long.');
  switch (channel) {
    case ConsentChannel.EMAIL: {
      const email = normaliseEmail(contactPoint);
      return 'problem' in email ? { ...email.problem, field: 'contactPoint' } : null;
    }
    case ConsentChannel.TEXT: {
      const phone = normalisePhone(contactPoint);
      return 'problem' in phone ? { ...phone.problem, field: 'contactPoint' } : null;
    }
    case ConsentChannel.PUSH:
      return null;
  }
}
