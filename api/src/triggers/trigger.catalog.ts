import { defaultAllowedOperations, normaliseAttribute } from './trigger.rules.js';
import { AttributeType, CustomerIdentity, TriggerCategory, TriggerKind, type AttributeDefinition, type TriggerDefinition } from './trigger.types.js';

export type CatalogEntry = { key: string; kind: TriggerKind.INTERACTION | TriggerKind.BUSINESS; definition: TriggerDefinition };

const attr = (name: string, type: AttributeType, displayName: string, extra: Partial<AttributeDefinition> = {}) =>
  normaliseAttribute({ name, type, displayName, required: true, ...extra });

const messageAttributes = (channel: string) => [
  attr('journeyId', AttributeType.ENTITY_REFERENCE, 'Journey', { entity: 'journey' }),
  attr('stepId', AttributeType.TEXT, 'Journey step', { maxLength: 100 }),
  attr('deliveryId', AttributeType.TEXT, `${channel} delivery`, { maxLength: 200 }),
];

const interaction = (key: string, title: string, description: string, channel: string, extra: AttributeDefinition[] = []): CatalogEntry => ({
  key,
  kind: TriggerKind.INTERACTION,
  definition: {
    title,
    description,
    category: TriggerCategory.SIGNAL,
    identity: CustomerIdentity.CONTACT,
    source: 'Flare',
    attributes: [...messageAttributes(channel), ...extra],
    allowedOperations: defaultAllowedOperations(),
  },
});

const business = (key: string, title: string, description: string, entity: string, category: TriggerCategory, extra: AttributeDefinition[] = []): CatalogEntry => ({
  key,
  kind: TriggerKind.BUSINESS,
  definition: {
    title,
    description,
    category,
    identity: entity === 'lead' ? CustomerIdentity.LEAD : CustomerIdentity.CONTACT,
    source: 'CRM',
    attributes: [attr(`${entity}Id`, AttributeType.ENTITY_REFERENCE, title.split(' ')[0], { entity }), ...extra],
    allowedOperations: defaultAllowedOperations(),
  },
});

/**
 * Out-of-box triggers present in every workspace. Interaction triggers are usable only inside journeys;
 * business triggers can also start and end them. Reconciled at start-up: new entries appear everywhere.
 */
export const CATALOG: readonly CatalogEntry[] = [
  interaction('email_delivered', 'Email delivered', 'An email sent by a journey reached the inbox.', 'Email'),
  interaction('email_opened', 'Email opened', 'The customer opened an email sent by a journey.', 'Email'),
  interaction('email_clicked', 'Email clicked', 'The customer clicked a link in an email sent by a journey.', 'Email', [
    attr('url', AttributeType.TEXT, 'Link', { maxLength: 2_000 }),
  ]),
  interaction('email_bounced', 'Email bounced', 'An email sent by a journey could not be delivered.', 'Email', [
    attr('bounceType', AttributeType.TEXT, 'Bounce type', { maxLength: 40 }),
  ]),
  interaction('text_delivered', 'Text message delivered', 'A text message sent by a journey was delivered.', 'Text message'),
  interaction('text_clicked', 'Text message clicked', 'The customer clicked a link in a text message sent by a journey.', 'Text message', [
    attr('url', AttributeType.TEXT, 'Link', { maxLength: 2_000 }),
  ]),
  interaction('push_delivered', 'Push notification delivered', 'A push notification sent by a journey was delivered.', 'Push'),
  interaction('push_opened', 'Push notification opened', 'The customer opened a push notification sent by a journey.', 'Push'),
  business('contact_created', 'Contact created', 'A contact record was created.', 'contact', TriggerCategory.CONVERSION),
  business('contact_email_updated', 'Contact email address updated', 'A contact’s email address changed.', 'contact', TriggerCategory.TRANSACTION),
  business('contact_address_updated', 'Contact address updated', 'A contact’s postal address changed.', 'contact', TriggerCategory.TRANSACTION),
  business('contact_phone_updated', 'Contact phone number updated', 'A contact’s phone number changed.', 'contact', TriggerCategory.TRANSACTION),
  business('lead_created', 'Lead created', 'A lead record was created.', 'lead', TriggerCategory.CONVERSION),
  business('incident_created', 'Incident created', 'A service incident (case) was opened.', 'incident', TriggerCategory.TRANSACTION),
  business('incident_state_updated', 'Incident state updated', 'A service incident changed state.', 'incident', TriggerCategory.TRANSACTION, [
    attr('state', AttributeType.TEXT, 'New state', { maxLength: 60 }),
  ]),
  business('opportunity_created', 'Opportunity created', 'A sales opportunity was created.', 'opportunity', TriggerCategory.CONVERSION),
  business('opportunity_state_updated', 'Opportunity state updated', 'A sales opportunity changed state (won, lost…).', 'opportunity', TriggerCategory.CONVERSION, [
    attr('state', AttributeType.TEXT, 'New state', { maxLength: 60 }),
  ]),
];

export const CATALOG_KEYS: ReadonlySet<string> = new Set(CATALOG.map((entry) => entry.key));
