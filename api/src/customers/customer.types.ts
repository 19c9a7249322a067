import { registerEnumType } from 'type-graphql';
import { ContentChannel } from '../content/content.types.js';
import { CustomerIdentity } from '../triggers/trigger.types.js';

/** The identities a trigger can name; a customer is one of them. Same values as a trigger's identity. */
export const CustomerKind = CustomerIdentity;
export type CustomerKind = CustomerIdentity;

/** Where a customer record (or its latest change) came from. */
export enum CustomerSource {
  API = 'API',
  IMPORT = 'IMPORT',
  EVENT = 'EVENT',
  SPA = 'SPA',
  UNSUBSCRIBE = 'UNSUBSCRIBE',
}
registerEnumType(CustomerSource, {
  name: 'CustomerSource',
  description: 'Where a customer record or a consent change came from.',
  valuesConfig: {
    API: { description: 'The GraphQL API or `POST /v1/identify`.' },
    IMPORT: { description: 'A CSV import.' },
    EVENT: { description: 'Created from what an accepted event carried.' },
    SPA: { description: 'Edited by a person in the admin app.' },
    UNSUBSCRIBE: { description: 'The customer unsubscribed through a message’s unsubscribe link or one-click header.' },
  },
});

/** Consent is kept per channel (the same channels content is sent on) and purpose. */
export const ConsentChannel = ContentChannel;
export type ConsentChannel = ContentChannel;

export enum ConsentPurpose {
  COMMERCIAL = 'COMMERCIAL',
  TRANSACTIONAL = 'TRANSACTIONAL',
}
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'Why a message is sent.',
  valuesConfig: {
    COMMERCIAL: { description: 'Marketing: offers, newsletters, reminders to buy.' },
    TRANSACTIONAL: { description: 'Service messages the customer expects: receipts, password resets, appointment confirmations.' },
  },
});

export enum ConsentStatus {
  OPTED_IN = 'OPTED_IN',
  OPTED_OUT = 'OPTED_OUT',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  description: 'What the customer said about messages of a channel and purpose.',
  valuesConfig: {
    OPTED_IN: { description: 'Agreed to receive them.' },
    OPTED_OUT: { description: 'Asked not to receive them.' },
    UNKNOWN: { description: 'Never said.' },
  },
});

export enum ConsentModel {
  RESTRICTIVE = 'RESTRICTIVE',
  NON_RESTRICTIVE = 'NON_RESTRICTIVE',
}
registerEnumType(ConsentModel, {
  name: 'ConsentModel',
  description: 'How a workspace enforces consent on a channel.',
  valuesConfig: {
    RESTRICTIVE: { description: 'Send only to customers who opted in.' },
    NON_RESTRICTIVE: { description: 'Send unless the customer opted out. Commercial text messages still need an opt-in.' },
  },
});

export enum CustomerFieldType {
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  DECIMAL = 'DECIMAL',
  BOOLEAN = 'BOOLEAN',
  DATE = 'DATE',
  DATETIME = 'DATETIME',
}
registerEnumType(CustomerFieldType, {
  name: 'CustomerFieldType',
  description: 'Data type of a custom customer field (as for trigger attributes).',
  valuesConfig: {
    TEXT: { description: 'Text, up to 1,000 characters.' },
    NUMBER: { description: 'A whole number.' },
    DECIMAL: { description: 'A number with decimals.' },
    BOOLEAN: { description: 'True or false.' },
    DATE: { description: 'A calendar date, e.g. 2026-11-28.' },
    DATETIME: { description: 'A date-time with offset (RFC 3339), e.g. 2026-11-28T10:15:00Z.' },
  },
});

export enum DevicePlatform {
  IOS = 'IOS',
  ANDROID = 'ANDROID',
  WEB = 'WEB',
}
registerEnumType(DevicePlatform, {
  name: 'DevicePlatform',
  description: 'Where a push device token was issued.',
  valuesConfig: { IOS: { description: 'Apple Push Notification service.' }, ANDROID: { description: 'Firebase Cloud Messaging.' }, WEB: { description: 'Web Push.' } },
});
