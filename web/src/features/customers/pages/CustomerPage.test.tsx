import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import {
  CustomerConsentHistoryDocument,
  CustomerDocument,
  CustomerJourneyRunsDocument,
  CustomerTimelineDocument,
  EraseCustomerDocument,
  SetConsentDocument,
  ViewerDocument,
} from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CustomerPage } from './CustomerPage';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'MARKETER',
  permissions: ['workspace:read', 'customers:read', 'customers:write'],
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
};

type Status = 'OPTED_IN' | 'OPTED_OUT' | 'UNKNOWN';
const consents = (emailCommercial: Status, allows: boolean) =>
  (['EMAIL', 'TEXT', 'PUSH'] as const).flatMap((channel) =>
    (['COMMERCIAL', 'TRANSACTIONAL'] as const).map((purpose) => {
      const isIt = channel === 'EMAIL' && purpose === 'COMMERCIAL';
      return {
        __typename: 'CustomerConsentState',
        channel,
        purpose,
        status: isIt ? emailCommercial : 'UNKNOWN',
        allowsSending: isIt ? allows : channel !== 'TEXT',
        changedAt: isIt && emailCommercial !== 'UNKNOWN' ? '2026-11-28T09:00:00.000Z' : null,
        source: isIt && emailCommercial !== 'UNKNOWN' ? 'SPA' : null,
        contactPoint: isIt && emailCommercial !== 'UNKNOWN' ? 'ada@example.com' : null,
      };
    }),
  );

const ada = {
  __typename: 'Customer',
  id: 'c1',
  kind: 'CONTACT',
  authId: 'crm-42',
  email: 'ada@example.com',
  phone: '+442079460958',
  firstName: 'Ada',
  lastName: 'Lovelace',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  addressLine1: '12 St James’s Square',
  addressLine2: null,
  city: 'London',
  postalCode: 'SW1Y 4LB',
  region: null,
  country: 'GB',
  source: 'API',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  erasedAt: null,
  fields: { loyaltyTier: 'gold' },
  devices: [],
  consents: consents('UNKNOWN', true),
};

const customerResult = (customer: typeof ada) => ({
  data: { customer, customerFields: [{ __typename: 'CustomerField', name: 'loyaltyTier', label: 'Loyalty tier', type: 'TEXT' }] },
});
const history = (nodes: Record<string, unknown>[]) => ({
  data: {
    customer: {
      __typename: 'Customer',
      id: 'c1',
      consentHistory: { __typename: 'ConsentChangeConnection', totalCount: nodes.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes },
    },
  },
});
const optOut = {
  __typename: 'ConsentChange',
  id: 'h1',
  changedAt: '2026-11-28T09:00:00.000Z',
  channel: 'EMAIL',
  purpose: 'COMMERCIAL',
  status: 'OPTED_OUT',
  source: 'SPA',
  contactPoint: 'ada@example.com',
};

const event = (n: number, accepted: boolean) => ({
  __typename: 'TriggerEventRecord',
  id: `e${n}`,
  accepted,
  occurredAt: `2026-11-2${n % 8}T10:00:00.000Z`,
  triggerKey: accepted ? 'cart_abandoned' : 'no_such_trigger',
  version: accepted ? 2 : null,
  test: false,
  trigger: accepted ? { __typename: 'Trigger', id: 't1', title: 'Cart abandoned' } : null,
  reasons: accepted ? [] : [{ __typename: 'EventRejection', code: 'UNKNOWN_TRIGGER', field: 'trigger', message: 'No trigger has the key “no_such_trigger”.' }],
});
const timeline = (nodes: ReturnType<typeof event>[], totalCount = nodes.length, endCursor: string | null = null) => ({
  data: {
    customer: {
      __typename: 'Customer',
      id: 'c1',
      timeline: { __typename: 'TriggerEventConnection', totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor }, nodes },
    },
  },
});
const noEvents = { request: { query: CustomerTimelineDocument, variables: { id: 'c1', accepted: null } }, result: timeline([]) };

function renderPage(
  mocks: Parameters<typeof renderWithProviders>[1],
  events: Parameters<typeof renderWithProviders>[1] = [noEvents, noEvents],
  permissions: string[] = viewer.permissions,
) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Routes>
        <Route path="/customers/:id" element={<CustomerPage />} />
      </Routes>
    </RequireViewer>,
    [{ request: { query: ViewerDocument }, result: { data: { viewer: { ...viewer, permissions } } } }, ...(mocks ?? []), ...(events ?? [])],
    '/customers/c1',
  );
}

