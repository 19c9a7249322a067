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

/** Where a new step goes: at the start, after a linear step, at the start of a branch path, or where a branch's paths join. */
export type Slot = { after: null } | { after: string; path: 'next' | 'yes' | 'no' | 'join' };

export const isBranch = (type: StepType) => type === 'IF_THEN' || type === 'ATTRIBUTE_BRANCH';

let counter = 0;
export const newStepId = (type: StepType, taken: Set<string>) => {
  let id: string;
  do id = `${type.toLowerCase().replace(/_/g, '-')}-${(counter += 1)}`;
  while (taken.has(id));
  return id;
};

/** Where the steps that followed a slot go when a branch is inserted there: on its yes path, its no path, or after both paths join. */
export type Placement = 'yes' | 'no' | 'join';

/** The step after a slot, and where the chain holding the slot stops (the join of the enclosing branch, or null: the end). */
export function slotContext(graph: DraftGraph, slot: Slot): { following: string | null; stop: string | null } {
  if (slot.after === null) return { following: graph.firstStepId, stop: null };
  const step = graph.steps.find((s) => s.id === slot.after);
  const node = findNode(chainFrom(graph, graph.firstStepId), slot.after);
  if (slot.path === 'join') return { following: node?.join ?? null, stop: node?.stop ?? null };
  const following = step?.[slot.path] ?? null;
  if (!node) return { following, stop: null };
  return { following, stop: slot.path === 'next' ? node.stop : (node.join ?? node.stop) };
}

/** True when inserting a branch into `slot` must ask where the following steps go (there are steps after it on its path). */
export const asksPlacement = (graph: DraftGraph, slot: Slot) => {
  const { following, stop } = slotContext(graph, slot);
  return following !== null && following !== stop;
};

/**
 * Inserts `step` into `slot`; what followed the slot now follows the new step. A branch takes the following steps on
 * the path `placement` says; its other path is empty and leads to where the enclosing path goes on (or ends).
 */
export function insertStep(graph: DraftGraph, slot: Slot, step: DraftStep, placement: Placement = 'join'): DraftGraph {
  const { following, stop } = slotContext(graph, slot);
  const steps = graph.steps.map((s) => ({ ...s }));
  const byId = new Map(steps.map((s) => [s.id, s]));
  let links: Partial<DraftStep> = { next: following };
  if (isBranch(step.type)) {
    if (following === stop) links = { yes: stop, no: stop };
    else links = placement === 'yes' ? { yes: following, no: stop } : placement === 'no' ? { yes: stop, no: following } : { yes: following, no: following };
  }
  const inserted = { ...step, ...links };
  steps.push(inserted);
  if (slot.after === null) return { firstStepId: inserted.id, steps };
  if (slot.path === 'join') {
    // Every path of the branch that led to the join now leads to the new step.
    const node = findNode(chainFrom(graph, graph.firstStepId), slot.after);
    const region = new Set([slot.after, ...(node ? [...regionOf(node.yes), ...regionOf(node.no)] : [])]);
    for (const e of edgesTo(graph, following, region)) (byId.get(e.from!)! as Record<string, unknown>)[e.key] = inserted.id;
  } else byId.get(slot.after)![slot.path] = inserted.id;
  return { firstStepId: graph.firstStepId, steps };
}

/**
 * Removes a step, reconnecting its predecessors to what followed it. A branch keeps one path (its no path when that has
 * steps, else its yes path); the other path's steps are removed with it.
 */
