import { describe, expect, it } from 'vitest';
import { asksPlacement, chainFrom, earlierMessageSteps, insertStep, joinsOf, misplacedInteractions, moveStep, movesOf, removeStep, type DraftGraph } from './journey-graph';

const empty: DraftGraph = { firstStepId: null, steps: [] };

describe('journey graph editing', () => {
  it('builds the abandoned-cart chain by inserting after each step and on the no path', () => {
    let g = insertStep(empty, { after: null }, { id: 'email', type: 'SEND_EMAIL' });
    g = insertStep(g, { after: 'email', path: 'next' }, { id: 'opened', type: 'IF_THEN' });
    g = insertStep(g, { after: 'opened', path: 'no' }, { id: 'text', type: 'SEND_TEXT' });
    g = insertStep(g, { after: 'text', path: 'next' }, { id: 'wait', type: 'WAIT' });
    g = insertStep(g, { after: 'wait', path: 'next' }, { id: 'push', type: 'SEND_PUSH' });
    expect(g.firstStepId).toBe('email');
    const tree = chainFrom(g, g.firstStepId);
    expect(tree.map((n) => n.step.id)).toEqual(['email', 'opened']);
    expect(tree[1].no.map((n) => n.step.id)).toEqual(['text', 'wait', 'push']);
    expect(earlierMessageSteps(g, 'opened').map((s) => s.id)).toEqual(['email']);
  });

  it('inserts between steps and removes with reconnection', () => {
    let g = insertStep(empty, { after: null }, { id: 'a', type: 'WAIT' });
    g = insertStep(g, { after: 'a', path: 'next' }, { id: 'c', type: 'WAIT' });
    g = insertStep(g, { after: 'a', path: 'next' }, { id: 'b', type: 'WAIT' });
    expect(chainFrom(g, g.firstStepId).map((n) => n.step.id)).toEqual(['a', 'b', 'c']);
    g = removeStep(g, 'b');
    expect(chainFrom(g, g.firstStepId).map((n) => n.step.id)).toEqual(['a', 'c']);
    g = removeStep(g, 'a');
    expect(g.firstStepId).toBe('c');
  });
});

/** The steps of a path, in order: "a b [yes: c | no: d] e" for a branch whose paths join at e. */
function drawn(g: DraftGraph): string {
  const walk = (nodes: ReturnType<typeof chainFrom>): string =>
    nodes.map((n) => (n.yes.length || n.no.length || n.step.type === 'IF_THEN' ? `${n.step.id} [yes: ${walk(n.yes)} | no: ${walk(n.no)}]` : n.step.id)).join(' ');
  return walk(chainFrom(g, g.firstStepId));
}
const names = (s: { id: string; label?: string | null }) => s.label ?? s.id;
const linear = (...ids: string[]): DraftGraph => ({
  firstStepId: ids[0],
  steps: ids.map((id, i) => ({ id, type: 'WAIT' as const, label: id.toUpperCase(), next: ids[i + 1] ?? null })),
});

describe('branches that join', () => {
  it('finds where the paths of a branch join and draws what follows once, after the branch', () => {
    const g: DraftGraph = {
      firstStepId: 'a',
      steps: [
        { id: 'a', type: 'WAIT', next: 'if' },
        { id: 'if', type: 'IF_THEN', yes: 'y', no: 'n' },
        { id: 'y', type: 'WAIT', next: 'j' },
        { id: 'n', type: 'WAIT', next: 'j' },
        { id: 'j', type: 'WAIT', next: null },
      ],
    };
    expect(joinsOf(g).get('if')).toBe('j');
    expect(drawn(g)).toBe('a if [yes: y | no: n] j');
    // Paths that end separately have no join.
    expect(joinsOf({ ...g, steps: g.steps.map((s) => (s.id === 'n' ? { ...s, next: null } : s)) }).get('if')).toBeNull();
  });
});

