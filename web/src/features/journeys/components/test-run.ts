import type { JourneyDefinitionInput, SimulationPathKind, StepType } from '../../../gql/graphql';
import { CHANNEL_OF_STEP, interactionLabel, STEP_LABELS } from './labels';

export type PathEntry = { stepId?: string | null; kind: SimulationPathKind; at: string; detail: Record<string, unknown> };

const UNITS = [
  { name: 'day', ms: 86_400_000 },
  { name: 'hour', ms: 3_600_000 },
  { name: 'minute', ms: 60_000 },
] as const;

/** Virtual time since entering: "Start", "+1 day", "+1 day 2 hours", "+90 minutes" → "+1 hour 30 minutes", "+30 seconds". */
export function formatOffset(ms: number): string {
  if (ms <= 0) return 'Start';
  if (ms < 60_000) return `+${Math.round(ms / 1000)} seconds`;
  let rest = ms;
  const parts: string[] = [];
  for (const u of UNITS) {
    const n = Math.floor(rest / u.ms);
    rest -= n * u.ms;
    if (n > 0) parts.push(`${n} ${u.name}${n === 1 ? '' : 's'}`);
  }
  return `+${parts.slice(0, 2).join(' ')}`;
}

/** The start event's attributes as typed by the marketer: a JSON object, or the reason it is not one. */
export function parseSample(text: string): { value: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'Enter a JSON object of attributes, e.g. { "cartValue": 42.5 }.' };
  return { value: value as Record<string, unknown> };
}

/** Steps the run passed through or ended at: the tiles to highlight on the canvas. */
export function visitedSteps(path: PathEntry[], endStepId: string | null | undefined): Set<string> {
  const ids = new Set(path.filter((p) => p.kind === 'STEP_STARTED' && p.stepId).map((p) => p.stepId!));
  if (endStepId) ids.add(endStepId);
  return ids;
}

/** The triggers a script can make happen that change anything: the goal, the exits and the triggers if/then steps wait for. */
export function scriptTriggerIds(def: Pick<JourneyDefinitionInput, 'goalTriggerId' | 'exitTriggerIds' | 'steps'>): string[] {
  const ids = [def.goalTriggerId, ...(def.exitTriggerIds ?? []), ...(def.steps ?? []).map((s) => s.waitTriggerId)].filter((x): x is string => !!x);
  return [...new Set(ids)];
}

/** A step as the test run shows it (a JourneyStepInput, whose ids may be numbers). */
export type StepLike = { id: string; type: StepType; label?: string | null; contentId?: string | number | null };
export type Names = {
  steps: ReadonlyMap<string, StepLike>;
  contents: ReadonlyMap<string, string>;
  triggers: ReadonlyMap<string, string>;
};

const stepName = (names: Names, id: string | null | undefined) => {
  const step = id ? names.steps.get(id) : undefined;
  if (!step) return id ? 'a removed step' : 'the journey';
  return `“${step.label ?? STEP_LABELS[step.type]}”`;
};

/** A detail value as text (details are JSON; the ones shown are strings). */
const text = (v: unknown, fallback = '') => (typeof v === 'string' || typeof v === 'number' ? String(v) : fallback);

/** One line of the path as the marketer reads it ("Sent Second text reminder"); null for entries not worth a line. */
export function describeEntry(entry: PathEntry, names: Names): string | null {
  const d = entry.detail;
  switch (entry.kind) {
    case 'ENTERED':
      return 'Entered the journey';
    case 'MESSAGE_QUEUED': {
      const step = entry.stepId ? names.steps.get(entry.stepId) : undefined;
      const content = step?.contentId ? names.contents.get(String(step.contentId)) : undefined;
      return `Sent ${content ?? (step ? (CHANNEL_OF_STEP[step.type]?.toLowerCase() ?? 'message') : 'a message')}`;
    }
    case 'WAITING':
      return `Waiting at ${stepName(names, entry.stepId)}`;
    case 'BRANCHED':
      return `${stepName(names, entry.stepId)}: took the ${d.path === 'yes' ? 'yes' : 'no'} path`;
    case 'GOAL_REACHED':
      return 'Goal reached';
    case 'COMPLETED':
      return 'Completed';
    case 'EXITED':
      return `Exited at ${stepName(names, entry.stepId)} (exit trigger)`;
    case 'STOPPED':
      return 'Stopped';
    case 'FAILED':
      return `Failed: ${text(d.error, 'unexpected error')}`;
    case 'INTERACTION': {
      const what = `${interactionLabel(text(d.interaction))} (${stepName(names, text(d.stepId))})`;
      return d.ignored ? `${what} — ignored: that message was not sent` : what;
    }
    case 'TRIGGER': {
      const trigger = names.triggers.get(text(d.triggerId)) ?? 'A trigger';
      const what = `“${trigger}” happened${d.bindingId ? ` (bindingId ${text(d.bindingId)})` : ''}`;
      return d.ignored ? `${what} — ignored: its binding is for another run` : what;
    }
    case 'STEP_STARTED':
    case 'STEP_DONE':
      return null;
  }
}
