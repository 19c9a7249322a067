import type { StepType } from '../../../gql/graphql';

export const STEP_LABELS: Record<StepType, string> = {
  SEND_EMAIL: 'Send an email',
  SEND_TEXT: 'Send a text message',
  SEND_PUSH: 'Send a push notification',
  IF_THEN: 'If/then branch',
  ATTRIBUTE_BRANCH: 'Attribute branch',
  WAIT: 'Wait',
};

export const CHANNEL_OF_STEP: Partial<Record<StepType, 'EMAIL' | 'TEXT' | 'PUSH'>> = { SEND_EMAIL: 'EMAIL', SEND_TEXT: 'TEXT', SEND_PUSH: 'PUSH' };

export const INTERACTIONS: Record<'EMAIL' | 'TEXT' | 'PUSH', { key: string; label: string }[]> = {
  EMAIL: [
    { key: 'email_opened', label: 'Email opened' },
    { key: 'email_clicked', label: 'Email clicked' },
    { key: 'email_delivered', label: 'Email delivered' },
    { key: 'email_bounced', label: 'Email bounced' },
  ],
  TEXT: [
    { key: 'text_delivered', label: 'Text message delivered' },
    { key: 'text_clicked', label: 'Text message clicked' },
  ],
  PUSH: [
    { key: 'push_delivered', label: 'Push notification delivered' },
    { key: 'push_opened', label: 'Push notification opened' },
  ],
};

export const SEND_TO: Record<'EMAIL' | 'TEXT', { value: string; label: string }[]> = {
  EMAIL: [
    { value: 'CONTACT_EMAIL', label: 'Contact email' },
    { value: 'CONTACTPOINT_EMAIL', label: 'contactpoint_email of the event' },
  ],
  TEXT: [
    { value: 'CONTACT_PHONE', label: 'Contact phone' },
    { value: 'CONTACTPOINT_PHONE', label: 'contactpoint_phone of the event' },
  ],
};

export const interactionLabel = (key: string) =>
  Object.values(INTERACTIONS)
    .flat()
    .find((i) => i.key === key)?.label ?? key;
