import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { StepTile, type MessageOpens } from './StepTile';

describe('StepTile', () => {
  it('shows the live counts of a running journey, described to assistive technology', async () => {
    renderWithProviders(
      <StepTile
        step={{ id: 'email-1', type: 'SEND_EMAIL', label: 'Initial email' }}
        summary="Sends “Reminder”"
        problems={[]}
        selected={false}
        onSelect={() => {}}
        counts={{ entered: 12, waiting: 3, passedOn: 8, exited: 1 }}
      />,
    );
    const tile = await screen.findByRole('button', { name: 'Initial email Send an email Sends “Reminder”' });
    // Shown on the tile beside its button (not inside it: the button is named by what the step is).
    expect(tile.parentElement).toHaveTextContent('12 entered · 3 waiting · 8 passed on · 1 exited');
    expect(tile).toHaveAccessibleDescription('12 entered · 3 waiting · 8 passed on · 1 exited');
  });

  it('shows a live email step’s open rate beside its counts, labelled for assistive technology', async () => {
    let setOpens: (o: MessageOpens) => void = () => {};
    function Live() {
      const [opens, set] = useState<MessageOpens>({ opened: 0, delivered: 0, openRate: null });
      setOpens = set;
      return (
        <StepTile
          step={{ id: 'email', type: 'SEND_EMAIL' }}
          summary="Sends “Reminder”"
          problems={[]}
          selected={false}
          onSelect={() => {}}
          counts={{ entered: 1, waiting: 0, passedOn: 1, exited: 0 }}
          opens={opens}
        />
      );
    }
    renderWithProviders(<Live />);
    const button = await screen.findByRole('button', { name: 'Send an email Sends “Reminder”' });
    expect(screen.getByRole('img', { name: 'Open rate: nothing delivered yet' })).toHaveTextContent('Opened 0 of 0 · —');

    // The live answer changes: the same tile shows the new figures.
    act(() => setOpens({ opened: 1, delivered: 1, openRate: 1 }));
    expect(screen.getByRole('img', { name: 'Open rate 100 %: 1 of 1 delivered message opened' })).toHaveTextContent('Opened 1 of 1 · 100 %');
    // The tile is described by its counts and its open rate.
    const rate = screen.getByRole('img', { name: /^Open rate/ });
    expect(button.getAttribute('aria-describedby')?.split(' ')).toContain(rate.id);
    expect(button).toHaveAccessibleDescription(expect.stringMatching(/^1 entered · 0 waiting · 1 passed on · 0 exited /));

    act(() => setOpens({ opened: 2, delivered: 3, openRate: 2 / 3 }));
    expect(button.parentElement).toHaveTextContent('Opened 2 of 3 · 66.7 %');
    expect(screen.getByRole('img', { name: 'Open rate 66.7 %: 2 of 3 delivered messages opened' })).toBeInTheDocument();
  });

  it('shows no counts on a draft', async () => {
    renderWithProviders(<StepTile step={{ id: 'wait-1', type: 'WAIT' }} summary="Waits 1 day" problems={[]} selected={false} onSelect={() => {}} />);
    const tile = await screen.findByRole('button', { name: 'Wait Waits 1 day' });
    expect(tile).not.toHaveTextContent('entered');
    expect(tile).not.toHaveAttribute('aria-describedby');
  });

  it('never shows or announces the step’s internal id', () => {
    renderWithProviders(
      <StepTile step={{ id: 'send-email-7', type: 'SEND_EMAIL' }} summary="Cart reminder" problems={['Choose where to send.']} selected={false} onSelect={() => {}} />,
    );
    const tile = screen.getByRole('button', { name: 'Send an email Cart reminder' });
    expect(tile).not.toHaveTextContent('send-email-7');
    expect(tile).toHaveAccessibleDescription('Choose where to send.');
  });

  it('wraps a long validation message in its pill, the whole text in its tooltip', () => {
    const long = 'The content “Spring sale reminder for customers who left a very long cart behind” uses {{ trigger.couponCode }}, which the start trigger does not have.';
    renderWithProviders(<StepTile step={{ id: 'e', type: 'SEND_EMAIL' }} summary="Spring sale" problems={[long]} selected={false} onSelect={() => {}} />);
    const pill = screen.getByRole('note');
    expect(pill).toHaveTextContent(long);
    expect(pill).toHaveAttribute('title', long);
  });

  it('moves with Alt+Arrow keys when it can be moved, and opens with Enter', () => {
    const moves: string[] = [];
    const onSelect = vi.fn();
    renderWithProviders(<StepTile step={{ id: 'w', type: 'WAIT' }} summary="1 day" problems={[]} selected={false} onSelect={onSelect} onMove={(d) => moves.push(d)} />);
    const tile = screen.getByRole('button', { name: 'Wait 1 day' });
    fireEvent.keyDown(tile, { key: 'ArrowUp', altKey: true });
    fireEvent.keyDown(tile, { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(tile, { key: 'ArrowDown' });
    expect(moves).toEqual(['up', 'down']);
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.keyDown(tile, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledTimes(1);
  });
});