export function removeStep(graph: DraftGraph, id: string): DraftGraph {
  const target = graph.steps.find((s) => s.id === id);
  if (!target) return graph;
  const dropped = new Set<string>([id]);
  let following = target.next ?? null;
  if (isBranch(target.type)) {
    const node = findNode(chainFrom(graph, graph.firstStepId), id);
    const inner = node ? (node.join ?? node.stop) : null;
    const keepNo = (target.no ?? null) !== inner || (target.yes ?? null) === inner;
    following = (keepNo ? target.no : target.yes) ?? null;
    for (const s of node ? regionOf(keepNo ? node.yes : node.no) : []) dropped.add(s);
  }
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

const targetsOf = (s: DraftStep) => (isBranch(s.type) ? [s.yes ?? null, s.no ?? null] : [s.next ?? null]);

/**
 * The join of every branch: the first step that every path from the branch reaches (its immediate post-dominator),
 * or null when its paths end separately.
 */
export function joinsOf(graph: DraftGraph): Map<string, string | null> {
  const END = '\u0000end';
  const byId = new Map(graph.steps.map((s) => [s.id, s]));
  const succ = (s: DraftStep) => targetsOf(s).map((t) => (t && byId.has(t) ? t : END));
  const all = new Set([END, ...byId.keys()]);
  const pdom = new Map<string, Set<string>>([[END, new Set([END])]]);
  for (const id of byId.keys()) pdom.set(id, new Set(all));
  for (let changed = true; changed;) {
    changed = false;
    for (const s of graph.steps) {
      const sets = succ(s).map((t) => pdom.get(t)!);
      const next = new Set([...sets[0]].filter((x) => sets.every((set) => set.has(x))));
      next.add(s.id);
      if (next.size !== pdom.get(s.id)!.size) {
        pdom.set(s.id, next);
        changed = true;
      }
    }
  }
  const joins = new Map<string, string | null>();
  for (const s of graph.steps) {
    if (!isBranch(s.type)) continue;
    const own = pdom.get(s.id)!;
    const join = [...own].find((c) => c !== s.id && pdom.get(c)!.size === own.size - 1) ?? END;
    joins.set(s.id, join === END ? null : join);
  }
  return joins;
}

/**
 * The tree the canvas draws, following next/yes/no from the first step. A branch's paths stop where they join, and the
 * chain goes on from the join; `stop` is where a node's chain ends (null: the journey's end). A step reached twice is drawn once.
 */
export type Node = { step: DraftStep; yes: Node[]; no: Node[]; join: string | null; stop: string | null };
export function chainFrom(graph: DraftGraph, start: string | null | undefined, stop: string | null = null, seen = new Set<string>(), joins = joinsOf(graph)): Node[] {
  const out: Node[] = [];
  let id = start ?? null;
  while (id && id !== stop && !seen.has(id)) {
    seen.add(id);
    const step = graph.steps.find((s) => s.id === id);
    if (!step) break;
    if (isBranch(step.type)) {
      const join = joins.get(step.id) ?? null;
      const inner = join ?? stop;
      out.push({ step, yes: chainFrom(graph, step.yes, inner, seen, joins), no: chainFrom(graph, step.no, inner, seen, joins), join, stop });
      if (join === null) break;
      id = join;
      continue;
    }
    out.push({ step, yes: [], no: [], join: null, stop });
    id = step.next ?? null;
  }
  return out;
}

/** The node of step `id` anywhere in the tree. */
export function findNode(tree: Node[], id: string): Node | undefined {
  for (const node of tree) {
    if (node.step.id === id) return node;
    const inside = findNode(node.yes, id) ?? findNode(node.no, id);
    if (inside) return inside;
  }
  return undefined;
}

/** The chain (list of sibling nodes) holding step `id`. */
function chainOf(tree: Node[], id: string): Node[] | undefined {
  if (tree.some((n) => n.step.id === id)) return tree;
  for (const node of tree) {
    const inside = chainOf(node.yes, id) ?? chainOf(node.no, id);
    if (inside) return inside;
  }
  return undefined;
}

const regionOf = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.step.id, ...regionOf(n.yes), ...regionOf(n.no)]);

type Edge = { from: string | null; key: 'next' | 'yes' | 'no' | 'firstStepId' };

/** Every link (and the first-step pointer) leading to `target`, optionally only from the steps in `within`. */
function edgesTo(graph: DraftGraph, target: string | null, within?: ReadonlySet<string>): Edge[] {
  const edges: Edge[] = [];
  if (!within && graph.firstStepId === target) edges.push({ from: null, key: 'firstStepId' });
  for (const s of graph.steps) {
    if (within && !within.has(s.id)) continue;
    for (const key of isBranch(s.type) ? (['yes', 'no'] as const) : (['next'] as const)) if ((s[key] ?? null) === target) edges.push({ from: s.id, key });
  }
  return edges;
}

export type Direction = 'up' | 'down';

