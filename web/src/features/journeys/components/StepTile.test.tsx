import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { StepTile } from './StepTile';

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
    const tile = await screen.findByRole('button', { name: 'Step email-1: Send an email' });
    expect(tile).toHaveTextContent('12 entered · 3 waiting · 8 passed on · 1 exited');
    expect(tile).toHaveAccessibleDescription('12 entered · 3 waiting · 8 passed on · 1 exited');
  });

  it('shows no counts on a draft', async () => {
    renderWithProviders(<StepTile step={{ id: 'wait-1', type: 'WAIT' }} summary="Waits 1 day" problems={[]} selected={false} onSelect={() => {}} />);
    const tile = await screen.findByRole('button', { name: 'Step wait-1: Wait' });
    expect(tile).not.toHaveTextContent('entered');
    expect(tile).not.toHaveAttribute('aria-describedby');
  });
});