describe('inserting a branch in the middle of a path', () => {
  const middle = { after: 'a', path: 'next' } as const;
  const branch = { id: 'if', type: 'IF_THEN' } as const;

  it('asks only when steps follow on the same path', () => {
    expect(asksPlacement(linear('a', 'b', 'c'), middle)).toBe(true);
    expect(asksPlacement(linear('a', 'b', 'c'), { after: 'c', path: 'next' })).toBe(false);
    expect(asksPlacement(linear('a'), { after: null })).toBe(true);
  });

  it('puts the following steps on the yes path, the no path ending the journey', () => {
    const g = insertStep(linear('a', 'b', 'c'), middle, branch, 'yes');
    expect(g.steps.find((s) => s.id === 'if')).toMatchObject({ yes: 'b', no: null });
    expect(drawn(g)).toBe('a if [yes: b c | no: ]');
  });

  it('puts the following steps on the no path', () => {
    const g = insertStep(linear('a', 'b', 'c'), middle, branch, 'no');
    expect(g.steps.find((s) => s.id === 'a')!.next).toBe('if');
    expect(g.steps.find((s) => s.id === 'if')).toMatchObject({ yes: null, no: 'b' });
    expect(drawn(g)).toBe('a if [yes:  | no: b c]');
  });

  it('puts the following steps after both paths join', () => {
    const g = insertStep(linear('a', 'b', 'c'), middle, branch, 'join');
    expect(g.steps.find((s) => s.id === 'if')).toMatchObject({ yes: 'b', no: 'b' });
    expect(drawn(g)).toBe('a if [yes:  | no: ] b c');
    // A step added on the yes path then leads to the join.
    const h = insertStep(g, { after: 'if', path: 'yes' }, { id: 'y', type: 'SEND_EMAIL' });
    expect(h.steps.find((s) => s.id === 'y')!.next).toBe('b');
    expect(drawn(h)).toBe('a if [yes: y | no: ] b c');
  });

  it('inside a path that joins, the empty path of the new branch goes on to the join', () => {
    let g = insertStep(linear('a', 'j'), { after: 'a', path: 'next' }, { id: 'outer', type: 'IF_THEN' }, 'join');
    g = insertStep(g, { after: 'outer', path: 'yes' }, { id: 'y1', type: 'WAIT' });
    g = insertStep(g, { after: 'y1', path: 'next' }, { id: 'y2', type: 'WAIT' });
    g = insertStep(g, { after: 'y1', path: 'next' }, { id: 'inner', type: 'IF_THEN' }, 'no');
    expect(g.steps.find((s) => s.id === 'inner')).toMatchObject({ yes: 'j', no: 'y2' });
    expect(drawn(g)).toBe('a outer [yes: y1 inner [yes:  | no: y2] | no: ] j');
  });
});

