import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChannelContentOptionsDocument, TriggerOptionsDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import type { DraftGraph, DraftStep } from './journey-graph';
import type { BuilderContent, BuilderTrigger } from './Pickers';
import { toLocalInput } from './AttributeValues';
import { StepPanel } from './StepPanel';
import { StepTile } from './StepTile';
import { problemText, stepSummary } from './step-summary';

const graph: DraftGraph = {
  firstStepId: 'email-1',
  steps: [
    { id: 'email-1', type: 'SEND_EMAIL', next: 'if-1' },
    { id: 'if-1', type: 'IF_THEN', no: 'text-1' },
    { id: 'text-1', type: 'SEND_TEXT' },
  ],
};
const contents: BuilderContent[] = [
  { id: 'c-email', name: 'Cart reminder', channel: 'EMAIL', state: 'DRAFT' },
  { id: 'c-text', name: 'Cart text', channel: 'TEXT', state: 'READY_TO_SEND' },
];
/** The server's answer to the content search of each channel (the API's own tests cover the search itself). */
const contentSearch = (['EMAIL', 'TEXT'] as const).map((channel) => ({
  request: { query: ChannelContentOptionsDocument, variables: { channel, search: '' } },
  result: { data: { contents: { __typename: 'ContentConnection', nodes: contents.filter((c) => c.channel === channel).map((c) => ({ __typename: 'ContentItem', ...c })) } } },
}));
const shipped: BuilderTrigger = { id: 't-shipped', title: 'Order shipped', versions: [{ number: 1, usableNow: true, attributes: [] }] };
/** The server's answer to the search for triggers a journey may use. */
const triggerSearch = {
  request: { query: TriggerOptionsDocument, variables: { filter: { usableAsStart: true, search: '' } } },
  result: {
    data: {
      triggers: {
        __typename: 'TriggerConnection',
        nodes: [{ __typename: 'Trigger', ...shipped, versions: shipped.versions.map((v) => ({ __typename: 'TriggerVersion', ...v })) }],
      },
    },
  },
  maxUsageCount: 10,
};
const step = (id: string) => graph.steps.find((s) => s.id === id) as DraftStep;

function renderPanel(selected: DraftStep, readOnly = false, known: BuilderTrigger[] = []) {
  const onChange = vi.fn();
  const onRememberTrigger = vi.fn();
  renderWithProviders(
    <StepPanel
      graph={graph}
      step={selected}
      contents={new Map(contents.map((c) => [c.id, c]))}
      triggers={new Map(known.map((t) => [t.id, t]))}
      attributes={[]}
      readOnly={readOnly}
      onChange={onChange}
      onRemember={() => {}}
      onRememberTrigger={onRememberTrigger}
      onRemove={() => {}}
    />,
    [...contentSearch, triggerSearch],
  );
  return Object.assign(onChange, { onRememberTrigger });
}

