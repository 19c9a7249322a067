import { ContentChannel, ContentState } from '../content/content.types.js';
import { comparatorsFor, isUsable } from '../triggers/trigger.rules.js';
import { AttributeType, Comparator, CustomerIdentity, TriggerKind, TriggerStatus, type AttributeDefinition } from '../triggers/trigger.types.js';
import { SendTo, StepType, type JourneyDefinition, type JourneyProblem, type JourneyStep, type TriggerFacts, type ValidationFacts, RepeatPolicy } from './journey.types.js';

export const MAX_STEPS = 100;
export const MAX_INTERACTION_WAIT_SECONDS = 90 * 24 * 3600;
export const MAX_WAIT_SECONDS = 365 * 24 * 3600;

const CHANNEL_OF: Partial<Record<StepType, ContentChannel>> = { SEND_EMAIL: ContentChannel.EMAIL, SEND_TEXT: ContentChannel.TEXT, SEND_PUSH: ContentChannel.PUSH };
const SEND_TO: Record<ContentChannel, SendTo[]> = {
  EMAIL: [SendTo.CONTACT_EMAIL, SendTo.CONTACTPOINT_EMAIL],
  TEXT: [SendTo.CONTACT_PHONE, SendTo.CONTACTPOINT_PHONE],
  PUSH: [],
};

/** `email_opened` → EMAIL: the channel an interaction trigger belongs to. */
export function interactionChannel(key: string): ContentChannel | null {
  if (key.startsWith('email_')) return ContentChannel.EMAIL;
  if (key.startsWith('text_')) return ContentChannel.TEXT;
  if (key.startsWith('push_')) return ContentChannel.PUSH;
  return null;
}

/**
 * Every problem that keeps a journey from being published, each with a stable code and the step it concerns.
 * Pure: the facts about referenced triggers and content are loaded by the caller.
 */
export function journeyProblems(def: JourneyDefinition, facts: ValidationFacts): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const add = (code: string, message: string, stepId: string | null = null, field: string | null = null) => problems.push({ code, message, stepId, field });
  const start = startChecks(def, facts, add);
  settingsChecks(def, facts, add);
  const graph = graphChecks(def, add);
  for (const step of def.steps) stepChecks(step, def, facts, start, graph.ancestors, add);
  return problems;
}

type Add = (code: string, message: string, stepId?: string | null, field?: string | null) => void;
type StartFacts = { trigger: TriggerFacts; identity: CustomerIdentity; attributes: AttributeDefinition[] } | null;

/** A trigger a journey may use for its goal or exits: exists, visible, ready, not an interaction. */
function usableTriggerProblem(trigger: TriggerFacts | undefined): string | null {
  if (!trigger) return 'NOT_FOUND';
  if (trigger.hidden) return 'HIDDEN';
  if (trigger.kind === TriggerKind.INTERACTION) return 'INTERACTION';
  if (trigger.status !== TriggerStatus.READY_TO_USE) return 'NOT_READY';
  return null;
}
const describe = (why: string, title: string) =>
  ({
    NOT_FOUND: 'does not exist',
    HIDDEN: `“${title}” is hidden`,
    INTERACTION: `“${title}” is an interaction trigger, usable only inside journeys`,
    NOT_READY: `“${title}” is not ready to use yet: no valid event has arrived (see its Integration tab)`,
  })[why] ?? why;

function startChecks(def: JourneyDefinition, facts: ValidationFacts, add: Add): StartFacts {
  if (!def.startTriggerId) {
    add('START_TRIGGER_REQUIRED', 'Choose the trigger that starts the journey.', null, 'startTriggerId');
    return null;
  }
  const trigger = facts.triggers.get(def.startTriggerId);
  const why = usableTriggerProblem(trigger);
  if (why) {
    add(`START_TRIGGER_${why}`, `The start trigger ${describe(why, trigger?.title ?? '')}.`, null, 'startTriggerId');
    if (!trigger) return null;
  }
  const number = def.startTriggerVersion ?? trigger!.latestVersion;
  const version = trigger!.versions.get(number);
  if (!version) {
    add('START_VERSION_NOT_FOUND', `Trigger “${trigger!.title}” has no version ${number}.`, null, 'startTriggerVersion');
    return null;
  }
  if (!isUsable({ number, createdAt: version.createdAt }, facts.now)) {
    add('START_VERSION_NOT_USABLE', `Version ${number} of “${trigger!.title}” is usable by journeys one hour after it was saved.`, null, 'startTriggerVersion');
  }
  return { trigger: trigger!, identity: version.identity, attributes: version.attributes };
}

