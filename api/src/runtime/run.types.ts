import { registerEnumType } from 'type-graphql';

export enum RunStatus {
  ACTIVE = 'ACTIVE',
  WAITING = 'WAITING',
  COMPLETED = 'COMPLETED',
  EXITED = 'EXITED',
  STOPPED = 'STOPPED',
  FAILED = 'FAILED',
}
/** Statuses of a run still in the journey: at most one per journey, customer and binding. */
export const OPEN_STATUSES = [RunStatus.ACTIVE, RunStatus.WAITING] as const;

/** What a waiting run waits for. */
export enum WaitKind {
  /** A WAIT step's duration or date. */
  TIMER = 'TIMER',
  /** An interaction (delivered, opened, clicked…) with the run's message of an earlier step, or the time limit. */
  INTERACTION = 'INTERACTION',
  /** A custom or business trigger of the run's customer whose binding matches, or the time limit. */
  TRIGGER = 'TRIGGER',
}

export enum RunLogKind {
  ENTERED = 'ENTERED',
  STEP_STARTED = 'STEP_STARTED',
  MESSAGE_QUEUED = 'MESSAGE_QUEUED',
  WAITING = 'WAITING',
  BRANCHED = 'BRANCHED',
  STEP_DONE = 'STEP_DONE',
  GOAL_REACHED = 'GOAL_REACHED',
  COMPLETED = 'COMPLETED',
  EXITED = 'EXITED',
  STOPPED = 'STOPPED',
  FAILED = 'FAILED',
}

/** Why an event of a start trigger did not enrol its customer (recorded for analytics). */
export enum EntryRefusal {
  NO_CUSTOMER = 'NO_CUSTOMER',
  NOT_STARTED = 'NOT_STARTED',
  ENDED = 'ENDED',
  VERSION_MISMATCH = 'VERSION_MISMATCH',
  NO_CONTACT_POINT = 'NO_CONTACT_POINT',
  ALREADY_ACTIVE = 'ALREADY_ACTIVE',
  REPEAT_NOT_ALLOWED = 'REPEAT_NOT_ALLOWED',
  REPEAT_TOO_SOON = 'REPEAT_TOO_SOON',
}

/** Why a run ended other than by completing. */
export enum ExitReason {
  EXIT_TRIGGER = 'EXIT_TRIGGER',
  JOURNEY_STOPPED = 'JOURNEY_STOPPED',
  FAILED = 'FAILED',
  CUSTOMER_ERASED = 'CUSTOMER_ERASED',
}

export enum MessageStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  BOUNCED = 'BOUNCED',
  BLOCKED = 'BLOCKED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

const values = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { description: v }]));
registerEnumType(RunStatus, {
  name: 'RunStatus',
  description: 'Where a customer’s run through a journey stands.',
  valuesConfig: values({
    ACTIVE: 'Moving: its next step is due now.',
    WAITING: 'Waiting for a time, an interaction or a trigger.',
    COMPLETED: 'Went through to the end of a path.',
    EXITED: 'Left early: an exit trigger happened.',
    STOPPED: 'Ended because the journey was stopped.',
    FAILED: 'Ended by an unexpected error (see `error`); the journey’s other runs go on.',
  }),
});
registerEnumType(WaitKind, {
  name: 'WaitKind',
  description: 'What a waiting run waits for.',
  valuesConfig: values({
    TIMER: 'A duration or a date and time.',
    INTERACTION: 'An interaction with the message of an earlier step, or the time limit.',
    TRIGGER: 'A trigger with a matching binding, or the time limit.',
  }),
});
registerEnumType(RunLogKind, {
  name: 'RunLogKind',
  description: 'One transition in a run’s step log.',
  valuesConfig: values({
    ENTERED: 'The customer entered the journey.',
    STEP_STARTED: 'The run reached a step.',
    MESSAGE_QUEUED: 'A message was rendered and queued for sending.',
    WAITING: 'The run started waiting.',
    BRANCHED: 'A branch chose its yes or no path.',
    STEP_DONE: 'The run passed a step.',
    GOAL_REACHED: 'The goal trigger happened.',
    COMPLETED: 'The run reached the end of its path.',
    EXITED: 'An exit trigger ended the run.',
    STOPPED: 'The journey was stopped.',
    FAILED: 'An unexpected error ended the run.',
  }),
});
registerEnumType(EntryRefusal, {
  name: 'EntryRefusal',
  description: 'Why an event of the start trigger did not enrol its customer.',
  valuesConfig: values({
    NO_CUSTOMER: 'The event names no customer (no authId, or a test event).',
    NOT_STARTED: 'The journey’s start date and time had not come yet.',
    ENDED: 'The journey’s end date and time had passed (it admits no one new).',
    VERSION_MISMATCH: 'The event is of another trigger version and does not fit the journey’s pinned version.',
    NO_CONTACT_POINT: 'The customer has no address for any message the journey sends.',
    ALREADY_ACTIVE: 'The customer is already in the journey with the same binding.',
    REPEAT_NOT_ALLOWED: 'The journey lets each customer through once, and they have been.',
    REPEAT_TOO_SOON: 'The journey lets customers repeat only after a while, which has not passed.',
  }),
});
registerEnumType(ExitReason, {
  name: 'ExitReason',
  description: 'Why a run ended early.',
  valuesConfig: values({
    EXIT_TRIGGER: 'An exit trigger happened.',
    JOURNEY_STOPPED: 'The journey was stopped.',
    FAILED: 'An unexpected error.',
    CUSTOMER_ERASED: 'The customer was erased (right to be forgotten).',
  }),
});
registerEnumType(MessageStatus, {
  name: 'MessageStatus',
  description: 'Where a journey’s message stands.',
  valuesConfig: values({
    QUEUED: 'Rendered and waiting to be sent (or held: see `reason`, e.g. QUIET_HOURS, RETRY).',
    SENT: 'Taken by the provider, which reports delivery later (webhook providers).',
    DELIVERED: 'Delivered by the channel.',
    BOUNCED: 'Refused for good by the recipient’s side (an SMTP 5xx, a bounce report); see `reason`.',
    BLOCKED: 'Not sent by policy (consent, no address…); see `reason`. The customer went on.',
    FAILED: 'The channel could not deliver it; see `reason`.',
    CANCELLED: 'Not sent: the run ended before it went out.',
  }),
});
