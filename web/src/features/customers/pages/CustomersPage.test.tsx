import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { CustomersDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CustomersPage } from './CustomersPage';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'MARKETER',
  permissions: ['workspace:read', 'customers:read', 'customers:write'],
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
};

const customer = (n: number, over: Record<string, unknown> = {}) => ({
  __typename: 'Customer',
  id: `c${n}`,
  kind: 'CONTACT',
  authId: `crm-${n}`,
  firstName: 'Customer',
  lastName: String(n),
  email: `customer-${n}@example.com`,
  phone: null,
  createdAt: '2026-11-22T10:00:00.000Z',
  erasedAt: null,
  ...over,
});

const page = (nodes: ReturnType<typeof customer>[], totalCount: number, endCursor: string | null) => ({
  data: {
    customers: {
      __typename: 'CustomerConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
      nodes,
    },
  },
});
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => customer(from + i));
const filter = (over: Record<string, unknown> = {}) => ({ filter: { search: null, kind: null, consent: null, ...over } });

function renderPage(mocks: Parameters<typeof renderWithProviders>[1]) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Routes>
        <Route path="/customers" element={<CustomersPage />} />
        <Route path="/customers/:id" element={<p>Customer page</p>} />
      </Routes>
    </RequireViewer>,
    [{ request: { query: ViewerDocument }, result: { data: { viewer } } }, ...(mocks ?? [])],
    '/customers',
  );
}

describe('CustomersPage', () => {
  it('pages 50 at a time with the total, and searches on the server as you type (debounced)', async () => {
    renderPage([
      { request: { query: CustomersDocument, variables: filter() }, result: page(range(1, 50), 120, 'c50') },
      { request: { query: CustomersDocument, variables: { ...filter(), after: 'c50' } }, result: page(range(51, 100), 120, 'c100') },
      { request: { query: CustomersDocument, variables: filter({ search: 'ada@' }) }, result: page([customer(500, { firstName: 'Ada', lastName: 'Lovelace' })], 1, null) },
    ]);
    expect(await screen.findByText('Customer 50')).toBeInTheDocument();
    expect(screen.getByText('Showing 50 of 120')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Customer 100')).toBeInTheDocument();
    expect(screen.getByText('Showing 100 of 120')).toBeInTheDocument();
    // One request for the whole word, not one per keystroke (only that one is mocked).
    await userEvent.type(screen.getByRole('textbox', { name: 'Search customers' }), 'ada@');
    expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('filters by kind and by consent', async () => {
    renderPage([
      { request: { query: CustomersDocument, variables: filter() }, result: page(range(1, 3), 3, null) },
      { request: { query: CustomersDocument, variables: filter({ kind: 'LEAD' }) }, result: page([customer(7, { kind: 'LEAD', firstName: 'Lead' })], 1, null) },
      {
        request: { query: CustomersDocument, variables: filter({ kind: 'LEAD', consent: { channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_OUT' } }) },
        result: page([], 0, null),
      },
    ]);
    expect(await screen.findByText('Customer 3')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), screen.getByRole('option', { name: 'Lead' }));
    expect(await screen.findByText('Lead 7')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Consent' }), screen.getByRole('option', { name: 'Email commercial: opted out' }));
    expect(await screen.findByText('No customers match')).toBeInTheDocument();
  });

  it('explains where customers come from when there are none', async () => {
    renderPage([{ request: { query: CustomersDocument, variables: filter() }, result: page([], 0, null) }]);
    expect(await screen.findByText('No customers yet')).toBeInTheDocument();
    expect(screen.getByText(/accepted event creates its customer/)).toBeInTheDocument();
    expect(screen.getByText('POST /v1/identify')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import CSV' })).toBeInTheDocument();
  });

  it('makes each row one tab stop, a real link that Enter follows', async () => {
    renderPage([{ request: { query: CustomersDocument, variables: filter() }, result: page([customer(1, { firstName: '<b>Ada</b>', lastName: null })], 1, null) }]);
    const link = await screen.findByRole('link', { name: '<b>Ada</b>' });
    expect(link).toHaveAttribute('href', '/customers/c1');
    const row = link.closest('tr')!;
    expect(within(row).getByText('crm-1')).toBeInTheDocument();
    expect(row.querySelectorAll('a[href], button, input, [tabindex]:not([tabindex="-1"])')).toHaveLength(1);
    expect(row.querySelector('[role="button"]')).toBeNull();
    link.focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Customer page')).toBeInTheDocument();
  });
});
