import { ContentChannel } from '../content/content.types.js';
import { SendTo, StepType, type JourneyDefinition, type JourneyStep } from '../journeys/journey.types.js';
import type { AttributeType } from '../triggers/trigger.types.js';
import { attributeMatches } from './branch.rules.js';
import { ExitReason, RunLogKind, RunStatus, WaitKind } from './run.types.js';

/** A run as the transition function sees it: where it is and what it waits for. */
export type RunState = {
  status: RunStatus;
  stepId: string | null;
  /** When the run reached its current step (a wait's duration and a time limit count from here). */
  stepStartedAt: Date;
  /** The current wait's deadline: a WAIT's end or an IF_THEN's time limit. */
  timerAt: Date | null;
  waitKind: WaitKind | null;
  /** The trigger waited for: a custom or business trigger, or the interaction trigger (email_opened…). */
  waitTriggerId: string | null;
  /** For interaction waits: the earlier message step whose message the interaction must concern. */
  waitStepId: string | null;
  /** Set by the ingestion hook when what the run waits for happened. */
  waitMatched: boolean;
  endReason: ExitReason | null;
  error: string | null;
};

/** What a transition may consult besides the run: the start event, and what happened to the run's messages. */
export type RunFacts = {
  now: Date;
  /** The start event's attributes. */
  attributes: Record<string, unknown>;
  /** Attribute types of the journey's pinned start version. */
  attributeTypes: ReadonlyMap<string, AttributeType>;
  /** Interactions with this run's messages so far, as `${stepId}:${triggerKey}` (`s1:email_opened`). */
  interactions: ReadonlySet<string>;
  /** The workspace's interaction triggers, by key (an interaction wait records the trigger's id). */
  triggerIdByKey: ReadonlyMap<string, string>;
};

export type LogEntry = { stepId: string | null; kind: RunLogKind; detail: Record<string, unknown>; at: Date };
export type SendIntent = { stepId: string; channel: ContentChannel; contentId: string; sendTo: SendTo | null };
export type Transition = { state: RunState; log: LogEntry[]; sends: SendIntent[] };

export const CHANNEL_OF_STEP: Partial<Record<StepType, ContentChannel>> = {
  SEND_EMAIL: ContentChannel.EMAIL,
  SEND_TEXT: ContentChannel.TEXT,
  SEND_PUSH: ContentChannel.PUSH,
};

const NOT_WAITING = { timerAt: null, waitKind: null, waitTriggerId: null, waitStepId: null, waitMatched: false } as const;

/**
 * Moves a due run as far as it can go now: executes steps until it must wait or its path ends. Pure: it
 * returns the new state, the log entries of every transition and the messages to queue; the executor commits
 * them in one transaction, fenced by the run's version. A run woken early (its lease expired, a stale wake)
 * simply stays where it is.
 */
