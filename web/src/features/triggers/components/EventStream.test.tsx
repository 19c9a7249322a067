import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { EventHistoryDocument, EventStreamDocument, RefusedRequestsDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { EventStream, mergeEvents, PAGE_SIZE } from './EventStream';

const event = (id: string, authId: string, payload: Record<string, unknown>, over: { accepted?: boolean; receivedAt?: string } = {}) => ({
  __typename: 'TriggerEventRecord' as const,
  id,
  accepted: over.accepted ?? true,
  test: false,
  authId,
  receivedAt: over.receivedAt ?? `2026-11-22T10:00:0${id}.000Z`,
  version: 1,
  reasons: over.accepted === false ? [{ __typename: 'EventRejection' as const, code: 'MISSING_ATTRIBUTE', field: 'attributes.total', message: 'total is required' }] : [],
  payload,
});
const page = (nodes: ReturnType<typeof event>[], totalCount = nodes.length) => ({
  data: {
    triggerEventLog: { __typename: 'TriggerEventConnection', totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes },
  },
});
const history = (accepted: boolean | null, nodes: ReturnType<typeof event>[], totalCount?: number) => ({
  request: { query: EventHistoryDocument, variables: { id: 't1', accepted, first: PAGE_SIZE } },
  result: page(nodes, totalCount),
});
const stream = (events: ReturnType<typeof event>[], delay = 0) => ({
  request: { query: EventStreamDocument, variables: { id: 't1' } },
  result: { data: { triggerEvents: events } },
  delay,
});
/** The page's address as the router has it. */
function Address() {
  const location = useLocation();
  return <output aria-label="address">{location.search}</output>;
}
const rows = () =>
  within(screen.getByRole('table', { name: 'Received events' }))
    .getAllByRole('row')
    .slice(1);

describe('EventStream', () => {
  it('shows the bindingId under the customer when the event carries one, as text', async () => {
    renderWithProviders(<EventStream triggerId="t1" />, [
      history(null, []),
      stream([
        event('1', 'profile-42', { authId: 'profile-42', bindingId: 'cart/<b>8812</b>', attributes: { total: 1 } }),
        event('2', 'profile-43', { authId: 'profile-43', attributes: { total: 2 } }),
      ]),
    ]);
    expect(await screen.findByText('cart/<b>8812</b>')).toHaveAttribute('title', expect.stringMatching(/^bindingId/));
    expect(screen.getByText('profile-43').closest('td')).toHaveTextContent(/^profile-43$/);
  });

  it('loads the recent events from the server, then merges streamed ones, each once, newest first', async () => {
    renderWithProviders(<EventStream triggerId="t1" />, [
      history(null, [event('2', 'c-2', { attributes: { total: 2 } }), event('1', 'c-1', { attributes: {} }, { accepted: false })]),
      // The stream delivers one already loaded (2) and a new one (3), after the history arrived.
      stream([event('2', 'c-2', { attributes: { total: 2 } }), event('3', 'c-3', { attributes: { total: 3 } })], 50),
    ]);
    expect(await screen.findByText('c-1')).toBeInTheDocument();
    expect(screen.getByText(/total is required/)).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((r) => within(r).getAllByRole('cell')[2].textContent)).toEqual(['c-3', 'c-2', 'c-1']);
    expect(screen.getByText('Showing 3 of 3 events')).toBeInTheDocument();
    // The payload as sent, behind a keyboard-reachable disclosure.
    expect(within(rows()[0]).getByText('Payload').tagName).toBe('SUMMARY');
  });

  it('reads its filter from the address and writes it there, keeping the page’s other parameters', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <EventStream triggerId="t1" />
        <Address />
      </>,
      [
        history(false, [event('1', 'c-rejected', { attributes: {} }, { accepted: false })]),
        history(true, [event('2', 'c-accepted', { attributes: { total: 1 } })]),
        // Streamed while "rejected" is shown: an accepted event stays out of the list.
        stream([event('3', 'c-live-accepted', { attributes: { total: 3 } })], 50),
      ],
      '/?tab=integration&status=rejected',
    );
    expect(await screen.findByText('c-rejected')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Rejected' })).toBeChecked();
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByText('c-live-accepted')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Accepted' }));
    expect(await screen.findByText('c-accepted')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'address' })).toHaveTextContent('?tab=integration&status=accepted');
    // The live event that arrived earlier shows under its own filter.
    expect(screen.getByText('c-live-accepted')).toBeInTheDocument();
    expect(screen.queryByText('c-rejected')).not.toBeInTheDocument();
  });
});

describe('EventStream pause', () => {
  it('holds events streamed while paused and shows them, once, on resume', async () => {
    const user = userEvent.setup();
    renderWithProviders(<EventStream triggerId="t1" />, [history(null, [event('1', 'c-1', {})]), stream([event('1', 'c-1', {}), event('2', 'c-held', {})], 1_000)]);
    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('c-1')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(screen.queryByText('c-held')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByText('c-held')).toBeInTheDocument();
    expect(rows()).toHaveLength(2);
  });
});

describe('EventStream refused requests', () => {
  it('lists the workspace’s refused requests with reason, trigger, origin and key prefix when the address asks for them', async () => {
    const refusal = (id: string, reason: string, origin: string | null, triggerKey: string | null) => ({
      __typename: 'RefusedRequest' as const,
      id,
      receivedAt: '2026-11-22T10:00:00.000Z',
      endpoint: '/v1/events',
      reason,
      message: `refused: ${reason}`,
      origin,
      keyPrefix: 'fik_AbCd2345',
      triggerKey,
      triggerTitle: triggerKey === 'order_placed' ? 'Order placed' : null,
      items: 1,
    });
    renderWithProviders(
      <EventStream triggerId="t1" triggerKey="order_placed" />,
      [
        stream([]),
        {
          request: { query: RefusedRequestsDocument, variables: { first: 25 } },
          result: {
            data: {
              refusedRequests: {
                __typename: 'RefusedRequestConnection',
                totalCount: 2,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                nodes: [refusal('2', 'ORIGIN_NOT_ALLOWED', 'https://evil.example', 'order_placed'), refusal('1', 'UNKNOWN_TRIGGER', null, 'order_plcaed')],
              },
            },
          },
        },
      ],
      '/?status=refused',
    );
    const table = await screen.findByRole('table', { name: 'Refused requests' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent(/ORIGIN_NOT_ALLOWED.*Order placed.*order_placed.*https:\/\/evil\.example.*fik_AbCd2345/);
    expect(second).toHaveTextContent(/UNKNOWN_TRIGGER.*order_plcaed \(no such trigger\).*no origin \(server\)/);
    expect(screen.getByRole('radio', { name: 'Refused requests' })).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Pause' })).not.toBeInTheDocument();
  });
});

describe('mergeEvents', () => {
  it('keeps each id once, newest first by time then id', () => {
    const a = event('10', 'a', {}, { receivedAt: '2026-11-22T10:00:00.000Z' });
    const b = event('9', 'b', {}, { receivedAt: '2026-11-22T10:00:00.000Z' });
    const c = event('11', 'c', {}, { receivedAt: '2026-11-22T09:00:00.000Z' });
    expect(mergeEvents([a, c], [c, b, a]).map((e) => e.id)).toEqual(['10', '9', '11']);
  });
});
