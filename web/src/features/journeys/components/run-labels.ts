import type { BadgeProps } from '@fluentui/react-components';
import type { ContentChannel, EntryRefusal, ExitReason, MessageStatus, RunLogKind, RunStatus, StepType, WaitKind } from '../../../gql/graphql';
import { interactionLabel, STEP_LABELS } from './labels';

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  ACTIVE: 'Active',
  WAITING: 'Waiting',
  COMPLETED: 'Completed',
  EXITED: 'Exited',
  STOPPED: 'Stopped',
  FAILED: 'Failed',
};

export const RUN_STATUS_COLORS: Record<RunStatus, NonNullable<BadgeProps['color']>> = {
  ACTIVE: 'brand',
  WAITING: 'informative',
  COMPLETED: 'success',
  EXITED: 'subtle',
  STOPPED: 'warning',
  FAILED: 'danger',
};

export const REFUSAL_LABELS: Record<EntryRefusal, string> = {
  ALREADY_ACTIVE: 'Already in the journey (same binding)',
  ENDED: 'Journey had ended',
  NOT_STARTED: 'Journey had not started yet',
  NO_CONTACT_POINT: 'No address for any message',
  NO_CUSTOMER: 'Event names no customer',
  REPEAT_NOT_ALLOWED: 'Already went through (no repeats)',
  REPEAT_TOO_SOON: 'Repeated too soon',
  VERSION_MISMATCH: 'Other trigger version',
};

const END_REASON_LABELS: Record<string, string> = {
  EXIT_TRIGGER: 'An exit trigger happened',
  JOURNEY_STOPPED: 'The journey was stopped',
  FAILED: 'An error',
  CUSTOMER_ERASED: 'The customer was erased',
};

const MESSAGE_REASON_LABELS: Record<string, string> = {
  NO_CONTACT_POINT: 'no address to send to',
  CONSENT_MISSING: 'no consent for this channel',
  CONSENT_OPTED_OUT: 'the customer opted out',
  CUSTOMER_ERASED: 'the customer was erased',
  JOURNEY_STOPPED: 'the journey was stopped',
  RUN_EXITED: 'the run had exited',
  RUN_STOPPED: 'the run had stopped',
  RUN_FAILED: 'the run had failed',
  QUIET_HOURS: 'held for quiet hours',
  FREQUENCY_CAP: 'frequency cap reached',
};

/** Why a message was blocked, failed or cancelled, readable (an unknown code shows as itself). */
export const messageReasonLabel = (reason: string) => MESSAGE_REASON_LABELS[reason] ?? reason;

/** Why a run ended early, readable (a reason this SPA does not know yet shows as its code). */
export const endReasonLabel = (reason: ExitReason) => END_REASON_LABELS[reason] ?? reason;

export const WAIT_KIND_LABELS: Record<WaitKind, string> = {
  TIMER: 'A time',
  INTERACTION: 'An interaction',
  TRIGGER: 'A trigger',
};

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  QUEUED: 'Queued',
  SENT: 'Sent',
  DELIVERED: 'Delivered',
  BOUNCED: 'Bounced',
  BLOCKED: 'Blocked',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

export const MESSAGE_STATUS_COLORS: Record<MessageStatus, NonNullable<BadgeProps['color']>> = {
  QUEUED: 'informative',
  SENT: 'brand',
  DELIVERED: 'success',
  BOUNCED: 'danger',
  BLOCKED: 'warning',
  FAILED: 'danger',
  CANCELLED: 'subtle',
};

export const CHANNEL_LABELS: Record<ContentChannel, string> = { EMAIL: 'Email', TEXT: 'Text message', PUSH: 'Push notification' };

const QUEUED_LABELS: Record<ContentChannel, string> = { EMAIL: 'Queued an email', TEXT: 'Queued a text message', PUSH: 'Queued a push notification' };

/** What a run's step log needs to know of the journey to speak in its terms. */
export type LogContext = {
  steps: ReadonlyMap<string, { id: string; type: StepType; label?: string | null; interactionTriggerKey?: string | null; waitTriggerId?: string | null }>;
  /** Trigger titles by id (the wait's trigger, the exit triggers). */
  triggerNames: ReadonlyMap<string, string>;
  exitTriggerIds: readonly string[];
};

/** A step as the marketer names it: its label, else its type. */
export function stepName(ctx: Pick<LogContext, 'steps'>, stepId: string | null | undefined): string {
  if (!stepId) return '—';
  const step = ctx.steps.get(stepId);
  // Never the internal id: a run may have been at a step the journey no longer has (a stopped journey's duplicate, say).
  if (!step) return 'a removed step';
  return step.label || STEP_LABELS[step.type];
}

/** Short date and time, e.g. "29 Nov, 10:00" (the reader's locale). */
export function formatShort(value: string): string {
  return new Date(value).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** One step-log entry as a sentence: "Entered", "Reached Initial email", "Took the yes path", "Failed: …". */
export function logSentence(entry: { kind: RunLogKind; stepId?: string | null; detail: Record<string, unknown> }, ctx: LogContext): string {
  const step = entry.stepId ? ctx.steps.get(entry.stepId) : undefined;
  switch (entry.kind) {
    case 'ENTERED':
      return 'Entered';
    case 'STEP_STARTED':
      return `Reached ${stepName(ctx, entry.stepId)}`;
    case 'MESSAGE_QUEUED': {
      const channel = str(entry.detail.channel) as ContentChannel | null;
      return channel && QUEUED_LABELS[channel] ? QUEUED_LABELS[channel] : 'Queued a message';
    }
    case 'WAITING': {
      const until = str(entry.detail.until);
      const when = until ? `Waiting until ${formatShort(until)}` : 'Waiting';
      const kind = str(entry.detail.kind) as WaitKind | null;
      if (kind === 'INTERACTION' && step?.interactionTriggerKey) return `${when} for ${interactionLabel(step.interactionTriggerKey)}`;
      if (kind === 'TRIGGER' && step?.waitTriggerId) return `${when} for ${ctx.triggerNames.get(step.waitTriggerId) ?? 'a trigger'}`;
      return when;
    }
    case 'BRANCHED':
      return `Took the ${str(entry.detail.path) === 'yes' ? 'yes' : 'no'} path`;
    case 'STEP_DONE':
      return `Passed on from ${stepName(ctx, entry.stepId)}`;
    case 'GOAL_REACHED':
      return 'Reached the goal';
    case 'COMPLETED':
      return 'Completed the journey';
    case 'EXITED': {
      if (str(entry.detail.reason) === 'CUSTOMER_ERASED') return 'Exited: the customer was erased';
      // The log names the exit trigger that happened; entries written before it did fall back to the journey's exit triggers.
      const named = str(entry.detail.triggerId);
      if (named && ctx.triggerNames.get(named)) return `Exited: ${ctx.triggerNames.get(named)}`;
      const names = ctx.exitTriggerIds.map((id) => ctx.triggerNames.get(id)).filter((n): n is string => !!n);
      if (names.length === 1) return `Exited: ${names[0]}`;
      if (names.length > 1) return `Exited: one of ${names.join(', ')}`;
      return 'Exited: an exit trigger happened';
    }
    case 'STOPPED':
      return 'Stopped: the journey was stopped';
    case 'FAILED':
      return `Failed: ${str(entry.detail.error) ?? 'unknown error'}`;
  }
}
