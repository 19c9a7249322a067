import { atMostCodePoints, isRecordId } from '../triggers/event-format.rules.js';
import { CustomerIdentity } from '../triggers/trigger.types.js';
import { canonicalLocale, contactPointProblem, CUSTOMER_LIMITS, fieldValueProblem, isTimeZone, normaliseEmail, normalisePhone, type Problem } from './customer.rules.js';
import { ConsentChannel, ConsentPurpose, ConsentStatus, type CustomerFieldType, DevicePlatform } from './customer.types.js';
import { ERASED_AUTH_ID_PREFIX } from './customer-erase.rules.js';

/** The person-describing columns a patch may set (null clears). */
export type CustomerColumns = {
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  timeZone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  region: string | null;
  country: string | null;
};
export const COLUMN_KEYS = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'locale',
  'timeZone',
  'addressLine1',
  'addressLine2',
  'city',
  'postalCode',
  'region',
  'country',
] as const satisfies readonly (keyof CustomerColumns)[];
export const ADDRESS_KEYS = ['addressLine1', 'addressLine2', 'city', 'postalCode', 'region', 'country'] as const;

export type DevicePatch = { app: string; platform: DevicePlatform; token: string; remove: boolean };
export type ConsentPatch = { channel: ConsentChannel; purpose: ConsentPurpose; status: ConsentStatus; contactPoint: string | null };

/** What a caller (GraphQL, /v1/identify, an import row) asks: `undefined` leaves a value as it is, `null` clears it. */
export type CustomerPatch = { kind: unknown; authId: unknown; fields?: unknown; devices?: unknown; consents?: unknown } & { [K in keyof CustomerColumns]?: unknown };

/** A checked, normalised patch, ready for the writer. */
export type PreparedCustomer = {
  kind: CustomerIdentity;
  authId: string;
  set: Partial<CustomerColumns>;
  /** Custom field values to set; null removes the field. */
  fields: Record<string, unknown>;
  devices: DevicePatch[];
  consents: ConsentPatch[];
};

const TEXT_LIMITS: Record<Exclude<keyof CustomerColumns, 'email' | 'phone' | 'locale' | 'timeZone' | 'country'>, number> = {
  firstName: CUSTOMER_LIMITS.name,
  lastName: CUSTOMER_LIMITS.name,
  addressLine1: CUSTOMER_LIMITS.addressLine,
  addressLine2: CUSTOMER_LIMITS.addressLine,
  city: CUSTOMER_LIMITS.city,
  postalCode: CUSTOMER_LIMITS.postalCode,
  region: CUSTOMER_LIMITS.region,
};
const KINDS = new Set<string>(Object.values(CustomerIdentity));
const PLATFORMS = new Set<string>(Object.values(DevicePlatform));
const CHANNELS = new Set<string>(Object.values(ConsentChannel));
const PURPOSES = new Set<string>(Object.values(ConsentPurpose));
const STATUSES = new Set<string>(Object.values(ConsentStatus));
const KNOWN_KEYS = new Set<string>(['kind', 'authId', 'fields', 'devices', 'consents', 'messageId', ...COLUMN_KEYS]);

const p = (field: string, reason: string, message: string): Problem => ({ field, reason, message });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks and normalises one customer patch against the workspace's custom field definitions. Every problem
 * names its field; nothing is partially applied when there is one.
 */
export function prepareCustomer(patch: CustomerPatch, fieldTypes: ReadonlyMap<string, CustomerFieldType>): { customer: PreparedCustomer } | { problems: Problem[] } {
  const problems: Problem[] = [];
  for (const key of Object.keys(patch)) if (!KNOWN_KEYS.has(key)) problems.push(p(key, 'UNKNOWN_FIELD', `Unknown field “${key.slice(0, 60)}”; custom values go under fields.`));
  const kind = typeof patch.kind === 'string' && KINDS.has(patch.kind) ? (patch.kind as CustomerIdentity) : null;
  if (!kind) problems.push(p('kind', 'INVALID_KIND', 'kind must be CONTACT, LEAD or PROFILE.'));
  const authId = isRecordId(patch.authId) ? String(patch.authId) : null;
  if (authId === null) problems.push(p('authId', 'INVALID_AUTH_ID', `authId must be a string of 1–${CUSTOMER_LIMITS.authId} characters or a whole number.`));
  else if (authId.startsWith(ERASED_AUTH_ID_PREFIX)) problems.push(p('authId', 'RESERVED_AUTH_ID', `authIds starting with “${ERASED_AUTH_ID_PREFIX}” belong to erased customers.`));
  const set: Partial<CustomerColumns> = {};
  for (const key of COLUMN_KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    if (value === null || (typeof value === 'string' && value.trim() === '')) {
      set[key] = null;
      continue;
    }
    if (typeof value !== 'string') {
      problems.push(p(key, 'INVALID_TYPE', `${key} must be text or null.`));
      continue;
    }
    const checked = columnValue(key, value, typeof patch.country === 'string' ? patch.country.trim().toUpperCase() : null);
    if ('problem' in checked) problems.push(checked.problem);
    else set[key] = checked.value;
  }
  const fields = prepareFields(patch.fields, fieldTypes, problems);
  const devices = prepareDevices(patch.devices, problems);
  const consents = prepareConsents(patch.consents, problems);
  if (problems.length > 0 || !kind || authId === null) return { problems };
  return { customer: { kind, authId, set, fields, devices, consents } };
}

