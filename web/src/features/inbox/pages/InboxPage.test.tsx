import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { InboxMessagesDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { InboxPage } from './InboxPage';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'MARKETER',
  permissions: ['workspace:read', 'journeys:read'],
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
};
const slow = { timeout: 5000 };

const message = (id: string, over: Record<string, unknown> = {}) => ({
  __typename: 'InboxMessage',
  id,
  channel: 'EMAIL',
  recipient: 'ada@example.com',
  fromName: 'Shop',
  subject: 'Your cart is waiting',
  title: null,
  body: null,
  textBody: 'You left 2 items in your cart.',
  test: false,
  receivedAt: '2026-11-22T10:00:00.000Z',
  ...over,
});
const page = (nodes: ReturnType<typeof message>[], endCursor: string | null = null, totalCount = nodes.length) => ({
  data: { inboxMessages: { __typename: 'InboxMessageConnection', totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor }, nodes } },
});

function renderPage(mocks: Parameters<typeof renderWithProviders>[1], url = '/inbox') {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Routes>
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="/inbox/:id" element={<p>Message page</p>} />
      </Routes>
    </RequireViewer>,
    [{ request: { query: ViewerDocument }, result: { data: { viewer } } }, ...(mocks ?? [])],
    url,
  );
}

describe('InboxPage', () => {
  it('lists messages newest first as links, with recipient, preview and a test badge, and loads more', async () => {
    renderPage([
      {
        request: { query: InboxMessagesDocument, variables: { channel: null } },
        result: page(
          [message('m2', { channel: 'TEXT', recipient: '+447700900123', subject: null, textBody: null, body: 'Your code is 1234', test: true }), message('m1')],
          'm1',
          3,
        ),
      },
      { request: { query: InboxMessagesDocument, variables: { channel: null, after: 'm1' } }, result: page([message('m0', { subject: 'Welcome' })], null, 3) },
    ]);
    const table = await screen.findByRole('table', { name: 'Inbox messages' }, slow);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByRole('link', { name: 'Your code is 1234' })).toHaveAttribute('href', '/inbox/m2');
    expect(within(rows[0]).getByText('Test')).toBeInTheDocument();
    expect(within(rows[0]).getByText('+447700900123')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: 'Your cart is waiting' })).toHaveAttribute('href', '/inbox/m1');
    expect(within(rows[1]).getByText('You left 2 items in your cart.')).toBeInTheDocument();
    expect(within(rows[1]).queryByText('Test')).toBeNull();
    // One tab stop per row: the link, nothing else focusable inside.
    for (const row of rows) expect(row.querySelectorAll('a, button, [tabindex]')).toHaveLength(1);
    expect(screen.getByText('Showing 2 of 3')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Welcome' }, slow)).toBeInTheDocument();
    expect(screen.getByText('Showing 3 of 3')).toBeInTheDocument();
  });

  it('opens a message with Enter on its link, or a click on its row', async () => {
    renderPage([{ request: { query: InboxMessagesDocument, variables: { channel: null } }, result: page([message('m1')]) }]);
    const link = await screen.findByRole('link', { name: 'Your cart is waiting' }, slow);
    link.focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Message page')).toBeInTheDocument();
  });

  it('filters by channel on the server, and explains an empty inbox', async () => {
    renderPage([
      { request: { query: InboxMessagesDocument, variables: { channel: null } }, result: page([message('m1')]) },
      { request: { query: InboxMessagesDocument, variables: { channel: 'PUSH' } }, result: page([]) },
    ]);
    await screen.findByRole('link', { name: 'Your cart is waiting' }, slow);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), screen.getByRole('option', { name: 'Push' }));
    expect(await screen.findByText('No push messages', undefined, slow)).toBeInTheDocument();
    expect(screen.getByText(/Messages sent by journeys and test sends appear here while the channel uses the Flare inbox/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Settings → Channels' })).toHaveAttribute('href', '/settings/channels');
  });

  it('asks again on Refresh', async () => {
    renderPage(
      [
        { request: { query: InboxMessagesDocument, variables: { channel: 'EMAIL' } }, result: page([]) },
        { request: { query: InboxMessagesDocument, variables: { channel: 'EMAIL' } }, result: page([message('m9', { subject: 'Just arrived' })]) },
      ],
      '/inbox?channel=EMAIL',
    );
    expect(await screen.findByText('No email messages', undefined, slow)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('link', { name: 'Just arrived' }, slow)).toBeInTheDocument();
  });
});
