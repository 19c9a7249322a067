import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EventStreamDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { EventStream } from './EventStream';

const event = (id: string, authId: string, payload: Record<string, unknown>) => ({
  __typename: 'TriggerEventRecord',
  id,
  accepted: true,
  test: false,
  authId,
  receivedAt: '2026-11-22T10:00:00.000Z',
  version: 1,
  reasons: [],
  payload,
});

describe('EventStream', () => {
  it('shows the bindingId under the customer when the event carries one, as text', async () => {
    renderWithProviders(<EventStream triggerId="t1" />, [
      {
        request: { query: EventStreamDocument, variables: { id: 't1' } },
        result: {
          data: {
            triggerEvents: [
              event('1', 'profile-42', { authId: 'profile-42', bindingId: 'cart/<b>8812</b>', attributes: { total: 1 } }),
              event('2', 'profile-43', { authId: 'profile-43', attributes: { total: 2 } }),
            ],
          },
        },
      },
    ]);
    expect(await screen.findByText('cart/<b>8812</b>')).toHaveAttribute('title', expect.stringMatching(/^bindingId/));
    expect(screen.getByText('profile-43').closest('td')).toHaveTextContent(/^profile-43$/);
  });
});