export function advance(def: JourneyDefinition, run: RunState, facts: RunFacts): Transition {
  const steps = new Map(def.steps.map((s) => [s.id, s]));
  const log: LogEntry[] = [];
  const sends: SendIntent[] = [];
  const at = facts.now;
  let state: RunState = { ...run };
  const note = (stepId: string | null, kind: RunLogKind, detail: Record<string, unknown> = {}) => log.push({ stepId, kind, detail, at });
  const moveTo = (from: JourneyStep, next: string | null, detail: Record<string, unknown> = {}) => {
    note(from.id, RunLogKind.STEP_DONE, detail);
    state = { ...state, ...NOT_WAITING, status: RunStatus.ACTIVE, stepId: next, stepStartedAt: at };
    if (next !== null) note(next, RunLogKind.STEP_STARTED);
  };
  const wait = (step: JourneyStep, kind: WaitKind, timerAt: Date, extra: Partial<RunState> = {}) => {
    state = { ...state, status: RunStatus.WAITING, waitKind: kind, timerAt, waitMatched: false, waitTriggerId: null, waitStepId: null, ...extra };
    note(step.id, RunLogKind.WAITING, { kind, until: timerAt.toISOString() });
  };

  // Steps never repeat within a run (publishing refuses cycles), so a path is at most as long as the steps.
  for (let guard = 0; guard <= def.steps.length; guard += 1) {
    if (state.status !== RunStatus.ACTIVE && state.status !== RunStatus.WAITING) break;
    if (state.stepId === null) {
      state = { ...state, ...NOT_WAITING, status: RunStatus.COMPLETED };
      note(null, RunLogKind.COMPLETED);
      break;
    }
    const step = steps.get(state.stepId);
    if (!step) return fail(state, log, sends, at, `Step “${state.stepId}” is not in the journey.`);
    const waitingHere = state.status === RunStatus.WAITING;
    const channel = CHANNEL_OF_STEP[step.type];
    if (channel) {
      sends.push({ stepId: step.id, channel, contentId: step.contentId!, sendTo: step.sendTo });
      note(step.id, RunLogKind.MESSAGE_QUEUED, { channel });
      moveTo(step, step.next);
      continue;
    }
    switch (step.type) {
      case StepType.ATTRIBUTE_BRANCH: {
        const type = step.attribute ? facts.attributeTypes.get(step.attribute) : undefined;
        const yes = type !== undefined && step.comparator !== null && attributeMatches(type, step.comparator, facts.attributes[step.attribute!], step.values ?? []);
        note(step.id, RunLogKind.BRANCHED, { path: yes ? 'yes' : 'no' });
        moveTo(step, yes ? step.yes : step.no, { path: yes ? 'yes' : 'no' });
        continue;
      }
      case StepType.WAIT: {
        if (waitingHere) {
          if (state.timerAt && state.timerAt.getTime() > at.getTime()) return { state, log, sends };
          moveTo(step, step.next);
          continue;
        }
        const until = step.waitSeconds !== null ? new Date(state.stepStartedAt.getTime() + step.waitSeconds * 1000) : new Date(step.waitUntil ?? 0);
        // A date already past goes on at once.
        if (until.getTime() <= at.getTime()) {
          moveTo(step, step.next);
          continue;
        }
        wait(step, WaitKind.TIMER, until);
        return { state, log, sends };
      }
      case StepType.IF_THEN: {
        if (waitingHere) {
          const yes = state.waitMatched;
          if (!yes && state.timerAt && state.timerAt.getTime() > at.getTime()) return { state, log, sends };
          note(step.id, RunLogKind.BRANCHED, { path: yes ? 'yes' : 'no' });
          moveTo(step, yes ? step.yes : step.no, { path: yes ? 'yes' : 'no' });
          continue;
        }
        const limit = new Date(state.stepStartedAt.getTime() + (step.withinSeconds ?? 0) * 1000);
        const waitTriggerId = step.waitTriggerId ?? null;
        if (waitTriggerId) {
          wait(step, WaitKind.TRIGGER, limit, { waitTriggerId });
          return { state, log, sends };
        }
        const key = step.interactionTriggerKey ?? '';
        // An interaction that already happened (while an earlier wait ran) takes the yes path at once.
        if (step.branchStepId && facts.interactions.has(`${step.branchStepId}:${key}`)) {
          note(step.id, RunLogKind.BRANCHED, { path: 'yes' });
          moveTo(step, step.yes, { path: 'yes' });
          continue;
        }
        wait(step, WaitKind.INTERACTION, limit, { waitTriggerId: facts.triggerIdByKey.get(key) ?? null, waitStepId: step.branchStepId });
        return { state, log, sends };
      }
      default:
        return fail(state, log, sends, at, `Step “${step.id}” has an unknown type.`);
    }
  }
  return { state, log, sends };
}

function fail(state: RunState, log: LogEntry[], sends: SendIntent[], at: Date, error: string): Transition {
  log.push({ stepId: state.stepId, kind: RunLogKind.FAILED, detail: { error }, at });
  return { state: { ...state, ...NOT_WAITING, status: RunStatus.FAILED, endReason: ExitReason.FAILED, error }, log, sends };
}

/** Whether a journey sends anything a customer with these addresses could receive (none sent → they are reachable). */
export function reachable(
  def: JourneyDefinition,
  addresses: { email: string | null; phone: string | null; contactpointEmail: string | null; contactpointPhone: string | null; devices: number },
) {
  const sends = def.steps.filter((s) => CHANNEL_OF_STEP[s.type]);
  if (sends.length === 0) return true;
  return sends.some((s) => recipientOf(s.sendTo, CHANNEL_OF_STEP[s.type]!, addresses) !== null);
}

/** The address a message goes to: the customer's email or phone, the start event's contact point, or (push) their app. */
export function recipientOf(
  sendTo: SendTo | null,
  channel: ContentChannel,
  a: { email: string | null; phone: string | null; contactpointEmail: string | null; contactpointPhone: string | null; devices: number },
): string | null {
  if (channel === ContentChannel.PUSH) return a.devices > 0 ? `${a.devices} device${a.devices === 1 ? '' : 's'}` : null;
  switch (sendTo) {
    case SendTo.CONTACT_EMAIL:
      return a.email;
    case SendTo.CONTACTPOINT_EMAIL:
      return a.contactpointEmail;
    case SendTo.CONTACT_PHONE:
      return a.phone;
    case SendTo.CONTACTPOINT_PHONE:
      return a.contactpointPhone;
    default:
      return null;
  }
}
