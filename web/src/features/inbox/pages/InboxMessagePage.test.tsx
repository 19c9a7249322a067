import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { InboxMessageDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { InboxMessagePage } from './InboxMessagePage';

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

const HTML =
  '<!doctype html><html><head><title>x</title></head><body><p>Hi Ada</p><a href="https://t.example.com/c/1">Back to your cart</a>' +
  '<a href="javascript:alert(1)">Bad</a><img src="https://t.example.com/o/1.gif" alt=""><script>parent.alert(1)</script></body></html>';

const email = {
  __typename: 'InboxMessage',
  id: 'm1',
  messageId: 'msg-1',
  channel: 'EMAIL',
  recipient: 'ada@example.com',
  fromName: 'Shop',
  subject: 'Your cart is waiting',
  htmlBody: HTML,
  textBody: 'Hi Ada\nBack to your cart: https://t.example.com/c/1',
  body: null,
  title: null,
  link: null,
  headers: { 'List-Unsubscribe': '<https://flare.example.com/u/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  test: false,
  receivedAt: '2026-11-22T10:00:00.000Z',
};

function renderPage(message: Record<string, unknown>) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Routes>
        <Route path="/inbox/:id" element={<InboxMessagePage />} />
      </Routes>
    </RequireViewer>,
    [
      { request: { query: ViewerDocument }, result: { data: { viewer } } },
      { request: { query: InboxMessageDocument, variables: { id: message.id } }, result: { data: { inboxMessage: message } } },
    ],
    `/inbox/${String(message.id)}`,
  );
}

describe('InboxMessagePage', () => {
  it('shows the HTML only in a sandbox without scripts or same origin, its links opening a new tab', async () => {
    renderPage(email);
    expect(await screen.findByRole('heading', { name: 'Your cart is waiting' }, slow)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Inbox' })).toHaveAttribute('href', '/inbox');
    expect(screen.getByRole('tab', { name: 'HTML' })).toHaveAttribute('aria-selected', 'true');
    const frame = screen.getByTitle('Email HTML');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    expect(frame.getAttribute('sandbox')).not.toMatch(/allow-scripts|allow-same-origin/);
    const doc = frame.getAttribute('srcdoc')!;
    expect(doc).toContain('<head><base target="_blank"><title>x</title>');
    expect(doc).toContain('<img src="https://t.example.com/o/1.gif" alt="">');
    // Nothing of the message is rendered as HTML in Flare's own page.
    expect(document.querySelector('img[src*="t.example.com"]')).toBeNull();
    expect(screen.queryByText('Hi Ada')).toBeNull();

    await userEvent.click(screen.getByRole('tab', { name: 'Text' }));
    expect(screen.getByText(/Back to your cart: https:\/\/t.example.com\/c\/1/)).toBeInTheDocument();
  });

  it('lists the headers in a table', async () => {
    renderPage(email);
    await userEvent.click(await screen.findByRole('tab', { name: 'Headers (2)' }, slow));
    const table = screen.getByRole('table', { name: 'Headers' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['List-Unsubscribe', '<https://flare.example.com/u/abc>'],
      ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
    ]);
  });

  it('lists the links found in the HTML, each opening a new tab; a script URL is only text', async () => {
    renderPage(email);
    await userEvent.click(await screen.findByRole('tab', { name: 'Links (2)' }, slow));
    const list = screen.getByRole('list', { name: 'Links' });
    const link = within(list).getByRole('link');
    expect(link).toHaveTextContent('Back to your cart — https://t.example.com/c/1');
    expect(link).toHaveAttribute('href', 'https://t.example.com/c/1');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(list).getByText(/javascript:alert\(1\) \(not opened from here\)/)).toBeInTheDocument();
  });

  it('shows a text message’s body and its links, with a test badge', async () => {
    renderPage({
      ...email,
      id: 'm2',
      messageId: null,
      channel: 'TEXT',
      recipient: '+447700900123',
      fromName: null,
      subject: null,
      htmlBody: null,
      textBody: null,
      body: 'Code 1234 https://s.example.com/x',
      headers: {},
      test: true,
    });
    expect(await screen.findByRole('heading', { name: 'Text message to +447700900123' }, slow)).toBeInTheDocument();
    expect(screen.getByText('Test')).toBeInTheDocument();
    expect(screen.getByText('A test send')).toBeInTheDocument();
    expect(screen.getByText('Code 1234 https://s.example.com/x')).toBeInTheDocument();
    expect(screen.queryByTitle('Email HTML')).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: 'Links (1)' }));
    expect(screen.getByRole('link', { name: 'https://s.example.com/x' })).toHaveAttribute('target', '_blank');
  });

  it('says an invitation or password reset email was sent by Flare, not by a journey', async () => {
    renderPage({ ...email, id: 'm9', subject: 'Reset your Flare password', headers: { 'X-Flare-Account-Email': 'true' } });
    expect(await screen.findByText('Flare (an invitation or password reset email)', undefined, slow)).toBeInTheDocument();
    expect(screen.queryByText(/A journey/)).toBeNull();
  });
});
