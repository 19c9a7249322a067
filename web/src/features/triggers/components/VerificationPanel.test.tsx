import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WatchVerificationDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { VerificationPanel } from './VerificationPanel';

const state = (over: Record<string, unknown>) => ({
  __typename: 'TriggerVerification',
  status: 'AWAITING_FIRST_EVENT',
  readyAt: null,
  validCount: 0,
  invalidCount: 0,
  firstEventAt: null,
  lastEventAt: null,
  recentRejections: [],
  ...over,
});

describe('VerificationPanel', () => {
  it('shows status, counters and rejection reasons as they stream in', async () => {
    renderWithProviders(<VerificationPanel triggerId="t1" />, [
      {
        request: { query: WatchVerificationDocument, variables: { id: 't1' } },
        result: {
          data: {
            triggerVerification: state({
              status: 'READY_TO_USE',
              validCount: 7,
              invalidCount: 2,
              recentRejections: [
                {
                  __typename: 'RecentRejection',
                  at: '2026-11-22T10:00:00.000Z',
                  reasons: [{ __typename: 'EventRejection', code: 'MISSING_ATTRIBUTE', field: 'attributes.total', message: 'Required attribute “total” is missing.' }],
                },
              ],
            }),
          },
        },
      },
    ]);
    expect(await screen.findByText('Ready to use')).toBeInTheDocument();
    expect(screen.getByLabelText('Valid events')).toHaveTextContent('7');
    expect(screen.getByLabelText('Rejected events')).toHaveTextContent('2');
    expect(screen.getByText(/MISSING_ATTRIBUTE \(attributes.total\)/)).toBeInTheDocument();
  });

  it('says it is waiting before the first valid event', async () => {
    renderWithProviders(<VerificationPanel triggerId="t2" />, [
      { request: { query: WatchVerificationDocument, variables: { id: 't2' } }, result: { data: { triggerVerification: state({}) } } },
    ]);
    expect(await screen.findByText(/Waiting for the first valid event/)).toBeInTheDocument();
  });
});
