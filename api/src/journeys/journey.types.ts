import { registerEnumType } from 'type-graphql';
import type { Comparator, CustomerIdentity, TriggerKind, TriggerStatus, AttributeDefinition } from '../triggers/trigger.types.js';
import type { ContentChannel, ContentState } from '../content/content.types.js';

export enum JourneyStatus {
  DRAFT = 'DRAFT',
  LIVE = 'LIVE',
  STOPPED = 'STOPPED',
}
export enum RepeatPolicy {
  NOT_ALLOWED = 'NOT_ALLOWED',
  IMMEDIATELY = 'IMMEDIATELY',
  AFTER = 'AFTER',
}
export enum StepType {
  SEND_EMAIL = 'SEND_EMAIL',
  SEND_TEXT = 'SEND_TEXT',
  SEND_PUSH = 'SEND_PUSH',
  IF_THEN = 'IF_THEN',
  ATTRIBUTE_BRANCH = 'ATTRIBUTE_BRANCH',
  WAIT = 'WAIT',
}
export enum SendTo {
  CONTACT_EMAIL = 'CONTACT_EMAIL',
  CONTACTPOINT_EMAIL = 'CONTACTPOINT_EMAIL',
  CONTACT_PHONE = 'CONTACT_PHONE',
  CONTACTPOINT_PHONE = 'CONTACTPOINT_PHONE',
}

const values = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { description: v }]));
registerEnumType(JourneyStatus, {
  name: 'JourneyStatus',
  description: 'Lifecycle of a journey.',
  valuesConfig: values({
    DRAFT: 'Editable; not running.',
    LIVE: 'Published and immutable; customers enter on the start trigger.',
    STOPPED: 'Was live; no longer admits or moves customers.',
  }),
});
registerEnumType(RepeatPolicy, {
  name: 'RepeatPolicy',
  description: 'Whether a customer may go through the journey again.',
  valuesConfig: values({ NOT_ALLOWED: 'Once per customer.', IMMEDIATELY: 'Every time the trigger happens.', AFTER: 'Again after `repeatAfterSeconds` since their last entry.' }),
});
registerEnumType(StepType, {
  name: 'StepType',
  description: 'What a journey step does.',
  valuesConfig: values({
    SEND_EMAIL: 'Send an email (content of channel EMAIL).',
    SEND_TEXT: 'Send a text message.',
    SEND_PUSH: 'Send a push notification.',
    IF_THEN:
      'Wait up to a time limit for one of two kinds of event: an interaction with an earlier message (`branchStepId` + `interactionTriggerKey`) or a custom or business trigger (`waitTriggerId`); continue on `yes` when it happens in time, on `no` when the limit passes.',
    ATTRIBUTE_BRANCH: 'Compare a start-trigger attribute; continue on `yes` or `no`.',
    WAIT: 'Wait a duration, or until a date and time.',
  }),
});
registerEnumType(SendTo, {
  name: 'SendTo',
  description: 'Which address a message goes to.',
  valuesConfig: values({
    CONTACT_EMAIL: 'The contact’s email.',
    CONTACTPOINT_EMAIL: 'The contactpoint_email of the start event (profile triggers).',
    CONTACT_PHONE: 'The contact’s phone.',
    CONTACTPOINT_PHONE: 'The contactpoint_phone of the start event (profile triggers).',
  }),
});

/** One step; steps form a graph by id (`next` for linear steps, `yes`/`no` for branches). */
export type JourneyStep = {
  id: string;
  type: StepType;
  label: string | null;
  next: string | null;
  yes: string | null;
  no: string | null;
  contentId: string | null;
  sendTo: SendTo | null;
  branchStepId: string | null;
  interactionTriggerKey: string | null;
  /** IF_THEN waiting for a trigger (custom or business) instead of an interaction; null otherwise. */
  waitTriggerId: string | null;
  withinSeconds: number | null;
  attribute: string | null;
  comparator: Comparator | null;
  values: string[] | null;
  waitSeconds: number | null;
  waitUntil: string | null;
};

/** The whole journey definition, stored as one document and typed in the schema. */
export type JourneyDefinition = {
  startTriggerId: string | null;
  startTriggerVersion: number | null;
  repeatPolicy: RepeatPolicy;
  repeatAfterSeconds: number | null;
  startAt: string | null;
  endAt: string | null;
  goalTriggerId: string | null;
  goalPercent: number | null;
  exitTriggerIds: string[];
  firstStepId: string | null;
  steps: JourneyStep[];
  /** Send even when the channel's frequency cap for a recipient is reached (transactional journeys). */
  ignoreFrequencyCap: boolean;
};

/** What validation needs to know about referenced triggers and content, loaded by the service. */
export type TriggerFacts = {
  id: string;
  key: string;
  title: string;
  kind: TriggerKind;
  status: TriggerStatus;
  hidden: boolean;
  latestVersion: number;
  versions: Map<number, { identity: CustomerIdentity; attributes: AttributeDefinition[]; createdAt: Date }>;
};
export type ContentFacts = { id: string; name: string; channel: ContentChannel; state: ContentState; triggerAttributes: string[] };
export type ValidationFacts = { now: Date; triggers: Map<string, TriggerFacts>; triggersByKey: Map<string, TriggerFacts>; contents: Map<string, ContentFacts> };

export type JourneyProblem = { code: string; message: string; stepId: string | null; field: string | null };

/**
 * A definition as read from storage, with every step key present: documents stored before a field existed
 * (e.g. `waitTriggerId`) read it as null.
 */
export function readDefinition(stored: JourneyDefinition): JourneyDefinition {
  return { ...stored, ignoreFrequencyCap: stored.ignoreFrequencyCap ?? false, steps: (stored.steps ?? []).map((s) => ({ ...s, waitTriggerId: s.waitTriggerId ?? null })) };
}