/** Where a step can move: up or down its path, past the neighbouring step (or the whole neighbouring branch with its paths). */
export function movesOf(graph: DraftGraph, id: string): Record<Direction, boolean> {
  const tree = chainFrom(graph, graph.firstStepId);
  const chain = chainOf(tree, id);
  if (!chain) return { up: false, down: false };
  const i = chain.findIndex((n) => n.step.id === id);
  return { up: i > 0 && canSwap(chain, i - 1), down: i < chain.length - 1 && canSwap(chain, i) };
}

/** Blocks i and i+1 swap unless the lower one is a branch whose paths end separately (nothing comes after it to go to). */
const canSwap = (chain: Node[], i: number) => {
  const lower = chain[i + 1];
  return !(isBranch(lower.step.type) && lower.join === null && lower.stop === null);
};

/** Names a step for a refusal message. */
export type StepNamer = (step: DraftStep) => string;

/** Each if/then that waits for an interaction with a message step that no longer comes before it, as [if/then, message]. */
export function misplacedInteractions(graph: DraftGraph): [DraftStep, DraftStep][] {
  const out: [DraftStep, DraftStep][] = [];
  for (const s of graph.steps) {
    if (s.type !== 'IF_THEN' || !s.branchStepId) continue;
    const message = graph.steps.find((m) => m.id === s.branchStepId);
    if (message && !ancestorsOf(graph, s.id).has(message.id)) out.push([s, message]);
  }
  return out;
}

/** Steps on some path from the first step to `id`. */
function ancestorsOf(graph: DraftGraph, id: string): Set<string> {
  const byId = new Map(graph.steps.map((s) => [s.id, s]));
  const reaches = new Map<string, boolean>();
  const visit = (current: string, path: Set<string>): boolean => {
    if (current === id) return true;
    if (reaches.has(current)) return reaches.get(current)!;
    const step = byId.get(current);
    if (!step || path.has(current)) return false;
    path.add(current);
    const found = targetsOf(step)
      .map((t) => (t ? visit(t, path) : false))
      .some(Boolean);
    path.delete(current);
    reaches.set(current, found);
    return found;
  };
  if (graph.firstStepId) visit(graph.firstStepId, new Set());
  return new Set([...reaches].filter(([, r]) => r).map(([k]) => k));
}

/**
 * Moves step `id` one place up or down its path: it swaps with the neighbouring step, or with the neighbouring branch and
 * all of its paths. Refused (with the reason) when not possible or when an if/then would then come before the message it watches.
 */
export function moveStep(graph: DraftGraph, id: string, direction: Direction, name: StepNamer): { graph: DraftGraph } | { refused: string } {
  const tree = chainFrom(graph, graph.firstStepId);
  const chain = chainOf(tree, id);
  const i = chain ? chain.findIndex((n) => n.step.id === id) : -1;
  const upper = direction === 'up' ? i - 1 : i;
  if (!chain || upper < 0 || upper + 1 >= chain.length || !canSwap(chain, upper)) {
    return { refused: `“${chain ? name(chain[i].step) : id}” is already at the ${direction === 'up' ? 'top' : 'bottom'} of its path.` };
  }
  const a = chain[upper];
  const b = chain[upper + 1];
  const after = chain[upper + 2]?.step.id ?? b.stop;
  const into = edgesTo(graph, a.step.id);
  const outOfB = edgesTo(graph, after, new Set([b.step.id, ...regionOf(b.yes), ...regionOf(b.no)]));
  const outOfA = edgesTo(graph, b.step.id, new Set([a.step.id, ...regionOf(a.yes), ...regionOf(a.no)]));
  const next: DraftGraph = { firstStepId: graph.firstStepId, steps: graph.steps.map((s) => ({ ...s })) };
  const byId = new Map(next.steps.map((s) => [s.id, s]));
  const point = (edges: Edge[], to: string | null) => {
    for (const e of edges) {
      if (e.from === null) next.firstStepId = to;
      else (byId.get(e.from)! as Record<string, unknown>)[e.key] = to;
    }
  };
  point(into, b.step.id);
  point(outOfB, a.step.id);
  point(outOfA, after);
  const before = new Set(misplacedInteractions(graph).map(([s]) => s.id));
  const broken = misplacedInteractions(next).find(([s]) => !before.has(s.id));
  if (broken) return { refused: `“${name(broken[0])}” waits for an interaction with “${name(broken[1])}”, which must come before it.` };
  return { graph: next };
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
