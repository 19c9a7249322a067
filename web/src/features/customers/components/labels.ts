import type { ConsentModel, ConsentPurpose, ConsentStatus, ContentChannel, CustomerFieldType, CustomerIdentity, CustomerSource, DevicePlatform } from '../../../gql/graphql';

export const KIND_LABELS: Record<CustomerIdentity, string> = { CONTACT: 'Contact', LEAD: 'Lead', PROFILE: 'Profile' };

export const CHANNEL_LABELS: Record<ContentChannel, string> = { EMAIL: 'Email', TEXT: 'Text message', PUSH: 'Push' };

export const PURPOSE_LABELS: Record<ConsentPurpose, string> = { COMMERCIAL: 'Commercial', TRANSACTIONAL: 'Transactional' };

export const STATUS_LABELS: Record<ConsentStatus, string> = { OPTED_IN: 'Opted in', OPTED_OUT: 'Opted out', UNKNOWN: 'Unknown' };

export const SOURCE_LABELS: Record<CustomerSource, string> = { API: 'API', EVENT: 'Event', IMPORT: 'Import', SPA: 'Admin app', UNSUBSCRIBE: 'Unsubscribe link' };

export const PLATFORM_LABELS: Record<DevicePlatform, string> = { IOS: 'iOS', ANDROID: 'Android', WEB: 'Web push' };

export const FIELD_TYPE_LABELS: Record<CustomerFieldType, string> = {
  TEXT: 'Text',
  NUMBER: 'Whole number',
  DECIMAL: 'Decimal number',
  BOOLEAN: 'Yes / no',
  DATE: 'Date',
  DATETIME: 'Date and time',
};

export const MODEL_LABELS: Record<ConsentModel, string> = { RESTRICTIVE: 'Restrictive (opt-in needed)', NON_RESTRICTIVE: 'Non-restrictive (send unless opted out)' };

export const CHANNELS: readonly ContentChannel[] = ['EMAIL', 'TEXT', 'PUSH'];
export const PURPOSES: readonly ConsentPurpose[] = ['COMMERCIAL', 'TRANSACTIONAL'];
export const STATUSES: readonly ConsentStatus[] = ['OPTED_IN', 'OPTED_OUT', 'UNKNOWN'];

/** “Email commercial” — one channel and purpose, as the consent table and filter name it. */
export const consentName = (channel: ContentChannel, purpose: ConsentPurpose) => `${CHANNEL_LABELS[channel]} ${PURPOSE_LABELS[purpose].toLowerCase()}`;

/** The consent filter's choices, keyed `CHANNEL:PURPOSE:STATUS`: “Email commercial: opted out”. */
export type ConsentFilterKey = `${ContentChannel}:${ConsentPurpose}:${ConsentStatus}`;
export const CONSENT_FILTER_LABELS = Object.fromEntries(
  CHANNELS.flatMap((c) => PURPOSES.flatMap((p) => STATUSES.map((s) => [`${c}:${p}:${s}`, `${consentName(c, p)}: ${STATUS_LABELS[s].toLowerCase()}`]))),
) as Record<ConsentFilterKey, string>;

export function consentFilterOf(key: ConsentFilterKey | null): { channel: ContentChannel; purpose: ConsentPurpose; status: ConsentStatus } | null {
  if (!key) return null;
  const [channel, purpose, status] = key.split(':') as [ContentChannel, ConsentPurpose, ConsentStatus];
  return { channel, purpose, status };
}

/** “Ada Lovelace”, or null when the customer has no name. */
export function fullName(c: { firstName?: string | null; lastName?: string | null }): string | null {
  return [c.firstName, c.lastName].filter(Boolean).join(' ') || null;
}
