import { interactionChannel } from '../journeys/journey.rules.js';
import type { JourneyDefinition, JourneyProblem } from '../journeys/journey.types.js';
import type { AttributeType } from '../triggers/trigger.types.js';
import { bindingActs, parseBinding, type Binding } from './binding.rules.js';
import { advance, CHANNEL_OF_STEP, type RunState, type SendIntent } from './run.rules.js';
import { GOAL_WINDOW_MS } from './runtime.hook.js';
import { ExitReason, RunStatus, WaitKind } from './run.types.js';

/** A simulation stops after this many moves of the virtual clock… */
export const MAX_SIMULATION_ITERATIONS = 1_000;
/** …or this far into virtual time, and says so in its problems. */
export const MAX_SIMULATION_DAYS = 400;
const DAY_MS = 86_400_000;
export const MAX_SCRIPT_ENTRIES = 50;
const MAX_BINDING_LENGTH = 200;

export enum ScriptKind {
  INTERACTION = 'INTERACTION',
  TRIGGER = 'TRIGGER',
}

/** What happens in a test run besides the journey's own moves: an interaction with a message, or a trigger. */
export type ScriptEntry = {
  afterSeconds: number;
  kind: ScriptKind;
  /** INTERACTION: the message step whose message it concerns. */
  stepId: string | null;
  /** INTERACTION: the interaction trigger key (`email_opened`). */
  interaction: string | null;
  /** TRIGGER: the custom or business trigger that happens. */
  triggerId: string | null;
  /** TRIGGER: the event's bindingId ("cart/8812"); none acts on every run. */
  bindingId: string | null;
};

/** Run-log kinds, plus the scripted happenings, as a test run's path shows them. */
export enum SimulationPathKind {
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
  INTERACTION = 'INTERACTION',
  TRIGGER = 'TRIGGER',
}

export type SimulationInput = {
  def: JourneyDefinition;
  /** Virtual time zero: the run enters the journey at this moment. */
  start: Date;
  attributes: Record<string, unknown>;
  attributeTypes: ReadonlyMap<string, AttributeType>;
  triggerIdByKey: ReadonlyMap<string, string>;
  /** The start event's bindingId. */
  bindingId: string | null;
  script: ScriptEntry[];
};

export type PathEntry = { stepId: string | null; kind: SimulationPathKind; at: Date; detail: Record<string, unknown> };
export type SimulatedSend = SendIntent & { at: Date };
export type SimulationResult = {
  path: PathEntry[];
  sends: SimulatedSend[];
  endStatus: RunStatus;
  endStepId: string | null;
  endedAt: Date | null;
  goalReachedAt: Date | null;
  problems: JourneyProblem[];
};

const limitProblem = (code: string, message: string): JourneyProblem => ({ code, message, stepId: null, field: null });
const isOpen = (s: RunState) => s.status === RunStatus.ACTIVE || s.status === RunStatus.WAITING;

