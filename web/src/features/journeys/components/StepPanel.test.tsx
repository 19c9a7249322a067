import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChannelContentOptionsDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import type { DraftGraph, DraftStep } from './journey-graph';
import type { BuilderContent } from './Pickers';
import { StepPanel } from './StepPanel';
import { StepTile } from './StepTile';

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
const step = (id: string) => graph.steps.find((s) => s.id === id) as DraftStep;

function renderPanel(selected: DraftStep, readOnly = false) {
  const onChange = vi.fn();
  renderWithProviders(
    <StepPanel
      graph={graph}
      step={selected}
      contents={new Map(contents.map((c) => [c.id, c]))}
      attributes={[]}
      readOnly={readOnly}
      onChange={onChange}
      onRemember={() => {}}
      onRemove={() => {}}
    />,
    contentSearch,
  );
  return onChange;
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
    expect(screen.getByRole('combobox', { name: 'Wait for' })).toBeDisabled();
    fireEvent.click(screen.getByRole('combobox', { name: 'Branch off this message' }));
    const earlier = await screen.findAllByRole('option');
    expect(earlier.map((o) => o.textContent)).toEqual(['Send an email (email-1)']);
    fireEvent.click(earlier[0]);
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ branchStepId: 'email-1', interactionTriggerKey: null }));
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
        attributes={[]}
        readOnly={false}
        onChange={onChange}
        onRemember={() => {}}
        onRemove={() => {}}
      />,
      contentSearch,
    );
    fireEvent.click(screen.getByRole('combobox', { name: 'Branch off this message' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Send an email: Cart reminder (email-1)']);
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

describe('StepTile', () => {
  it('shows the validation problems of its step', () => {
    renderWithProviders(<StepTile step={step('email-1')} summary="No content" problems={['Choose the content to send.']} selected={false} onSelect={() => {}} />);
    const tile = screen.getByRole('button', { name: 'Step email-1: Send an email' });
    expect(within(tile).getByRole('note')).toHaveTextContent('Choose the content to send.');
  });

  it('is selected from the keyboard with Enter or Space', () => {
    const onSelect = vi.fn();
    renderWithProviders(<StepTile step={step('email-1')} summary="" problems={[]} selected={false} onSelect={onSelect} />);
    const tile = screen.getByRole('button', { name: 'Step email-1: Send an email' });
    expect(tile.tabIndex).toBe(0);
    fireEvent.keyDown(tile, { key: 'Enter' });
    fireEvent.keyDown(tile, { key: ' ' });
    fireEvent.keyDown(tile, { key: 'a' });
    expect(onSelect).toHaveBeenCalledTimes(2);
  });
});
