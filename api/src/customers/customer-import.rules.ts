import { COLUMN_KEYS, prepareCustomer, type CustomerPatch, type PreparedCustomer } from './customer-input.rules.js';
import type { Problem } from './customer.rules.js';
import { ConsentChannel, ConsentPurpose, ConsentStatus, CustomerFieldType } from './customer.types.js';
import type { CustomerIdentity } from '../triggers/trigger.types.js';

/** Limits of one import call: a batch of rows, or a CSV text parsed on the server. */
export const IMPORT_LIMITS = { rows: 1_000, csvChars: 1_048_576 } as const;

/** A flat import row: target key (see `importTargets`) → the cell's text. */
export type ImportRow = Record<string, unknown>;
export type ImportTarget = { key: string; label: string };
export type ImportRefusal = { row: number; field: string | null; reason: string; message: string };

const COLUMN_LABELS: Record<(typeof COLUMN_KEYS)[number] | 'authId', string> = {
  authId: 'authId (external id)',
  email: 'Email',
  phone: 'Phone',
  firstName: 'First name',
  lastName: 'Last name',
  locale: 'Locale',
  timeZone: 'Time zone',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  city: 'City',
  postalCode: 'Postal code',
  region: 'Region',
  country: 'Country',
};

/** Header spellings (lower case, letters and digits only) each built-in column is suggested for. */
const SYNONYMS: Record<keyof typeof COLUMN_LABELS, string[]> = {
  authId: ['authid', 'id', 'externalid', 'customerid', 'crmid', 'contactid', 'leadid', 'profileid', 'userid'],
  email: ['email', 'emailaddress', 'mail', 'emailaddr'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilenumber', 'cell', 'cellphone', 'tel', 'telephone'],
  firstName: ['firstname', 'givenname', 'forename', 'first'],
  lastName: ['lastname', 'surname', 'familyname', 'last'],
  locale: ['locale', 'language', 'lang'],
  timeZone: ['timezone', 'tz'],
  addressLine1: ['addressline1', 'address1', 'address', 'street', 'streetaddress'],
  addressLine2: ['addressline2', 'address2'],
  city: ['city', 'town'],
  postalCode: ['postalcode', 'postcode', 'zip', 'zipcode'],
  region: ['region', 'state', 'county', 'province'],
  country: ['country', 'countrycode'],
};

const consentKey = (channel: ConsentChannel, purpose: ConsentPurpose) => `consent.${channel}.${purpose}`;
const CONSENT_KEYS = Object.values(ConsentChannel).flatMap((channel) => Object.values(ConsentPurpose).map((purpose) => ({ channel, purpose, key: consentKey(channel, purpose) })));
const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

export type FieldDefinition = { name: string; type: CustomerFieldType; label: string };

/** Every key an import column can map to: built-in columns, custom fields (`fields.<name>`), consent (`consent.<CHANNEL>.<PURPOSE>`). */
export function importTargets(fields: readonly FieldDefinition[]): ImportTarget[] {
  return [
    ...Object.entries(COLUMN_LABELS).map(([key, label]) => ({ key, label })),
    ...fields.map((f) => ({ key: `fields.${f.name}`, label: `${f.label} (custom field)` })),
    ...CONSENT_KEYS.map(({ channel, purpose, key }) => ({ key, label: `Consent: ${channel.toLowerCase()} ${purpose.toLowerCase()}` })),
  ];
}

/** The target suggested for each header by its name, or null; each target is suggested once (first header wins). */
export function suggestMapping(headers: readonly string[], fields: readonly FieldDefinition[]): (string | null)[] {
  const candidates = new Map<string, string>();
  for (const { key } of CONSENT_KEYS) candidates.set(squash(key), key);
  for (const f of fields) {
    candidates.set(squash(f.label), `fields.${f.name}`);
    candidates.set(squash(f.name), `fields.${f.name}`);
    candidates.set(squash(`fields.${f.name}`), `fields.${f.name}`);
  }
  for (const [key, names] of Object.entries(SYNONYMS)) for (const name of names) candidates.set(name, key);
  const taken = new Set<string>();
  return headers.map((header) => {
    const key = candidates.get(squash(header));
    if (!key || taken.has(key)) return null;
    taken.add(key);
    return key;
  });
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const CONSENT_WORDS: Record<string, ConsentStatus> = {
  optedin: ConsentStatus.OPTED_IN,
  optin: ConsentStatus.OPTED_IN,
  in: ConsentStatus.OPTED_IN,
  optedout: ConsentStatus.OPTED_OUT,
  optout: ConsentStatus.OPTED_OUT,
  out: ConsentStatus.OPTED_OUT,
  unknown: ConsentStatus.UNKNOWN,
};

/** A cell's text as the custom field's type; left as text when it does not parse, so the field check names the problem. */
function typedCell(type: CustomerFieldType | undefined, text: string): unknown {
  switch (type) {
    case CustomerFieldType.NUMBER:
      return /^[+-]?\d{1,16}$/.test(text) ? Number(text) : text;
    case CustomerFieldType.DECIMAL:
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
    case CustomerFieldType.BOOLEAN: {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text;
    }
    case CustomerFieldType.TEXT:
    case CustomerFieldType.DATE:
    case CustomerFieldType.DATETIME:
    case undefined:
      return text;
  }
}

function consentStatus(text: string): ConsentStatus | null {
  const lower = squash(text);
  if (TRUE.has(lower)) return ConsentStatus.OPTED_IN;
  if (FALSE.has(lower)) return ConsentStatus.OPTED_OUT;
  return CONSENT_WORDS[lower] ?? null;
}

/**
 * Turns one flat import row into a customer patch and checks it with the same rules as every other write.
 * Empty cells leave stored values alone (an import never clears). Problems name the row's key.
 */
export function prepareImportRow(
  kind: CustomerIdentity,
  row: ImportRow,
  fieldTypes: ReadonlyMap<string, CustomerFieldType>,
): { customer: PreparedCustomer } | { problems: Problem[] } {
  const patch: CustomerPatch & { fields: Record<string, unknown> } = { kind, authId: undefined, fields: {} };
  const consents: { channel: ConsentChannel; purpose: ConsentPurpose; status: ConsentStatus }[] = [];
  const consentColumns: string[] = [];
  const problems: Problem[] = [];
  for (const [key, raw] of Object.entries(row)) {
    if (raw === null || raw === undefined) continue;
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      problems.push({ field: key.slice(0, 80), reason: 'INVALID_TYPE', message: `${key.slice(0, 80)} must be text.` });
      continue;
    }
    const text = String(raw).trim();
    if (text === '' && key !== 'authId') continue;
    if (key.startsWith('fields.')) {
      const name = key.slice('fields.'.length);
      patch.fields[name] = typedCell(fieldTypes.get(name), text);
      continue;
    }
    const consent = CONSENT_KEYS.find((c) => c.key === key);
    if (consent) {
      const status = consentStatus(text);
      if (status) {
        consents.push({ channel: consent.channel, purpose: consent.purpose, status });
        consentColumns.push(key);
      } else problems.push({ field: key, reason: 'INVALID_CONSENT', message: `“${text.slice(0, 40)}” is not a consent status; use OPTED_IN, OPTED_OUT or UNKNOWN.` });
      continue;
    }
    if (key === 'authId' || (COLUMN_KEYS as readonly string[]).includes(key)) (patch as Record<string, unknown>)[key] = text;
    else problems.push({ field: key.slice(0, 80), reason: 'UNKNOWN_COLUMN', message: `“${key.slice(0, 80)}” is not a customer field; map the column to a field or skip it.` });
  }
  if (consents.length > 0) patch.consents = consents;
  const prepared = prepareCustomer(patch, fieldTypes);
  const order = Object.keys(row);
  const position = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const all = [...problems, ...('problems' in prepared ? prepared.problems : [])]
    .map((p) => {
      const index = /^consents\[(\d+)\]/.exec(p.field);
      return index ? { ...p, field: consentColumns[Number(index[1])] ?? p.field } : p;
    })
    .sort((a, b) => position(a.field) - position(b.field));
  return all.length > 0 || 'problems' in prepared ? { problems: all } : prepared;
}

/** CSV rows keyed by target: `columns` maps header → target key (null skips); unmapped headers are skipped. */
export function rowFromRecord(record: Record<string, unknown>, columns: ReadonlyMap<string, string | null>): ImportRow {
  const row: ImportRow = {};
  for (const [header, value] of Object.entries(record)) {
    const key = columns.get(header);
    if (key) row[key] = value;
  }
  return row;
}
