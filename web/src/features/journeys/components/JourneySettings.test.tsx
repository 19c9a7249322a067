import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TriggerOptionsDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { JourneySettings, type SettingsDraft } from './JourneySettings';
import type { BuilderTrigger } from './Pickers';

const cart: BuilderTrigger = { id: 't-cart', title: 'Cart abandoned', versions: [{ number: 1, usableNow: true, attributes: [] }] };
const draft: SettingsDraft = {
  startTriggerId: 't-cart',
  startTriggerVersion: 1,
  repeatPolicy: 'NOT_ALLOWED',
  repeatAfterSeconds: null,
  startAt: null,
  endAt: null,
  goalTriggerId: 't-gone',
  goalPercent: 150,
  exitTriggerIds: ['t-gone'],
  ignoreFrequencyCap: false,
};
const options = {
  request: { query: TriggerOptionsDocument, variables: { filter: { usableAsStart: true, search: '' } } },
  result: {
    data: {
      triggers: { __typename: 'TriggerConnection', nodes: [{ __typename: 'Trigger', ...cart, versions: cart.versions.map((v) => ({ __typename: 'TriggerVersion', ...v })) }] },
    },
  },
  maxUsageCount: 10,
};

describe('JourneySettings', () => {
  it('names the chosen triggers and shows each validation problem under its field', () => {
    renderWithProviders(
      <JourneySettings
        value={draft}
        known={new Map([[cart.id, cart]])}
        problems={{
          startAt: ['Set the date and time from which customers may start.'],
          goalPercent: ['The goal target is a whole percentage from 1 to 100.'],
          exitTriggerIds: ['Exit trigger 1 does not exist.'],
        }}
        readOnly={false}
        onChange={() => {}}
        onRemember={() => {}}
      />,
      [options],
    );
    expect(screen.getByRole('combobox', { name: /Start trigger/ })).toHaveValue('Cart abandoned');
    expect(screen.getByText('Set the date and time from which customers may start.')).toBeInTheDocument();
    expect(screen.getByText('The goal target is a whole percentage from 1 to 100.')).toBeInTheDocument();
    expect(screen.getByText('Exit trigger 1 does not exist.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Start date and time/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Chosen exit triggers').textContent).toContain('Unknown trigger');
  });

  it('lets a journey ignore the channels’ frequency caps', async () => {
    const onChange = vi.fn();
    renderWithProviders(<JourneySettings value={draft} known={new Map([[cart.id, cart]])} readOnly={false} onChange={onChange} onRemember={() => {}} />, [options]);
    const toggle = screen.getByRole('switch', { name: /Send even when a recipient reached a channel’s frequency cap/ });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    expect(onChange).toHaveBeenCalledWith({ ...draft, ignoreFrequencyCap: true });
  });
});