describe('StepPanel', () => {
  it('offers only content of the step’s channel, marking drafts', async () => {
    const onChange = renderPanel(step('email-1'));
    fireEvent.click(screen.getByRole('combobox', { name: 'Message' }));
    const option = await screen.findByRole('option', { name: 'Cart reminder (draft)' });
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Cart reminder (draft)']);
    fireEvent.click(option);
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ id: 'email-1', contentId: 'c-email' }));
  });

  it('lets an if/then branch watch only earlier message steps, then offers that channel’s interactions', async () => {
    const onChange = renderPanel(step('if-1'));
    expect(screen.getByRole('radio', { name: 'An interaction with an earlier message' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Interaction to wait for' })).toBeDisabled();
    fireEvent.click(screen.getByRole('combobox', { name: 'Branch off this message' }));
    const earlier = await screen.findAllByRole('option');
    expect(earlier.map((o) => o.textContent)).toEqual(['Send an email']);
    fireEvent.click(earlier[0]);
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ branchStepId: 'email-1', interactionTriggerKey: null }));
  });

  it('waits for a trigger instead: a labelled choice of kind, then a search of usable triggers', async () => {
    const onChange = renderPanel({ ...step('if-1'), waitFor: 'TRIGGER' });
    const kind = screen.getByRole('radiogroup', { name: 'Wait for' });
    expect(within(kind).getByRole('radio', { name: 'A trigger' })).toBeChecked();
    expect(screen.queryByRole('combobox', { name: 'Branch off this message' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Interaction to wait for' })).toBeNull();
    fireEvent.click(screen.getByRole('combobox', { name: /Trigger to wait for/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Order shipped' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'if-1', waitTriggerId: 't-shipped' }));
    expect(onChange.onRememberTrigger).toHaveBeenCalledWith(expect.objectContaining({ id: 't-shipped', title: 'Order shipped' }));
  });

  it('names the chosen trigger, and switching kind clears the other kind’s fields', () => {
    const waiting = renderPanel({ ...step('if-1'), waitTriggerId: 't-shipped', withinSeconds: 86_400 }, false, [shipped]);
    expect(screen.getByRole('radio', { name: 'A trigger' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: /Trigger to wait for/ })).toHaveValue('Order shipped');
    fireEvent.click(screen.getByRole('radio', { name: 'An interaction with an earlier message' }));
    expect(waiting).toHaveBeenLastCalledWith(expect.objectContaining({ waitFor: 'INTERACTION', waitTriggerId: null, withinSeconds: 86_400 }));
  });

  it('clears the watched message and interaction when switching to a trigger', () => {
    const onChange = renderPanel({ ...step('if-1'), branchStepId: 'email-1', interactionTriggerKey: 'email_opened', withinSeconds: 3_600 });
    fireEvent.click(screen.getByRole('radio', { name: 'A trigger' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ waitFor: 'TRIGGER', branchStepId: null, interactionTriggerKey: null, withinSeconds: 3_600 }));
  });

  it('takes the time limit as a number of days (or hours, minutes) and stores seconds', async () => {
    const onChange = renderPanel({ ...step('if-1'), branchStepId: 'email-1', withinSeconds: 86_400 });
    const amount = screen.getByRole('spinbutton', { name: /Time limit/ });
    expect(amount).toHaveValue(1);
    expect(screen.getByRole('combobox', { name: 'Time limit (up to 90 days): unit' })).toHaveTextContent('days');
    fireEvent.change(amount, { target: { value: '2' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ withinSeconds: 172_800 }));
    fireEvent.click(screen.getByRole('combobox', { name: 'Time limit (up to 90 days): unit' }));
    fireEvent.click(await screen.findByRole('option', { name: 'hours' }));
    // Changing the unit keeps the number: 1 day becomes 1 hour.
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ withinSeconds: 3_600 }));
  });

  it('names message steps by label or content, and edits the label', async () => {
    const labelled: DraftGraph = { ...graph, steps: graph.steps.map((s) => (s.id === 'email-1' ? { ...s, contentId: 'c-email' } : s)) };
    const onChange = vi.fn();
    renderWithProviders(
      <StepPanel
        graph={labelled}
        step={step('if-1')}
        contents={new Map(contents.map((c) => [c.id, c]))}
        triggers={new Map()}
        attributes={[]}
        readOnly={false}
        onChange={onChange}
        onRemember={() => {}}
        onRememberTrigger={() => {}}
        onRemove={() => {}}
      />,
      contentSearch,
    );
    fireEvent.click(screen.getByRole('combobox', { name: 'Branch off this message' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Send an email: Cart reminder']);
    fireEvent.change(screen.getByRole('textbox', { name: /Label/ }), { target: { value: 'Opened?' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'if-1', label: 'Opened?' }));
  });

  it('is read-only for a live journey: every control disabled, no Remove', () => {
    renderPanel(step('text-1'), true);
    const panel = screen.getByRole('region', { name: 'Step settings' });
    for (const box of within(panel).getAllByRole('combobox')) expect(box).toBeDisabled();
    expect(within(panel).queryByRole('button', { name: 'Remove step' })).toBeNull();
  });
});

describe('stepSummary', () => {
  it('says what an if/then waits for and for how long', () => {
    const triggers = new Map([['t-purchase', 'Purchase completed']]);
    expect(stepSummary({ id: 'if-1', type: 'IF_THEN', waitTriggerId: 't-purchase', withinSeconds: 86_400 }, new Map(), triggers)).toBe('Purchase completed within 1 day');
    expect(stepSummary({ id: 'if-1', type: 'IF_THEN', waitTriggerId: 't-gone', withinSeconds: 7_200 }, new Map(), triggers)).toBe('Unknown trigger within 2 hours');
    const steps = new Map([['email-1', { id: 'email-1', type: 'SEND_EMAIL' as const, contentId: 'c-email' }]]);
    expect(
      stepSummary(
        { id: 'if-1', type: 'IF_THEN', branchStepId: 'email-1', interactionTriggerKey: 'email_opened', withinSeconds: 86_400 },
        new Map([['c-email', 'Cart reminder']]),
        triggers,
        steps,
      ),
    ).toBe('Email opened on “Send an email: Cart reminder” within 1 day');
    // Never the internal id, even when the watched step is unknown.
    expect(stepSummary({ id: 'if-1', type: 'IF_THEN', branchStepId: 'gone-1', interactionTriggerKey: 'email_opened', withinSeconds: 60 }, new Map(), triggers)).toBe(
      'Email opened on the chosen message within 1 minute',
    );
    expect(stepSummary({ id: 'if-1', type: 'IF_THEN' }, new Map(), triggers)).toBe('Choose what to wait for');
  });
});

describe('StepTile', () => {
  it('shows the validation problems of its step', () => {
    renderWithProviders(<StepTile step={step('email-1')} summary="No content" problems={['Choose the content to send.']} selected={false} onSelect={() => {}} />);
    const tile = screen.getByRole('button', { name: 'Send an email No content' });
    // Beside the tile's button, in the card, and its description.
    expect(within(tile.parentElement!).getByRole('note')).toHaveTextContent('Choose the content to send.');
  });

  it('is selected from the keyboard with Enter or Space', () => {
    const onSelect = vi.fn();
    renderWithProviders(<StepTile step={step('email-1')} summary="" problems={[]} selected={false} onSelect={onSelect} />);
    const tile = screen.getByRole('button', { name: /^Send an email/ });
    expect(tile.tabIndex).toBe(0);
    fireEvent.keyDown(tile, { key: 'Enter' });
    fireEvent.keyDown(tile, { key: ' ' });
    fireEvent.keyDown(tile, { key: 'a' });
    expect(onSelect).toHaveBeenCalledTimes(2);
  });
});

describe('problemText', () => {
  const steps = new Map<string, DraftStep>([
    ['send-email-1', { id: 'send-email-1', type: 'SEND_EMAIL', contentId: 'c-email' }],
    ['if-then-2', { id: 'if-then-2', type: 'IF_THEN', label: 'Opened?' }],
  ]);
  const names = new Map([['c-email', 'Cart reminder']]);

  it('names the steps a graph problem quotes by id, never the id itself', () => {
    expect(problemText({ code: 'UNREACHABLE_STEP', message: 'No path leads to step “if-then-2”.' }, steps, names)).toBe('No path leads to step “Opened?”.');
    expect(problemText({ code: 'BRANCH_TARGET_NOT_EARLIER', message: 'Step “send-email-1” does not come before this branch.' }, steps, names)).toBe(
      'Step “Send an email: Cart reminder” does not come before this branch.',
    );
  });

  it('leaves other problems as they are, even when a quoted name happens to be a step id', () => {
    const message = '“send-email-1” is a draft; mark it ready to send.';
    expect(problemText({ code: 'CONTENT_NOT_READY', message }, steps, names)).toBe(message);
  });
});

describe('attribute branch values', () => {
  const attributes = [
    { name: 'purchasedOn', type: 'DATE', comparators: ['EQUALS', 'BETWEEN'] },
    { name: 'seenAt', type: 'DATETIME', comparators: ['BETWEEN'] },
  ];
  function renderBranch(selected: DraftStep) {
    const onChange = vi.fn();
    renderWithProviders(
      <StepPanel
        graph={{ firstStepId: selected.id, steps: [selected] }}
        step={selected}
        contents={new Map()}
        triggers={new Map()}
        attributes={attributes}
        readOnly={false}
        onChange={onChange}
        onRemember={() => {}}
        onRememberTrigger={() => {}}
        onRemove={() => {}}
      />,
    );
    return onChange;
  }

  it('picks the two ends of a date range with date pickers', () => {
    const onChange = renderBranch({ id: 'b', type: 'ATTRIBUTE_BRANCH', attribute: 'purchasedOn', comparator: 'BETWEEN', values: ['2026-01-01', '2026-01-31'] });
    const range = screen.getByRole('group', { name: 'Between' });
    const from = within(range).getByLabelText(/^From/);
    const to = within(range).getByLabelText(/^To/);
    expect(from).toHaveAttribute('type', 'date');
    expect(to).toHaveAttribute('type', 'date');
    expect(from).toHaveValue('2026-01-01');
    fireEvent.change(to, { target: { value: '2026-02-28' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ values: ['2026-01-01', '2026-02-28'] }));
    // Clearing one end keeps the other in its place (the server then asks for two values).
    fireEvent.change(from, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ values: ['', '2026-01-31'] }));
  });

  it('stores a date-time end as an instant, shown back in local time', () => {
    const onChange = renderBranch({ id: 'b', type: 'ATTRIBUTE_BRANCH', attribute: 'seenAt', comparator: 'BETWEEN', values: [] });
    const from = within(screen.getByRole('group', { name: 'Between' })).getByLabelText(/^From/);
    expect(from).toHaveAttribute('type', 'datetime-local');
    fireEvent.change(from, { target: { value: '2026-03-01T09:30' } });
    const stored = (onChange.mock.lastCall![0] as DraftStep).values!;
    expect(stored).toEqual([new Date('2026-03-01T09:30').toISOString(), '']);
    expect(toLocalInput(stored[0])).toBe('2026-03-01T09:30');
  });

  it('takes one date for other comparators', () => {
    renderBranch({ id: 'b', type: 'ATTRIBUTE_BRANCH', attribute: 'purchasedOn', comparator: 'EQUALS', values: ['2026-05-01'] });
    expect(screen.queryByRole('group', { name: 'Between' })).toBeNull();
    expect(screen.getByLabelText(/^Value/)).toHaveValue('2026-05-01');
  });
});