/**
 * Runs a journey for one customer on a virtual clock, as the runtime would: `advance` moves the run, its
 * messages are "delivered" the moment they are sent (as the capture channel does), and the script's interactions
 * and triggers happen at their virtual times with the same rules as the ingestion hook (binding, exit, goal,
 * waits that match only before their time limit). Pure: nothing is sent or stored; the caller renders the sends.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const { def, start } = input;
  const steps = new Map(def.steps.map((s) => [s.id, s]));
  const runBinding: Binding = parseBinding(input.bindingId) ?? { type: '', id: '' };
  const script = input.script
    .map((e, order) => ({ e, order, at: new Date(start.getTime() + e.afterSeconds * 1000) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  const deadline = start.getTime() + MAX_SIMULATION_DAYS * DAY_MS;
  const path: PathEntry[] = [{ stepId: null, kind: SimulationPathKind.ENTERED, at: start, detail: {} }];
  const sends: SimulatedSend[] = [];
  const problems: JourneyProblem[] = [];
  const interactions = new Set<string>();
  const sentSteps = new Set<string>();
  let goalReachedAt: Date | null = null;
  let endedAt: Date | null = null;
  let now = start;
  let next = 0;
  let state: RunState = {
    status: RunStatus.ACTIVE,
    stepId: def.firstStepId,
    stepStartedAt: start,
    timerAt: null,
    waitKind: null,
    waitTriggerId: null,
    waitStepId: null,
    waitMatched: false,
    endReason: null,
    error: null,
  };
  if (def.firstStepId) path.push({ stepId: def.firstStepId, kind: SimulationPathKind.STEP_STARTED, at: start, detail: {} });

  /** An interaction with a message already sent wakes a run waiting for it (the hook's rule: before the time limit). */
  const matchInteraction = () => {
    if (state.status !== RunStatus.WAITING || state.waitKind !== WaitKind.INTERACTION || state.waitMatched || !state.waitStepId) return;
    const key = steps.get(state.stepId ?? '')?.interactionTriggerKey;
    if (key && interactions.has(`${state.waitStepId}:${key}`) && state.timerAt && state.timerAt.getTime() > now.getTime()) state = { ...state, waitMatched: true };
  };

  const goal = (triggerId: string, at: Date) => {
    if (goalReachedAt || def.goalTriggerId !== triggerId) return;
    goalReachedAt = at;
    path.push({ stepId: state.stepId, kind: SimulationPathKind.GOAL_REACHED, at, detail: { triggerId } });
  };

  const happen = (e: ScriptEntry) => {
    if (e.kind === ScriptKind.INTERACTION) {
      const detail = { stepId: e.stepId, interaction: e.interaction };
      if (!e.stepId || !sentSteps.has(e.stepId)) {
        path.push({ stepId: e.stepId, kind: SimulationPathKind.INTERACTION, at: now, detail: { ...detail, ignored: 'NO_MESSAGE' } });
        return;
      }
      interactions.add(`${e.stepId}:${e.interaction}`);
      path.push({ stepId: e.stepId, kind: SimulationPathKind.INTERACTION, at: now, detail });
      matchInteraction();
      return;
    }
    const acts = bindingActs(parseBinding(e.bindingId), runBinding);
    path.push({
      stepId: state.stepId,
      kind: SimulationPathKind.TRIGGER,
      at: now,
      detail: { triggerId: e.triggerId, bindingId: e.bindingId, ...(acts ? {} : { ignored: 'BINDING_DIFFERS' }) },
    });
    if (!acts || !e.triggerId) return;
    // The hook's order: goal, exit, then the wait for the trigger.
    goal(e.triggerId, now);
    if (def.exitTriggerIds.includes(e.triggerId)) {
      state = { ...state, status: RunStatus.EXITED, endReason: ExitReason.EXIT_TRIGGER, timerAt: null, waitKind: null, waitTriggerId: null, waitStepId: null, waitMatched: false };
      path.push({ stepId: state.stepId, kind: SimulationPathKind.EXITED, at: now, detail: { reason: ExitReason.EXIT_TRIGGER, triggerId: e.triggerId } });
      return;
    }
    if (
      state.status === RunStatus.WAITING &&
      state.waitKind === WaitKind.TRIGGER &&
      state.waitTriggerId === e.triggerId &&
      !state.waitMatched &&
      state.timerAt &&
      state.timerAt.getTime() > now.getTime()
    )
      state = { ...state, waitMatched: true };
  };

  let iterations = 0;
  while (isOpen(state)) {
    if (iterations >= MAX_SIMULATION_ITERATIONS) {
      problems.push(
        limitProblem(
          'SIMULATION_TOO_MANY_MOVES',
          `The test run stopped after ${MAX_SIMULATION_ITERATIONS.toLocaleString('en')} moves; the run was still ${state.status.toLowerCase()}.`,
        ),
      );
      break;
    }
    iterations += 1;
    const t = advance(def, state, { now, attributes: input.attributes, attributeTypes: input.attributeTypes, interactions, triggerIdByKey: input.triggerIdByKey });
    state = t.state;
    for (const l of t.log) path.push({ stepId: l.stepId, kind: SimulationPathKind[l.kind], at: l.at, detail: l.detail });
    for (const s of t.sends) {
      sends.push({ ...s, at: now });
      sentSteps.add(s.stepId);
      // The capture channel delivers at once, and raises the delivered interaction.
      interactions.add(`${s.stepId}:${s.channel.toLowerCase()}_delivered`);
    }
    if (!isOpen(state)) break;
    matchInteraction();
    if (state.waitMatched || state.status === RunStatus.ACTIVE) continue;
    // Waiting: the earlier of the timer and the next scripted happening (one at the timer itself comes too late).
    const timer = state.timerAt?.getTime() ?? Infinity;
    const entry = script[next];
    if (entry && entry.at.getTime() < timer) {
      if (entry.at.getTime() > deadline) break;
      now = new Date(Math.max(now.getTime(), entry.at.getTime()));
      next += 1;
      happen(entry.e);
      continue;
    }
    if (timer === Infinity || timer > deadline) break;
    now = new Date(Math.max(now.getTime(), timer));
  }
  if (isOpen(state) && problems.length === 0)
    problems.push(limitProblem('SIMULATION_TOO_LONG', `The test run stopped at ${MAX_SIMULATION_DAYS} days of virtual time; the run was still ${state.status.toLowerCase()}.`));
  if (!isOpen(state)) {
    endedAt = now;
    if (state.status === RunStatus.COMPLETED && def.goalTriggerId) {
      // A goal still counts for a while after completing (the runtime's listening window).
      for (const entry of script.slice(next)) {
        if (entry.at.getTime() > now.getTime() + GOAL_WINDOW_MS) break;
        if (entry.e.kind !== ScriptKind.TRIGGER || !entry.e.triggerId || !bindingActs(parseBinding(entry.e.bindingId), runBinding)) continue;
        goal(entry.e.triggerId, new Date(Math.max(now.getTime(), entry.at.getTime())));
      }
    }
  }
  return { path, sends, endStatus: state.status, endStepId: state.stepId, endedAt, goalReachedAt, problems };
}

