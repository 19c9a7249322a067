import { describe, expect, it } from 'vitest';
import { draftProblems, keyFromTitle, move, newDraft, toInput } from './attribute-drafts';

describe('attribute drafts', () => {
  it('flags invalid, reserved and duplicate names, and type-specific settings', () => {
    const drafts = [
      newDraft({ name: '1st' }),
      newDraft({ name: 'authId' }),
      newDraft({ name: 'total', type: 'DECIMAL' }),
      newDraft({ name: 'Total', type: 'NUMBER' }),
      newDraft({ name: 'note', maxLength: '0' }),
      newDraft({ name: 'order', type: 'ENTITY_REFERENCE', entity: '' }),
      newDraft({ name: 'ok' }),
    ];
    const problems = draftProblems(drafts);
    expect([...problems.keys()]).toEqual([drafts[0].uid, drafts[1].uid, drafts[3].uid, drafts[4].uid, drafts[5].uid]);
    expect(problems.get(drafts[4].uid)).toEqual({ maxLength: 'Maximum length must be 1–32,000.' });
    expect(problems.get(drafts[5].uid)).toEqual({ entity: 'Name the referenced entity, e.g. order.' });
  });

  it('reports each field of one draft on its own', () => {
    const [draft] = [newDraft({ name: '', type: 'ENTITY_REFERENCE', entity: '9' })];
    expect(draftProblems([draft]).get(draft.uid)).toEqual({ name: 'Give the attribute a name.', entity: 'Name the referenced entity, e.g. order.' });
  });

  it('builds API input with type-specific fields only', () => {
    expect(toInput(newDraft({ name: ' order ', type: 'ENTITY_REFERENCE', entity: 'Order', required: true }))).toEqual({
      name: 'order',
      displayName: null,
      description: null,
      type: 'ENTITY_REFERENCE',
      required: true,
      maxLength: null,
      entity: 'order',
    });
    expect(toInput(newDraft({ name: 'note', maxLength: '40' })).maxLength).toBe(40);
  });

  it('reorders and derives keys like the server', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(keyFromTitle('Wi-Fi sign-up!')).toBe('wi_fi_sign_up');
    expect(keyFromTitle('2024 promo')).toBe('t_2024_promo');
  });
});