function settingsChecks(def: JourneyDefinition, facts: ValidationFacts, add: Add) {
  if (def.repeatPolicy === RepeatPolicy.AFTER && !(def.repeatAfterSeconds && def.repeatAfterSeconds > 0))
    add('REPEAT_AFTER_REQUIRED', 'Say after how long a customer may repeat the journey.', null, 'repeatAfterSeconds');
  if (!def.startAt || Number.isNaN(Date.parse(def.startAt))) add('START_DATE_REQUIRED', 'Set the date and time from which customers may start.', null, 'startAt');
  if (def.endAt && (Number.isNaN(Date.parse(def.endAt)) || (def.startAt && Date.parse(def.endAt) <= Date.parse(def.startAt))))
    add('END_BEFORE_START', 'The end must come after the start.', null, 'endAt');
  if (def.endAt && Date.parse(def.endAt) <= facts.now.getTime()) add('END_IN_PAST', 'The end date has already passed.', null, 'endAt');
  if (def.goalTriggerId) {
    const goal = facts.triggers.get(def.goalTriggerId);
    const why = usableTriggerProblem(goal);
    if (why) add(`GOAL_TRIGGER_${why}`, `The goal trigger ${describe(why, goal?.title ?? '')}.`, null, 'goalTriggerId');
    if (def.goalPercent === null || !Number.isInteger(def.goalPercent) || def.goalPercent < 1 || def.goalPercent > 100)
      add('GOAL_PERCENT_OUT_OF_RANGE', 'The goal target is a whole percentage from 1 to 100.', null, 'goalPercent');
  } else if (def.goalPercent !== null) add('GOAL_TRIGGER_REQUIRED', 'Choose the trigger that counts as reaching the goal.', null, 'goalTriggerId');
  def.exitTriggerIds.forEach((id, i) => {
    const exit = facts.triggers.get(id);
    const why = usableTriggerProblem(exit);
    if (why) add(`EXIT_TRIGGER_${why}`, `Exit trigger ${i + 1} ${describe(why, exit?.title ?? '')}.`, null, `exitTriggerIds[${i}]`);
  });
  if (new Set(def.exitTriggerIds).size !== def.exitTriggerIds.length) add('DUPLICATE_EXIT_TRIGGER', 'An exit trigger is listed twice.', null, 'exitTriggerIds');
}

const targets = (s: JourneyStep) => (isBranch(s.type) ? [s.yes, s.no] : [s.next]).filter((x): x is string => x !== null);
const isBranch = (type: StepType) => type === StepType.IF_THEN || type === StepType.ATTRIBUTE_BRANCH;

/** Ids unique, references valid, at most 100 steps, no cycles, every step reachable; returns each step's ancestors. */
function graphChecks(def: JourneyDefinition, add: Add): { ancestors: Map<string, Set<string>> } {
  const ancestors = new Map<string, Set<string>>();
  if (def.steps.length === 0) {
    add('NO_STEPS', 'Add at least one step.', null, 'steps');
    return { ancestors };
  }
  if (def.steps.length > MAX_STEPS) add('TOO_MANY_STEPS', `A journey has at most ${MAX_STEPS} steps (this one has ${def.steps.length}).`, null, 'steps');
  const byId = new Map<string, JourneyStep>();
  for (const step of def.steps) {
    if (byId.has(step.id)) add('DUPLICATE_STEP_ID', `Two steps have the id “${step.id}”.`, step.id, 'id');
    byId.set(step.id, step);
  }
  for (const step of def.steps) {
    for (const target of targets(step)) if (!byId.has(target)) add('UNKNOWN_NEXT_STEP', `Step “${step.id}” leads to “${target}”, which does not exist.`, step.id);
    if (!isBranch(step.type) && (step.yes || step.no)) add('BRANCHES_ON_LINEAR_STEP', 'Only if/then and attribute branches have yes/no paths.', step.id);
  }
  if (!def.firstStepId || !byId.has(def.firstStepId)) {
    add('FIRST_STEP_REQUIRED', 'Say which step comes first.', null, 'firstStepId');
    return { ancestors };
  }
  // Depth-first from the first step: a step met again on the current path closes a cycle.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string[]) => {
    const step = byId.get(id);
    if (!step) return;
    const mark = state.get(id);
    const seen = ancestors.get(id) ?? new Set<string>();
    path.forEach((p) => seen.add(p));
    ancestors.set(id, seen);
    if (mark === 'open') {
      add('CYCLE', `The steps loop back to “${id}”.`, id);
      return;
    }
    state.set(id, 'open');
    for (const target of targets(step)) visit(target, [...path, id]);
    state.set(id, 'done');
  };
  visit(def.firstStepId, []);
  for (const step of def.steps) if (!state.has(step.id)) add('UNREACHABLE_STEP', `No path leads to step “${step.id}”.`, step.id);
  return { ancestors };
}