/** Why a script cannot be played against this definition (the first reason, with its field), or null. */
export function scriptProblem(def: JourneyDefinition, script: ScriptEntry[], bindingId: string | null): { message: string; field: string } | null {
  if ((bindingId ?? '').length > MAX_BINDING_LENGTH) return { message: `A bindingId is at most ${MAX_BINDING_LENGTH} characters.`, field: 'bindingId' };
  if (script.length > MAX_SCRIPT_ENTRIES) return { message: `A test run script has at most ${MAX_SCRIPT_ENTRIES} entries.`, field: 'script' };
  for (const [i, e] of script.entries()) {
    const field = `script[${i}]`;
    if (!Number.isInteger(e.afterSeconds) || e.afterSeconds < 0 || e.afterSeconds > MAX_SIMULATION_DAYS * 86_400)
      return { message: `Entry ${i + 1}: the time is from 0 to ${MAX_SIMULATION_DAYS} days after entering.`, field: `${field}.afterSeconds` };
    if (e.kind === ScriptKind.INTERACTION) {
      const step = def.steps.find((s) => s.id === e.stepId);
      const channel = step ? CHANNEL_OF_STEP[step.type] : undefined;
      if (!channel) return { message: `Entry ${i + 1}: choose a message step of the journey.`, field: `${field}.stepId` };
      if (!e.interaction || interactionChannel(e.interaction) !== channel)
        return {
          message: `Entry ${i + 1}: choose an interaction of the ${channel.toLowerCase()} channel, e.g. ${channel.toLowerCase()}_delivered.`,
          field: `${field}.interaction`,
        };
    } else {
      if (!e.triggerId) return { message: `Entry ${i + 1}: choose the trigger that happens.`, field: `${field}.triggerId` };
      if ((e.bindingId ?? '').length > MAX_BINDING_LENGTH)
        return { message: `Entry ${i + 1}: a bindingId is at most ${MAX_BINDING_LENGTH} characters.`, field: `${field}.bindingId` };
    }
  }
  return null;
}
