import { registerEnumType } from 'type-graphql';

/** Where a trigger comes from. */
export enum TriggerKind {
  CUSTOM = 'CUSTOM',
  INTERACTION = 'INTERACTION',
  BUSINESS = 'BUSINESS',
}

export enum TriggerCategory {
  TRANSACTION = 'TRANSACTION',
  CONVERSION = 'CONVERSION',
  SIGNAL = 'SIGNAL',
}

/** What `authId` identifies. PROFILE triggers also carry contactpoint_email / contactpoint_phone as fallbacks. */
export enum CustomerIdentity {
  CONTACT = 'CONTACT',
  LEAD = 'LEAD',
  PROFILE = 'PROFILE',
}

export enum AttributeType {
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  DECIMAL = 'DECIMAL',
  BOOLEAN = 'BOOLEAN',
  DATE = 'DATE',
  DATETIME = 'DATETIME',
  ENTITY_REFERENCE = 'ENTITY_REFERENCE',
}

export enum IdentifierKind {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  CRM_ID = 'CRM_ID',
}

export enum TriggerStatus {
  AWAITING_FIRST_EVENT = 'AWAITING_FIRST_EVENT',
  READY_TO_USE = 'READY_TO_USE',
}

export enum Comparator {
  EQUALS = 'EQUALS',
  NOT_EQUALS = 'NOT_EQUALS',
  LESS_THAN = 'LESS_THAN',
  LESS_OR_EQUAL = 'LESS_OR_EQUAL',
  GREATER_THAN = 'GREATER_THAN',
  GREATER_OR_EQUAL = 'GREATER_OR_EQUAL',
  BEFORE = 'BEFORE',
  ON = 'ON',
  AFTER = 'AFTER',
  BETWEEN = 'BETWEEN',
  CONTAINS = 'CONTAINS',
  STARTS_WITH = 'STARTS_WITH',
  IS = 'IS',
}

/** One attribute of a trigger version, as stored (jsonb) and exposed. */
export type AttributeDefinition = {
  name: string;
  displayName: string;
  description: string;
  type: AttributeType;
  required: boolean;
  /** TEXT only: longest accepted value. */
  maxLength: number | null;
  /** ENTITY_REFERENCE only: the referenced entity, e.g. `order`. */
  entity: string | null;
};

export type AllowedOperation = { identifier: IdentifierKind; read: boolean; write: boolean };

/** The versioned content of a trigger: everything an edit can change. */
export type TriggerDefinition = {
  title: string;
  description: string;
  category: TriggerCategory;
  identity: CustomerIdentity;
  source: string;
  attributes: AttributeDefinition[];
  allowedOperations: AllowedOperation[];
};

const describe = <T extends Record<string, string>>(e: T, name: string, description: string, values: { [K in keyof T]: string }) =>
  registerEnumType(e, { name, description, valuesConfig: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { description: v }])) as never });

describe(TriggerKind, 'TriggerKind', 'Where a trigger comes from; the catalog marks out-of-box kinds with a different icon.', {
  CUSTOM: 'Defined by your team; events arrive from your website, app or systems.',
  INTERACTION: 'Out-of-box: a customer interacted with a message Flare sent (email opened…). Usable only inside journeys.',
  BUSINESS: 'Out-of-box: a record changed in your CRM (contact created…).',
});
describe(TriggerCategory, 'TriggerCategory', 'Groups triggers by purpose.', {
  TRANSACTION: 'Transactions: orders, bookings, password resets, surveys.',
  CONVERSION: 'Conversions: a lead or customer advancing in their lifecycle.',
  SIGNAL: 'Signals: meaningful interactions such as poll votes or page visits.',
});
describe(CustomerIdentity, 'CustomerIdentity', 'What the `authId` special attribute identifies.', {
  CONTACT: 'A CRM contact id.',
  LEAD: 'A CRM lead id.',
  PROFILE: 'A unified customer profile id; events may also carry contactpoint_email and contactpoint_phone as fallbacks.',
});
describe(AttributeType, 'AttributeType', 'Data type of a trigger attribute; decides validation and the comparators journeys offer.', {
  TEXT: 'Text, up to the attribute’s maxLength characters.',
  NUMBER: 'Whole number.',
  DECIMAL: 'Number with a fractional part.',
  BOOLEAN: 'True or false.',
  DATE: 'Calendar date, YYYY-MM-DD.',
  DATETIME: 'Date and time, ISO 8601 with offset.',
  ENTITY_REFERENCE: 'Id of a record of the attribute’s entity (e.g. an order).',
});
describe(IdentifierKind, 'IdentifierKind', 'Kinds of customer identifier external systems may use with a trigger.', {
  EMAIL: 'Email address.',
  PHONE: 'Phone number.',
  CRM_ID: 'CRM record id (contact, lead or profile).',
});
describe(TriggerStatus, 'TriggerStatus', 'Verification status.', {
  AWAITING_FIRST_EVENT: 'Defined, but no valid event has arrived yet; not offered in journey pickers.',
  READY_TO_USE: 'Valid events arrive; usable in journeys.',
});
describe(Comparator, 'Comparator', 'A comparison a journey branch can make on an attribute.', {
  EQUALS: 'Equals (=).',
  NOT_EQUALS: 'Does not equal (≠).',
  LESS_THAN: 'Less than (<).',
  LESS_OR_EQUAL: 'Less than or equal (≤).',
  GREATER_THAN: 'Greater than (>).',
  GREATER_OR_EQUAL: 'Greater than or equal (≥).',
  BEFORE: 'Before a date or time.',
  ON: 'On the same day.',
  AFTER: 'After a date or time.',
  BETWEEN: 'Between two dates or times, inclusive.',
  CONTAINS: 'Text contains.',
  STARTS_WITH: 'Text starts with.',
  IS: 'Is true or false.',
});