const journeyRun = (id: string, name: string, status: string, stepId: string | null) => ({
  __typename: 'JourneyRun',
  id,
  journeyId: `j-${id}`,
  status,
  stepId,
  enteredAt: '2026-11-28T09:00:00.000Z',
  journey: {
    __typename: 'Journey',
    id: `j-${id}`,
    name,
    definition: { __typename: 'JourneyDefinition', steps: [{ __typename: 'JourneyStep', id: 'email-1', type: 'SEND_EMAIL', label: 'Initial email' }] },
  },
});

describe('CustomerPage', () => {
  it('lists the customer’s journey runs, each a link to the run', async () => {
    renderPage(
      [
        { request: { query: CustomerDocument, variables: { id: 'c1' } }, result: customerResult(ada) },
        { request: { query: CustomerConsentHistoryDocument, variables: { id: 'c1' } }, result: history([]) },
        {
          request: { query: CustomerJourneyRunsDocument, variables: { id: 'c1' } },
          result: {
            data: {
              customer: {
                __typename: 'Customer',
                id: 'c1',
                journeyRuns: {
                  __typename: 'JourneyRunConnection',
                  totalCount: 2,
                  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                  nodes: [journeyRun('r1', 'Cart recovery', 'WAITING', 'email-1'), journeyRun('r2', 'Welcome', 'COMPLETED', null)],
                },
              },
            },
          },
        },
      ],
      undefined,
      [...viewer.permissions, 'journeys:read'],
    );
    const table = await screen.findByRole('table', { name: 'Journeys' }, { timeout: 5000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByRole('link', { name: 'Cart recovery' })).toHaveAttribute('href', '/journeys/j-r1/runs/r1');
    expect(within(rows[0]).getByText('Waiting')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Initial email')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: 'Welcome' })).toHaveAttribute('href', '/journeys/j-r2/runs/r2');
    expect(within(rows[1]).getByText('Completed')).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 2')).toBeInTheDocument();
  });

  it('has no Journeys section without journeys:read', async () => {
    renderPage([
      { request: { query: CustomerDocument, variables: { id: 'c1' } }, result: customerResult(ada) },
      { request: { query: CustomerConsentHistoryDocument, variables: { id: 'c1' } }, result: history([]) },
    ]);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Journeys' })).toBeNull();
  });

  it('shows identity and custom fields as text', async () => {
    renderPage([
      { request: { query: CustomerDocument, variables: { id: 'c1' } }, result: customerResult(ada) },
      { request: { query: CustomerConsentHistoryDocument, variables: { id: 'c1' } }, result: history([]) },
    ]);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    const identity = screen.getByRole('region', { name: 'Identity' });
    expect(within(identity).getByText('crm-42')).toBeInTheDocument();
    expect(within(identity).getByText('Europe/London')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Custom fields' })).getByText('gold')).toBeInTheDocument();
    expect(await screen.findByText('No consent changes yet')).toBeInTheDocument();
  });

  it('shows the timeline newest first with rejection reasons, filters it on the server and pages it', async () => {
    renderPage(
      [
        { request: { query: CustomerDocument, variables: { id: 'c1' } }, result: customerResult(ada) },
        { request: { query: CustomerConsentHistoryDocument, variables: { id: 'c1' } }, result: history([]) },
      ],
      [
        { request: { query: CustomerTimelineDocument, variables: { id: 'c1', accepted: null } }, result: timeline([event(7, true), event(6, false)], 3, 'e6') },
        { request: { query: CustomerTimelineDocument, variables: { id: 'c1', accepted: null, after: 'e6' } }, result: timeline([event(5, true)], 3) },
        { request: { query: CustomerTimelineDocument, variables: { id: 'c1', accepted: false } }, result: timeline([event(6, false)]) },
      ],
    );
    const events = await screen.findByRole('table', { name: 'Timeline' }, { timeout: 5000 });
    const rows = within(events).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByText(/^(Accepted|Rejected)$/).textContent)).toEqual(['Accepted', 'Rejected']);
    expect(within(rows[0]).getByRole('link', { name: 'Cart abandoned' })).toHaveAttribute('href', '/triggers/t1');
    expect(within(rows[1]).getByText('no_such_trigger')).toBeInTheDocument();
    expect(within(rows[1]).getByText('UNKNOWN_TRIGGER')).toBeInTheDocument();
    expect(within(rows[1]).getByText('No trigger has the key “no_such_trigger”.')).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 3')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more events' }));
    expect(await screen.findByText('Showing 3 of 3', undefined, { timeout: 5000 })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Events' }), screen.getByRole('option', { name: 'Rejected' }));
    expect(await screen.findByText('Showing 1 of 1', undefined, { timeout: 5000 })).toBeInTheDocument();
  });

  it('changes a consent after confirmation; the table shows what the policy allows and the history gains the change', async () => {
    renderPage([
      { request: { query: CustomerDocument, variables: { id: 'c1' } }, result: customerResult(ada) },
      { request: { query: CustomerConsentHistoryDocument, variables: { id: 'c1' } }, result: history([]) },
      {
        request: {
          query: SetConsentDocument,
          variables: { input: { customerId: 'c1', channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_OUT', contactPoint: 'ada@example.com' } },
        },
        result: { data: { setConsent: { __typename: 'Customer', id: 'c1', email: ada.email, phone: ada.phone, erasedAt: null, consents: consents('OPTED_OUT', false) } } },
      },
      { request: { query: CustomerConsentHistoryDocument, variables: { id: 'c1' } }, result: history([optOut]) },
    ]);
    const row = await screen.findByRole('row', { name: /^Email commercial/ });
    expect(within(row).getByText('Unknown')).toBeInTheDocument();
    expect(within(row).getByText('Can send')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Change Email commercial consent' }));
    const dialog = await screen.findByRole('dialog', { name: 'Email commercial consent' });
    expect(within(dialog).getByRole('button', { name: 'Change consent' })).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Opted out' }));
    expect(within(dialog).getByText(/no longer be sent/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change consent' }));
    expect(await within(row).findByText('Blocked', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(within(row).getByText('Opted out')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    const changes = await screen.findByRole('table', { name: 'Consent history' }, { timeout: 5000 });
    expect(within(changes).getByText('Email commercial')).toBeInTheDocument();
    expect(within(changes).getByText('Opted out')).toBeInTheDocument();
  });

  it('warns before recording an opt-in over an opt-out', async () => {
    renderPage([
      { request: { query: CustomerDocument, variables: { id: 'c1' } }, result: customerResult({ ...ada, consents: consents('OPTED_OUT', false) }) },
      { request: { query: CustomerConsentHistoryDocument, variables: { id: 'c1' } }, result: history([optOut]) },
    ]);
    const row = await screen.findByRole('row', { name: /^Email commercial/ });
    await userEvent.click(within(row).getByRole('button', { name: 'Change Email commercial consent' }));
    const dialog = await screen.findByRole('dialog', { name: 'Email commercial consent' });
    expect(within(dialog).getByRole('radio', { name: 'Opted out (now)' })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Opted in' }));
    expect(within(dialog).getByText(/This customer opted out\. Record an opt-in only when they gave it to you again/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(row).getByText('Opted out')).toBeInTheDocument();
  });

  it('erases only after the exact authId is typed, then shows the erased state', async () => {
    const erasedAda = {
      ...ada,
      authId: 'erased:c1',
      email: null,
      phone: null,
      firstName: null,
      lastName: null,
      locale: null,
      timeZone: null,
      addressLine1: null,
      city: null,
      postalCode: null,
      country: null,
      fields: {},
      erasedAt: '2026-11-28T10:00:00.000Z',
      consents: consents('UNKNOWN', true),
    } as unknown as typeof ada;
    renderPage([
      { request: { query: CustomerDocument, variables: { id: 'c1' } }, result: customerResult(ada) },
      { request: { query: CustomerConsentHistoryDocument, variables: { id: 'c1' } }, result: history([optOut]) },
      {
        request: { query: EraseCustomerDocument, variables: { input: { id: 'c1', confirmAuthId: 'crm-42' } } },
        result: { data: { eraseCustomer: { __typename: 'EraseCustomerPayload', id: 'c1' } } },
      },
      { request: { query: CustomerDocument, variables: { id: 'c1' } }, result: customerResult(erasedAda) },
      { request: { query: CustomerConsentHistoryDocument, variables: { id: 'c1' } }, result: history([{ ...optOut, contactPoint: null }]) },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Erase' }));
    const dialog = await screen.findByRole('dialog');
    const erase = within(dialog).getByRole('button', { name: 'Erase customer' });
    const confirm = within(dialog).getByRole('textbox', { name: /Type the customer’s authId/ });
    expect(erase).toBeDisabled();
    await userEvent.type(confirm, 'crm-4');
    expect(erase).toBeDisabled();
    expect(within(dialog).getByText('That is not this customer’s authId.')).toBeInTheDocument();
    await userEvent.type(confirm, '22');
    expect(erase).toBeDisabled();
    await userEvent.clear(confirm);
    await userEvent.type(confirm, 'CRM-42');
    expect(erase).toBeDisabled();
    await userEvent.clear(confirm);
    await userEvent.type(confirm, 'crm-42');
    expect(erase).toBeEnabled();
    await userEvent.click(erase);
    expect(await screen.findByRole('heading', { name: 'Erased customer' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(/Personal data was removed and the customer’s events and messages anonymised/)).toBeInTheDocument();
    expect(screen.queryByText('Ada')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Erase' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Change .* consent$/ })).toBeNull();
  });
});
