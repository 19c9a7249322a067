import { fireEvent, screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { Route, Routes, useLocation, useNavigationType } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { TriggerDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { TriggerPage } from './TriggerPage';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'MARKETER',
  permissions: ['workspace:read', 'triggers:read', 'triggers:write', 'journeys:read', 'events:read'],
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [
    { __typename: 'Membership', id: 'm1', role: 'MARKETER', workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' } },
    { __typename: 'Membership', id: 'm2', role: 'DEVELOPER', workspace: { __typename: 'Workspace', id: 'w2', name: 'Outlet' } },
  ],
};

const trigger = (over: Record<string, unknown> = {}) => ({
  __typename: 'Trigger',
  id: 't1',
  liveJourneys: [],
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
  currentVersion: {
    __typename: 'TriggerVersion',
    id: 'v1',
    number: 1,
    usableFrom: '2026-11-22T10:00:00.000Z',
    usableNow: true,
    attributes: [
      { __typename: 'Attribute', name: 'total', displayName: 'Total', description: '', type: 'DECIMAL', required: true, maxLength: null, entity: null, comparators: [] },
    ],
    allowedOperations: [],
  },
  ...over,
});

/** Where the page is, and how it got there (REPLACE when a tab switch replaced the history entry). */
function Address() {
  const location = useLocation();
  return (
    <output data-testid="address" data-navigation={useNavigationType()}>
      {location.pathname + location.search}
    </output>
  );
}

function renderAt(url: string, data: ReturnType<typeof trigger> | null = trigger()) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Routes>
        <Route
          path="/triggers/:id"
          element={
            <>
              <TriggerPage />
              <Address />
            </>
          }
        />
      </Routes>
    </RequireViewer>,
    [
      { request: { query: ViewerDocument }, result: { data: { viewer } } },
      {
        request: { query: TriggerDocument, variables: { id: 't1' } },
        result: data ? { data: { trigger: data } } : { errors: [new GraphQLError('Trigger t1 not found.', { extensions: { code: 'NOT_FOUND' } })] },
      },
    ],
    url,
  );
}

const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent;
const address = () => screen.getByTestId('address');

let copied: string[] = [];
beforeEach(() => {
  copied = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async (text: string) => void copied.push(text)) } });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('TriggerPage tabs in the address', () => {
  it('opens the tab the address names, and switching tabs replaces the address', async () => {
    renderAt('/triggers/t1?tab=attributes');
    await screen.findByRole('heading', { name: 'Cart abandoned' }, { timeout: 5000 });
    expect(selectedTab()).toBe('Attributes (1)');
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    await waitFor(() => expect(address()).toHaveTextContent(/^\/triggers\/t1$/), { timeout: 5000 });
    expect(address()).toHaveAttribute('data-navigation', 'REPLACE');
    expect(selectedTab()).toBe('Overview');
    fireEvent.click(screen.getByRole('tab', { name: 'Integration' }));
    await waitFor(() => expect(address()).toHaveTextContent('/triggers/t1?tab=integration'), { timeout: 5000 });
    expect(selectedTab()).toBe('Integration');
  });

  it('shows the overview for an unknown tab', async () => {
    renderAt('/triggers/t1?tab=settings');
    await screen.findByRole('heading', { name: 'Cart abandoned' }, { timeout: 5000 });
    expect(selectedTab()).toBe('Overview');
  });

  it('has no Integration tab to open on an out-of-box trigger', async () => {
    renderAt('/triggers/t1?tab=integration', trigger({ outOfBox: true, kind: 'INTERACTION' }));
    await screen.findByRole('heading', { name: 'Cart abandoned' }, { timeout: 5000 });
    expect(selectedTab()).toBe('Overview');
    expect(screen.queryByRole('tab', { name: 'Integration' })).not.toBeInTheDocument();
  });

  it('opens a shared Integration link there, keeps the page’s other parameters, and copies the link for a developer', async () => {
    renderAt('/triggers/t1?tab=integration&status=rejected');
    await screen.findByRole('heading', { name: 'Cart abandoned' }, { timeout: 5000 });
    expect(selectedTab()).toBe('Integration');
    // A marketer cannot create keys: the page says who can, instead of offering a button that fails.
    expect(screen.getByText('A developer or admin sets up the key')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Copy link for a developer' }));
    await waitFor(() => expect(copied).toEqual([`${window.location.origin}/triggers/t1?tab=integration&workspace=w1`]), { timeout: 5000 });
    fireEvent.click(screen.getByRole('tab', { name: 'Versions (1)' }));
    await waitFor(() => expect(address()).toHaveTextContent('/triggers/t1?tab=versions&status=rejected'), { timeout: 5000 });
  });

  it('offers to switch to the workspace a shared link was copied in, when the trigger is not in the current one', async () => {
    renderAt('/triggers/t1?tab=integration&workspace=w2', null);
    expect(await screen.findByText('This link is for the workspace “Outlet”', {}, { timeout: 5000 })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to Outlet' }));
    expect(localStorage.getItem('flare.workspaceId')).toBe('w2');
  });

  it('says the trigger does not exist when the link names no other workspace of the viewer', async () => {
    renderAt('/triggers/t1?tab=integration&workspace=w9', null);
    expect(await screen.findByText(/does not exist|not found/i, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Switch to/ })).not.toBeInTheDocument();
  });
});
