import type { StepType } from '../../../gql/graphql';

/** A step as the builder edits it (mirrors JourneyStepInput). */
export type DraftStep = {
  id: string;
  type: StepType;
  label?: string | null;
  next?: string | null;
  yes?: string | null;
  no?: string | null;
  contentId?: string | null;
  sendTo?: string | null;
  branchStepId?: string | null;
  interactionTriggerKey?: string | null;
  waitTriggerId?: string | null;
  /** Builder only (never sent): the kind of event an if/then waits for, chosen before its trigger or interaction is. */
  waitFor?: WaitFor;
  withinSeconds?: number | null;
  attribute?: string | null;
  comparator?: string | null;
  values?: string[] | null;
  waitSeconds?: number | null;
  waitUntil?: string | null;
};
export type DraftGraph = { firstStepId: string | null; steps: DraftStep[] };

/** What an if/then waits for: an interaction with an earlier message, or a (custom or business) trigger. */
export type WaitFor = 'INTERACTION' | 'TRIGGER';
export const waitForOf = (step: DraftStep): WaitFor => step.waitFor ?? (step.waitTriggerId ? 'TRIGGER' : 'INTERACTION');

/** Where a new step goes: at the start, after a linear step, or on a branch path. */
export type Slot = { after: null } | { after: string; path: 'next' | 'yes' | 'no' };

export const isBranch = (type: StepType) => type === 'IF_THEN' || type === 'ATTRIBUTE_BRANCH';

let counter = 0;
export const newStepId = (type: StepType, taken: Set<string>) => {
  let id: string;
  do id = `${type.toLowerCase().replace(/_/g, '-')}-${(counter += 1)}`;
  while (taken.has(id));
  return id;
};

/** Inserts `step` into `slot`; what followed the slot now follows the new step (on `no` for branches). */
export function insertStep(graph: DraftGraph, slot: Slot, step: DraftStep): DraftGraph {
  const steps = graph.steps.map((s) => ({ ...s }));
  const byId = new Map(steps.map((s) => [s.id, s]));
  const following = slot.after === null ? graph.firstStepId : (byId.get(slot.after)![slot.path] ?? null);
  const inserted = { ...step, ...(isBranch(step.type) ? { no: following } : { next: following }) };
  steps.push(inserted);
  if (slot.after === null) return { firstStepId: inserted.id, steps };
  byId.get(slot.after)![slot.path] = inserted.id;
  return { firstStepId: graph.firstStepId, steps };
}

/** Removes a step, reconnecting its predecessor to what followed it (for branches: the `no` path; the `yes` path is dropped). */
export function removeStep(graph: DraftGraph, id: string): DraftGraph {
  const target = graph.steps.find((s) => s.id === id);
  if (!target) return graph;
  const following = isBranch(target.type) ? (target.no ?? target.yes ?? null) : (target.next ?? null);
  const dropped = new Set<string>([id]);
  if (isBranch(target.type) && target.no && target.yes) collect(graph, target.yes, dropped);
  const steps = graph.steps
    .filter((s) => !dropped.has(s.id))
    .map((s) => {
      const copy = { ...s };
      for (const key of ['next', 'yes', 'no'] as const) if (copy[key] === id) copy[key] = following;
      if (copy.branchStepId && dropped.has(copy.branchStepId)) copy.branchStepId = null;
      return copy;
    });
  return { firstStepId: graph.firstStepId === id ? following : graph.firstStepId, steps };
}

function collect(graph: DraftGraph, start: string, into: Set<string>) {
  const step = graph.steps.find((s) => s.id === start);
  if (!step || into.has(start)) return;
  into.add(start);
  for (const next of [step.next, step.yes, step.no]) if (next) collect(graph, next, into);
}

/** The tree the canvas draws, following next/yes/no from the first step (a step reached twice is drawn once). */
export type Node = { step: DraftStep; yes: Node[]; no: Node[] };
export function chainFrom(graph: DraftGraph, start: string | null | undefined, seen = new Set<string>()): Node[] {
  const out: Node[] = [];
  let id = start ?? null;
  while (id && !seen.has(id)) {
    seen.add(id);
    const step = graph.steps.find((s) => s.id === id);
    if (!step) break;
    if (isBranch(step.type)) {
      out.push({ step, yes: chainFrom(graph, step.yes, seen), no: chainFrom(graph, step.no, seen) });
      break;
    }
    out.push({ step, yes: [], no: [] });
    id = step.next ?? null;
  }
  return out;
}

/** Message steps before `id` on its path: what an if/then can branch off. */
export function earlierMessageSteps(graph: DraftGraph, id: string): DraftStep[] {
  const result: DraftStep[] = [];
  const walk = (current: string | null | undefined, path: DraftStep[]): boolean => {
    if (!current) return false;
    if (current === id) {
      result.push(...path.filter((s) => s.type.startsWith('SEND_')));
      return true;
    }
    const step = graph.steps.find((s) => s.id === current);
    if (!step || path.includes(step)) return false;
    return [step.next, step.yes, step.no].some((n) => walk(n, [...path, step]));
  };
  walk(graph.firstStepId, []);
  return result;
}