describe('moving a step', () => {
  it('swaps a step with its neighbour, changing the order of the path', () => {
    const moved = moveStep(linear('a', 'b', 'c'), 'b', 'up', names);
    if (!('graph' in moved)) throw new Error(moved.refused);
    expect(moved.graph.firstStepId).toBe('b');
    expect(drawn(moved.graph)).toBe('b a c');
    const down = moveStep(moved.graph, 'a', 'down', names);
    if (!('graph' in down)) throw new Error(down.refused);
    expect(drawn(down.graph)).toBe('b c a');
    expect(down.graph.steps.find((s) => s.id === 'a')!.next).toBeNull();
  });

  it('is not offered past the ends of a path, and says so when asked', () => {
    const g = linear('a', 'b');
    expect(movesOf(g, 'a')).toEqual({ up: false, down: true });
    expect(movesOf(g, 'b')).toEqual({ up: true, down: false });
    expect(moveStep(g, 'a', 'up', names)).toEqual({ refused: '“A” is already at the top of its path.' });
    expect(moveStep(g, 'b', 'down', names)).toEqual({ refused: '“B” is already at the bottom of its path.' });
  });

  it('moves a step past a whole branch whose paths join, and a step inside a path stays inside it', () => {
    let g = insertStep(linear('a', 'j'), { after: 'a', path: 'next' }, { id: 'if', type: 'IF_THEN', label: 'IF', waitTriggerId: 't' }, 'join');
    g = insertStep(g, { after: 'if', path: 'yes' }, { id: 'y', type: 'WAIT' });
    const down = moveStep(g, 'a', 'down', names);
    if (!('graph' in down)) throw new Error(down.refused);
    expect(drawn(down.graph)).toBe('if [yes: y | no: ] a j');
    expect(down.graph.steps.find((s) => s.id === 'y')!.next).toBe('a');
    expect(down.graph.steps.find((s) => s.id === 'if')!.no).toBe('a');
    // The step on the yes path is alone on it: it cannot leave the path.
    expect(movesOf(g, 'y')).toEqual({ up: false, down: false });
    // A branch whose paths end separately has nothing after it to move a step to.
    const ends = insertStep(linear('a'), { after: 'a', path: 'next' }, { id: 'if', type: 'IF_THEN' });
    expect(movesOf(ends, 'a')).toEqual({ up: false, down: false });
    expect(movesOf(ends, 'if')).toEqual({ up: false, down: false });
  });

  it('is refused when an if/then would come before the message whose interaction it waits for', () => {
    const g: DraftGraph = {
      firstStepId: 'email',
      steps: [
        { id: 'email', type: 'SEND_EMAIL', label: 'Reminder', next: 'opened' },
        { id: 'opened', type: 'IF_THEN', label: 'Opened?', branchStepId: 'email', interactionTriggerKey: 'email_opened', yes: 'wait', no: 'wait' },
        { id: 'wait', type: 'WAIT', label: 'Pause', next: null },
      ],
    };
    expect(moveStep(g, 'email', 'down', names)).toEqual({ refused: '“Opened?” waits for an interaction with “Reminder”, which must come before it.' });
    expect(moveStep(g, 'opened', 'up', names)).toEqual({ refused: '“Opened?” waits for an interaction with “Reminder”, which must come before it.' });
    // Moving the wait above the branch is fine: the email still comes first.
    const up = moveStep(g, 'wait', 'up', names);
    if (!('graph' in up)) throw new Error(up.refused);
    expect(drawn(up.graph)).toBe('email wait opened [yes:  | no: ]');
    expect(misplacedInteractions(up.graph)).toEqual([]);
  });
});

describe('removing a branch whose paths join', () => {
  it('keeps the no path and what follows the join, dropping the yes path', () => {
    const g: DraftGraph = {
      firstStepId: 'if',
      steps: [
        { id: 'if', type: 'IF_THEN', yes: 'y', no: 'n' },
        { id: 'y', type: 'WAIT', next: 'j' },
        { id: 'n', type: 'WAIT', next: 'j' },
        { id: 'j', type: 'WAIT', next: null },
      ],
    };
    const r = removeStep(g, 'if');
    expect(drawn(r)).toBe('n j');
    expect(r.steps.map((s) => s.id).sort()).toEqual(['j', 'n']);
    // An empty no path keeps the yes path instead.
    const yesOnly = removeStep({ ...g, steps: g.steps.filter((s) => s.id !== 'n').map((s) => (s.id === 'if' ? { ...s, no: 'j' } : s)) }, 'if');
    expect(drawn(yesOnly)).toBe('y j');
  });
});

describe('adding a step where a branch’s paths join', () => {
  it('leads every path of the branch to the new step, which then leads to the join', () => {
    const g: DraftGraph = {
      firstStepId: 'if',
      steps: [
        { id: 'if', type: 'IF_THEN', yes: 'y', no: 'j' },
        { id: 'y', type: 'WAIT', next: 'j' },
        { id: 'j', type: 'WAIT', next: null },
      ],
    };
    const h = insertStep(g, { after: 'if', path: 'join' }, { id: 'new', type: 'SEND_EMAIL' });
    expect(h.steps.find((s) => s.id === 'new')!.next).toBe('j');
    expect(h.steps.find((s) => s.id === 'y')!.next).toBe('new');
    expect(h.steps.find((s) => s.id === 'if')!.no).toBe('new');
    expect(drawn(h)).toBe('if [yes: y | no: ] new j');
  });
});