function stepChecks(step: JourneyStep, def: JourneyDefinition, facts: ValidationFacts, start: StartFacts, ancestors: Map<string, Set<string>>, add: Add) {
  const at = (code: string, message: string, field: string | null = null) => add(code, message, step.id, field);
  const channel = CHANNEL_OF[step.type];
  if (channel) {
    const content = step.contentId ? facts.contents.get(step.contentId) : undefined;
    if (!step.contentId) at('CONTENT_REQUIRED', 'Choose the message to send.', 'contentId');
    else if (!content) at('CONTENT_NOT_FOUND', 'The chosen message does not exist.', 'contentId');
    else {
      if (content.channel !== channel)
        at('CONTENT_CHANNEL_MISMATCH', `“${content.name}” is ${content.channel.toLowerCase()} content; this step sends ${channel.toLowerCase()}.`, 'contentId');
      if (content.state !== ContentState.READY_TO_SEND) at('CONTENT_NOT_READY', `“${content.name}” is a draft; mark it ready to send.`, 'contentId');
      if (start) {
        const names = new Set(start.attributes.map((a) => a.name));
        for (const used of content.triggerAttributes)
          if (!names.has(used))
            at(
              'TOKEN_UNRESOLVABLE',
              `“${content.name}” uses {{ trigger.${used} }}, which “${start.trigger.title}” v${def.startTriggerVersion ?? start.trigger.latestVersion} does not have.`,
              'contentId',
            );
      }
    }
    const allowed = SEND_TO[channel];
    if (allowed.length > 0) {
      if (!step.sendTo || !allowed.includes(step.sendTo)) at('SEND_TO_INVALID', `Choose where to send: ${allowed.join(' or ')}.`, 'sendTo');
      else if ((step.sendTo === SendTo.CONTACTPOINT_EMAIL || step.sendTo === SendTo.CONTACTPOINT_PHONE) && start && start.identity !== CustomerIdentity.PROFILE) {
        at('CONTACTPOINT_NEEDS_PROFILE', 'Contact points come only with customer-profile triggers.', 'sendTo');
      }
    }
  }
  switch (step.type) {
    case StepType.IF_THEN: {
      ifThenChecks(step, def, facts, ancestors, at);
      if (!step.withinSeconds || step.withinSeconds < 60 || step.withinSeconds > MAX_INTERACTION_WAIT_SECONDS)
        at('TIME_LIMIT_OUT_OF_RANGE', 'The time limit is between 1 minute and 90 days.', 'withinSeconds');
      if (!step.yes && !step.no) at('BRANCH_PATHS_REQUIRED', 'Add a step on the yes or the no path (or both).', 'yes');
      break;
    }
    case StepType.ATTRIBUTE_BRANCH:
      attributeBranchChecks(step, start, at);
      if (!step.yes && !step.no) at('BRANCH_PATHS_REQUIRED', 'Add a step on the yes or the no path (or both).', 'yes');
      break;
    case StepType.WAIT: {
      const hasDuration = step.waitSeconds !== null;
      const hasUntil = step.waitUntil !== null;
      if (hasDuration === hasUntil) at('WAIT_INVALID', 'Wait either a duration or until a date and time.', 'waitSeconds');
      else if (hasDuration && (step.waitSeconds! < 60 || step.waitSeconds! > MAX_WAIT_SECONDS)) at('WAIT_INVALID', 'Wait between 1 minute and 365 days.', 'waitSeconds');
      else if (hasUntil && (Number.isNaN(Date.parse(step.waitUntil!)) || Date.parse(step.waitUntil!) <= facts.now.getTime()))
        at('WAIT_INVALID', 'Wait until a date and time in the future.', 'waitUntil');
      break;
    }
    default:
      break;
  }
}

type At = (code: string, message: string, field?: string | null) => void;

/** What an if/then waits for: a trigger (`waitTriggerId`) or an interaction with an earlier message, exactly one of the two. */
export function ifThenKind(step: JourneyStep): 'TRIGGER' | 'INTERACTION' | 'BOTH' | 'NONE' {
  const trigger = (step.waitTriggerId ?? null) !== null;
  const interaction = step.branchStepId !== null || step.interactionTriggerKey !== null;
  if (trigger) return interaction ? 'BOTH' : 'TRIGGER';
  return interaction ? 'INTERACTION' : 'NONE';
}

