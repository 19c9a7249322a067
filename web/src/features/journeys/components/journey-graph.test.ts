import { describe, expect, it } from 'vitest';
import { chainFrom, earlierMessageSteps, insertStep, removeStep, type DraftGraph } from './journey-graph';

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
