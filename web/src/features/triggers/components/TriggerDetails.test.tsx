import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../../gql';
import type { TriggerDetails_TriggerFragment } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { TriggerDetails_trigger, TriggerOverview } from './TriggerDetails';

const trigger = (over: Partial<TriggerDetails_TriggerFragment>) =>
  makeFragmentData(
    {
      id: 't1',
      key: 'cart_abandoned',
      kind: 'CUSTOM',
      title: 'Cart abandoned',
      description: '',
      category: 'TRANSACTION',
      identity: 'PROFILE',
      source: 'Shop',
      status: 'READY_TO_USE',
      hiddenAt: null,
      latestVersion: 1,
      editLockedUntil: null,
      outOfBox: false,
      canStartJourneys: true,
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
      currentVersion: { id: 'v1', number: 1, usableFrom: '2026-11-22T10:00:00.000Z', usableNow: true, attributes: [], allowedOperations: [] },
      ...over,
    },
    TriggerDetails_trigger,
  );

describe('TriggerOverview', () => {
  it('says a visible trigger’s current version is usable by journeys', () => {
    renderWithProviders(<TriggerOverview trigger={trigger({})} />);
    expect(screen.getByText(/usable by journeys/)).toBeInTheDocument();
    expect(screen.getByText('Can start journeys')).toBeInTheDocument();
  });

  it('says a hidden trigger cannot be used in journeys, and nothing suggesting it can', () => {
    const { container } = renderWithProviders(<TriggerOverview trigger={trigger({ hiddenAt: '2026-11-23T10:00:00.000Z' })} />);
    expect(container).not.toHaveTextContent(/usable by journeys|can start journeys|usable only inside journeys/i);
    expect(screen.getByText(/Hidden: cannot be used in journeys/)).toBeInTheDocument();
  });
});
