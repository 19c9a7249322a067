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
  memberships: [
    { __typename: 'Membership', id: 'm1', role: 'ADMIN', workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' } },
    { __typename: 'Membership', id: 'm2', role: 'VIEWER', workspace: { __typename: 'Workspace', id: 'w2', name: 'Outlet' } },
  ],
};

/** A window as wide as a desktop's, as far as `matchMedia('(max-width: 767px)')` tells. */
function wideScreen() {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query, addEventListener: () => undefined, removeEventListener: () => undefined }));
}
afterEach(() => vi.unstubAllGlobals());

function renderShell(onSwitchWorkspace: (id: string) => void = () => undefined) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Layout onSwitchWorkspace={onSwitchWorkspace} onSignedOut={() => undefined}>
        <Routes>
          <Route path="/triggers" element={<h1>Triggers page</h1>} />
          <Route path="/journeys" element={<h1>Journeys page</h1>} />
          <Route path="/account" element={<h1>Account page</h1>} />
        </Routes>
      </Layout>
    </RequireViewer>,
    [{ request: { query: ViewerDocument }, result: { data: { viewer } } }],
    '/triggers',
  );
}

describe('the shell header and side bar', () => {
  it('the side bar is one tab stop on the current section; arrows, Home and End move the focus, Enter opens the section', async () => {
    wideScreen();
    renderShell();
    await screen.findByRole('heading', { name: 'Triggers page' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const tabs = within(nav).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Triggers', 'Journeys', 'Content', 'Customers', 'Inbox', 'Live dashboard', 'Settings']);
    expect(within(nav).getByRole('tablist')).toHaveAttribute('aria-orientation', 'vertical');
    // Exactly one tab stop: the current section.
    expect(tabs.filter((tab) => tab.tabIndex === 0)).toEqual([tabs[0]]);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(tabs[1]).toHaveAttribute('aria-selected', 'false');

    tabs[0].focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(tabs[6]).toHaveFocus(); // round from the first to the last
    await userEvent.keyboard('{Home}');
    expect(tabs[0]).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(tabs[6]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(tabs[0]).toHaveFocus(); // and back round to the first
    await userEvent.keyboard('{ArrowDown}');
    expect(tabs[1]).toHaveFocus();
    // The tab stop follows the focus, and moving alone opens nothing.
    expect(tabs.filter((tab) => tab.tabIndex === 0)).toEqual([tabs[1]]);
    expect(screen.getByRole('heading', { name: 'Triggers page' })).toBeInTheDocument();

    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Journeys page' })).toBeInTheDocument();
    expect(tabs[1]).toHaveAttribute('aria-selected', 'true');
    expect(tabs[0]).toHaveAttribute('aria-selected', 'false');
    expect(tabs.filter((tab) => tab.tabIndex === 0)).toEqual([tabs[1]]);
  });

  it('the account button names who is signed in; Enter loads and opens the menu, a click closes and opens it', async () => {
    wideScreen();
    renderShell();
    await screen.findByRole('heading', { name: 'Triggers page' });
    const account = screen.getByRole('button', { name: /^Account: Ada Lovelace/ });
    expect(account).toHaveTextContent('ADMIN');
    expect(account).toHaveAttribute('aria-haspopup', 'menu');
    expect(account).not.toHaveAttribute('aria-expanded', 'true');
    expect(screen.queryByRole('menu')).toBeNull();

    account.focus();
    await userEvent.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Sign out' })).toBeInTheDocument();
    // (That the focus moves into it, and back to the button, is checked in a real browser, e2e/tests/account-menu.spec.ts:
    // jsdom has no layout, and Fluent's focus manager finds nothing focusable in it.)
    const trigger = screen.getByRole('button', { name: /^Account: Ada Lovelace/, hidden: true });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');

    // A click on the button closes it again.
    await userEvent.click(trigger);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(trigger).not.toHaveAttribute('aria-expanded', 'true');

    // Loaded once, the button opens the menu as any menu button; its items work.
    await userEvent.click(screen.getByRole('button', { name: /^Account: Ada Lovelace/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Account and password' }));
    expect(await screen.findByRole('heading', { name: 'Account page' })).toBeInTheDocument();
  });

  it('the workspace switcher is a labelled select of the memberships: choosing one switches, "New workspace…" opens the dialog', async () => {
    wideScreen();
    const onSwitchWorkspace = vi.fn();
    renderShell(onSwitchWorkspace);
    await screen.findByRole('heading', { name: 'Triggers page' });
    const switcher = screen.getByRole('combobox', { name: 'Workspace' });
    expect(
      within(switcher)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Shop · admin', 'Outlet · viewer', 'New workspace…']);
    expect(switcher).toHaveDisplayValue('Shop · admin');

    await userEvent.selectOptions(switcher, 'w2');
    await waitFor(() => expect(onSwitchWorkspace).toHaveBeenCalledWith('w2'));

    await userEvent.selectOptions(switcher, screen.getByRole('option', { name: 'New workspace…' }));
    expect(await screen.findByRole('dialog', { name: /workspace/i, hidden: true })).toBeInTheDocument();
    // The switcher still shows the workspace the app is in.
    expect(switcher).toHaveDisplayValue('Shop · admin');
    expect(onSwitchWorkspace).toHaveBeenCalledTimes(1);
  });
});
