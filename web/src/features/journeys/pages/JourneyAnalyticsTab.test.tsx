import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { JourneyAnalyticsDocument, JourneyAnalyticsUpdatedDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { JourneyAnalyticsTab } from './JourneyAnalyticsTab';

const analytics = (entered: number, opened: number) => ({
  __typename: 'JourneyAnalytics',
  journeyId: 'j1',
  totals: {
    __typename: 'JourneyAnalyticsTotals',
    entered,
    customers: 8,
    active: 3,
    completed: 4,
    exited: 1,
    exitedByReason: [{ __typename: 'AnalyticsReasonCount', reason: 'EXIT_TRIGGER', count: 1 }],
    stopped: 0,
    failed: 2,
    refused: 5,
    refusedByReason: [{ __typename: 'AnalyticsReasonCount', reason: 'ALREADY_ACTIVE', count: 5 }],
    goalReached: 2,
    goalPercent: 25,
    goalTarget: 50,
  },
  tiles: [
    { __typename: 'JourneyTileAnalytics', stepId: 'email-1', inflow: entered, processing: 1, processed: entered - 1, exited: 0 },
    { __typename: 'JourneyTileAnalytics', stepId: 'wait-1', inflow: 6, processing: 2, processed: 3, exited: 1 },
  ],
  messages: [
    {
      __typename: 'JourneyMessageAnalytics',
      stepId: 'email-1',
      channel: 'EMAIL',
      sent: 8,
      delivered: 8,
      opened,
      openedHuman: opened,
      clicked: 1,
      bounced: 0,
      blocked: 1,
      failed: 0,
      held: 2,
      retrying: 0,
      deliveryRate: 1,
      openRate: opened / 8,
      clickRate: 0.125,
    },
  ],
  series: [{ __typename: 'JourneyAnalyticsPoint', at: '2030-01-01T10:00:00.000Z', entered, completed: 4, exited: 1, goalReached: 2 }],
});

const range = { from: '2029-12-30T13:00:00.000Z', to: '2030-01-01T12:00:00.001Z', granularity: 'HOUR' };
const variables = { journeyId: 'j1', range };
const query = { request: { query: JourneyAnalyticsDocument, variables }, result: { data: { journeyAnalytics: analytics(10, 2) } } };
const live = { request: { query: JourneyAnalyticsUpdatedDocument, variables }, result: { data: { journeyAnalyticsUpdated: analytics(11, 4) } } };

function renderTab(mocks: unknown[]) {
  // The series' window ends now: pin the clock so the variables match the mocks.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
  renderWithProviders(
    <JourneyAnalyticsTab journeyId="j1" steps={[{ id: 'email-1' }, { id: 'wait-1' }]} stepName={(id) => (id === 'email-1' ? 'Initial email' : 'Wait')} />,
    mocks as never,
  );
  vi.useRealTimers();
}

describe('JourneyAnalyticsTab', () => {
  it('shows totals, goal progress against the target and message rates', async () => {
    renderTab([query]);
    expect(await screen.findByTestId('total-Entered')).toHaveTextContent('10');
    expect(screen.getByTestId('total-Entries refused')).toHaveTextContent('5');
    expect(screen.getByText('25.0% of 8 customers reached the goal (target 50%).')).toBeInTheDocument();
    const messages = screen.getByRole('table', { name: 'Messages' });
    expect(within(messages).getByText('Initial email')).toBeInTheDocument();
    expect(within(messages).getByText('25.0%')).toBeInTheDocument();
    expect(within(messages).getByText('100.0%')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
  });

  it('follows the live subscription', async () => {
    renderTab([query, live]);
    expect(await screen.findByText('50.0%')).toBeInTheDocument();
    expect(screen.getByTestId('total-Entered')).toHaveTextContent('11');
  });
});
