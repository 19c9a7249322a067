import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../../gql';
import { renderWithProviders } from '../../../test/render';
import { RunMessage, RunMessage_message } from './RunMessage';

const message = (over: object) =>
  makeFragmentData(
    {
      __typename: 'JourneyMessage',
      id: 'm1',
      stepId: 'email-1',
      channel: 'EMAIL',
      recipient: 'ada@example.com',
      senderName: null,
      subject: 'Hello',
      htmlBody: null,
      textBody: 'Hello',
      body: null,
      title: null,
      link: null,
      status: 'QUEUED',
      reason: null,
      reasonDetail: null,
      interactions: [],
      createdAt: '2026-11-28T09:00:00.000Z',
      sentAt: null,
      ...over,
    } as never,
    RunMessage_message,
  );

describe('RunMessage', () => {
  it('says a message is held for quiet hours and until when', () => {
    renderWithProviders(<RunMessage stepName="Email" message={message({ reason: 'QUIET_HOURS', reasonDetail: 'until 08:00 America/New_York' })} />);
    expect(screen.getByText('Queued: held for quiet hours')).toBeInTheDocument();
    expect(screen.getByText('until 08:00 America/New_York')).toBeInTheDocument();
  });

  it('names the frequency-cap window that blocked a message', () => {
    renderWithProviders(<RunMessage stepName="Email" message={message({ status: 'BLOCKED', reason: 'FREQUENCY_CAP', reasonDetail: '24H: 2 per 24 hours' })} />);
    expect(screen.getByText('Blocked: frequency cap reached')).toBeInTheDocument();
    expect(screen.getByText('24H: 2 per 24 hours')).toBeInTheDocument();
  });
});
