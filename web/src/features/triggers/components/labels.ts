import type { AttributeType, CustomerIdentity, IdentifierKind, TriggerCategory, TriggerKind } from '../../../gql/graphql';

export const IDENTIFIER_LABELS: Record<IdentifierKind, string> = { EMAIL: 'Email', PHONE: 'Phone', CRM_ID: 'CRM id' };

export const CATEGORY_LABELS: Record<TriggerCategory, string> = { TRANSACTION: 'Transactions', CONVERSION: 'Conversions', SIGNAL: 'Signals' };
export const KIND_LABELS: Record<TriggerKind, string> = { CUSTOM: 'Custom', INTERACTION: 'Interaction', BUSINESS: 'Business' };
export const IDENTITY_LABELS: Record<CustomerIdentity, string> = { CONTACT: 'Contact', LEAD: 'Lead', PROFILE: 'Customer profile' };
export const TYPE_LABELS: Record<AttributeType, string> = {
  TEXT: 'Text',
  NUMBER: 'Number',
  DECIMAL: 'Decimal',
  BOOLEAN: 'True or false',
  DATE: 'Date',
  DATETIME: 'Date/time',
  ENTITY_REFERENCE: 'Entity reference',
};