function ifThenChecks(step: JourneyStep, def: JourneyDefinition, facts: ValidationFacts, ancestors: Map<string, Set<string>>, at: At) {
  const kind = ifThenKind(step);
  switch (kind) {
    case 'NONE':
      return at('IF_THEN_KIND_INVALID', 'Choose what to wait for: an interaction with an earlier message, or a trigger.', 'waitTriggerId');
    case 'BOTH':
      return at('IF_THEN_KIND_INVALID', 'Wait either for an interaction with an earlier message or for a trigger, not both.', 'waitTriggerId');
    case 'TRIGGER': {
      const trigger = facts.triggers.get(step.waitTriggerId!);
      const why = usableTriggerProblem(trigger);
      if (why) at(`WAIT_TRIGGER_${why}`, `The trigger to wait for ${describe(why, trigger?.title ?? '')}.`, 'waitTriggerId');
      return;
    }
    case 'INTERACTION': {
      const branch = step.branchStepId ? def.steps.find((s) => s.id === step.branchStepId) : undefined;
      if (!branch || !CHANNEL_OF[branch.type]) at('BRANCH_TARGET_INVALID', 'Branch off an earlier message step.', 'branchStepId');
      else if (ancestors.has(step.id) && !ancestors.get(step.id)!.has(branch.id))
        at('BRANCH_TARGET_NOT_EARLIER', `Step “${branch.id}” does not come before this branch.`, 'branchStepId');
      const interaction = step.interactionTriggerKey ? facts.triggersByKey.get(step.interactionTriggerKey) : undefined;
      if (!interaction || interaction.kind !== TriggerKind.INTERACTION) at('INTERACTION_INVALID', 'Wait for an interaction such as Email opened.', 'interactionTriggerKey');
      else if (branch && CHANNEL_OF[branch.type] && interactionChannel(interaction.key) !== CHANNEL_OF[branch.type])
        at('INTERACTION_CHANNEL_MISMATCH', `“${interaction.title}” cannot happen on a ${CHANNEL_OF[branch.type]!.toLowerCase()} step.`, 'interactionTriggerKey');
      return;
    }
  }
}

function attributeBranchChecks(step: JourneyStep, start: StartFacts, at: At) {
  if (!start) return;
  const attribute = start.attributes.find((a) => a.name === step.attribute);
  if (!attribute) return at('UNKNOWN_ATTRIBUTE', `The start trigger has no attribute “${step.attribute ?? ''}”.`, 'attribute');
  if (!step.comparator || !comparatorsFor(attribute.type).includes(step.comparator)) {
    return at('COMPARATOR_NOT_ALLOWED', `${attribute.type} attributes compare with ${comparatorsFor(attribute.type).join(', ')}.`, 'comparator');
  }
  const wanted = step.comparator === Comparator.BETWEEN ? 2 : 1;
  const values = step.values ?? [];
  if (values.length !== wanted || values.some((v) => !valueFits(attribute.type, v)))
    at('VALUE_INVALID', `Give ${wanted} ${attribute.type.toLowerCase()} value${wanted > 1 ? 's' : ''}.`, 'values');
}

function valueFits(type: AttributeType, value: string): boolean {
  switch (type) {
    case AttributeType.NUMBER:
      return /^-?\d+$/.test(value);
    case AttributeType.DECIMAL:
      return value.trim() !== '' && Number.isFinite(Number(value));
    case AttributeType.BOOLEAN:
      return value === 'true' || value === 'false';
    case AttributeType.DATE:
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    case AttributeType.DATETIME:
      return !Number.isNaN(Date.parse(value)) && /T/.test(value);
    case AttributeType.TEXT:
    case AttributeType.ENTITY_REFERENCE:
      return value.length > 0 && value.length <= 1_000;
  }
}

/** Every trigger id a definition refers to (start, goal, exits, if/then waits): hiding any of them is refused while live. */
export function referencedTriggerIds(def: JourneyDefinition): string[] {
  const waits = def.steps.map((s) => s.waitTriggerId ?? null);
  return [...new Set([def.startTriggerId, def.goalTriggerId, ...def.exitTriggerIds, ...waits].filter((x): x is string => x !== null))];
}

export function referencedContentIds(def: JourneyDefinition): string[] {
  return [...new Set(def.steps.map((s) => s.contentId).filter((x): x is string => x !== null))];
}