function columnValue(key: keyof CustomerColumns, raw: string, country: string | null): { value: string } | { problem: Problem } {
  const value = raw.trim();
  switch (key) {
    case 'email':
      return normaliseEmail(value);
    case 'phone':
      return normalisePhone(value, country);
    case 'locale': {
      const locale = canonicalLocale(value);
      return locale ? { value: locale } : { problem: p(key, 'INVALID_LOCALE', `“${value.slice(0, 40)}” is not a language tag like en-GB.`) };
    }
    case 'timeZone':
      return isTimeZone(value) ? { value } : { problem: p(key, 'INVALID_TIME_ZONE', `“${value.slice(0, 64)}” is not an IANA time zone like Europe/Berlin.`) };
    case 'country':
      return /^[A-Za-z]{2}$/.test(value) ? { value: value.toUpperCase() } : { problem: p(key, 'INVALID_COUNTRY', 'country must be an ISO 3166-1 alpha-2 code, e.g. GB.') };
    default:
      return atMostCodePoints(value, TEXT_LIMITS[key]) ? { value } : { problem: p(key, 'TOO_LONG', `${key} must be at most ${TEXT_LIMITS[key]} characters.`) };
  }
}

function prepareFields(raw: unknown, types: ReadonlyMap<string, CustomerFieldType>, problems: Problem[]): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) {
    problems.push(p('fields', 'INVALID_FIELDS', 'fields must be an object of custom field values.'));
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const type = types.get(name);
    if (!type) {
      problems.push(p(`fields.${name.slice(0, 60)}`, 'UNKNOWN_CUSTOMER_FIELD', `“${name.slice(0, 60)}” is not a customer field of this workspace; define it first.`));
      continue;
    }
    const problem = fieldValueProblem(name, type, value);
    if (problem) problems.push(problem);
    else out[name] = value;
  }
  return out;
}

function prepareDevices(raw: unknown, problems: Problem[]): DevicePatch[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > CUSTOMER_LIMITS.devices) {
    problems.push(p('devices', 'INVALID_DEVICES', `devices must be a list of at most ${CUSTOMER_LIMITS.devices} device tokens.`));
    return [];
  }
  const out: DevicePatch[] = [];
  raw.forEach((d, i) => {
    const field = `devices[${i}]`;
    if (!isObject(d)) return void problems.push(p(field, 'INVALID_DEVICE', 'Each device is { app, platform, token }.'));
    if (typeof d.app !== 'string' || !d.app.trim() || !atMostCodePoints(d.app, CUSTOMER_LIMITS.deviceApp))
      problems.push(p(`${field}.app`, 'INVALID_DEVICE', `app must be 1–${CUSTOMER_LIMITS.deviceApp} characters.`));
    else if (typeof d.platform !== 'string' || !PLATFORMS.has(d.platform)) problems.push(p(`${field}.platform`, 'INVALID_DEVICE', 'platform must be IOS, ANDROID or WEB.'));
    else if (typeof d.token !== 'string' || !d.token.trim() || d.token.length > CUSTOMER_LIMITS.deviceToken)
      problems.push(p(`${field}.token`, 'INVALID_DEVICE', `token must be 1–${CUSTOMER_LIMITS.deviceToken} characters.`));
    else if (d.remove !== undefined && d.remove !== null && typeof d.remove !== 'boolean') problems.push(p(`${field}.remove`, 'INVALID_DEVICE', 'remove must be true or false.'));
    else out.push({ app: d.app.trim(), platform: d.platform as DevicePlatform, token: d.token.trim(), remove: d.remove === true });
  });
  return out;
}

function prepareConsents(raw: unknown, problems: Problem[]): ConsentPatch[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > 6) {
    problems.push(p('consents', 'INVALID_CONSENTS', 'consents must be a list of at most 6 { channel, purpose, status } changes.'));
    return [];
  }
  const out: ConsentPatch[] = [];
  const seen = new Set<string>();
  raw.forEach((c, i) => {
    const field = `consents[${i}]`;
    if (
      !isObject(c) ||
      typeof c.channel !== 'string' ||
      !CHANNELS.has(c.channel) ||
      typeof c.purpose !== 'string' ||
      !PURPOSES.has(c.purpose) ||
      typeof c.status !== 'string' ||
      !STATUSES.has(c.status)
    ) {
      return void problems.push(
        p(field, 'INVALID_CONSENT', 'Each consent is { channel: EMAIL|TEXT|PUSH, purpose: COMMERCIAL|TRANSACTIONAL, status: OPTED_IN|OPTED_OUT|UNKNOWN }.'),
      );
    }
    const contactPoint = typeof c.contactPoint === 'string' && c.contactPoint.trim() ? c.contactPoint.trim() : null;
    const problem = contactPointProblem(c.channel as ConsentChannel, contactPoint);
    if (problem) return void problems.push({ ...problem, field: `${field}.contactPoint` });
    const key = `${c.channel}:${c.purpose}`;
    if (seen.has(key)) return void problems.push(p(field, 'DUPLICATE_CONSENT', `${c.channel} ${c.purpose} is given twice.`));
    seen.add(key);
    out.push({ channel: c.channel as ConsentChannel, purpose: c.purpose as ConsentPurpose, status: c.status as ConsentStatus, contactPoint });
  });
  return out;
}
