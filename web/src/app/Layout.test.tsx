import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewerDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { RequireViewer } from './auth';
import { Layout } from './Layout';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'ADMIN',
  permissions: ['workspace:read'],
  user: { __typename: 'User', id: 'u0', email: 'ada@example.com', name: 'Ada Lovelace' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [{ __typename: 'Membership', role: 'ADMIN', workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' } }],
};

/**
 * The drawer, found among hidden elements too: in jsdom, Fluent's focus manager leaves an aria-hidden on a wrapper of
 * the portal it opens in (a real browser does not; e2e/tests/phone.spec.ts finds it by role and name there).
 */
const findDrawer = () => screen.findByRole('dialog', { name: 'Navigation', hidden: true });
const queryDrawer = () => screen.queryByRole('dialog', { name: 'Navigation', hidden: true });

/** A window as wide or as narrow as a phone, as far as `matchMedia('(max-width: 767px)')` tells. */
function screenWidth(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('max-width: 767px') ? width <= 767 : false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}
afterEach(() => vi.unstubAllGlobals());

function renderShell(url = '/triggers') {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Layout onSwitchWorkspace={() => undefined} onSignedOut={() => undefined}>
        <Routes>
          <Route path="/triggers" element={<h1>Triggers page</h1>} />
          <Route path="/customers" element={<h1>Customers page</h1>} />
        </Routes>
      </Layout>
    </RequireViewer>,
    [{ request: { query: ViewerDocument }, result: { data: { viewer } } }],
    url,
  );
}

describe('Layout', () => {
  it('on a wide screen: a side bar of tabs, no menu button, and a skip link before it that moves the focus to the content', async () => {
    screenWidth(1440);
    renderShell();
    await screen.findByRole('heading', { name: 'Triggers page' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('tab', { name: 'Triggers' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('button', { name: 'Navigation menu' })).toBeNull();

    // The skip link comes before everything else that takes the focus (e2e/tests/keyboard.spec.ts tabs to it).
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    const workspace = screen.getByRole('combobox', { name: 'Workspace' });
    expect(skip.compareDocumentPosition(workspace) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await userEvent.click(skip);
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('on a phone: a menu button opens a drawer with the same sections as links; Escape closes it', async () => {
    screenWidth(390);
    renderShell();
    await screen.findByRole('heading', { name: 'Triggers page' });
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    const menu = screen.getByRole('button', { name: 'Navigation menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(menu);
    const drawer = await findDrawer();
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    const links = within(drawer).getAllByRole('link', { hidden: true });
    expect(links.map((l) => l.textContent)).toEqual(['Triggers', 'Journeys', 'Content', 'Customers', 'Inbox', 'Live dashboard', 'Settings']);
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/triggers', '/journeys', '/content', '/customers', '/inbox', '/live', '/settings']);
    expect(within(drawer).getByRole('link', { name: 'Triggers', hidden: true })).toHaveAttribute('aria-current', 'page');
    expect(within(drawer).getByRole('link', { name: 'Journeys', hidden: true })).not.toHaveAttribute('aria-current');

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(queryDrawer()).toBeNull());
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('on a phone: following a link in the drawer opens the page and closes the drawer', async () => {
    screenWidth(390);
    renderShell();
    await screen.findByRole('heading', { name: 'Triggers page' });
    await userEvent.click(screen.getByRole('button', { name: 'Navigation menu' }));
    const drawer = await findDrawer();
    await userEvent.click(within(drawer).getByRole('link', { name: 'Customers', hidden: true }));
    expect(await screen.findByRole('heading', { name: 'Customers page' })).toBeInTheDocument();
    await waitFor(() => expect(queryDrawer()).toBeNull());
    expect(screen.getByRole('button', { name: 'Navigation menu' })).toHaveAttribute('aria-expanded', 'false');
  });
});
