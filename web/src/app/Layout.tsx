import { Button, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import {
  Flash20Regular,
  Flowchart20Regular,
  Mail20Regular,
  MailInbox20Regular,
  Navigation24Regular,
  People20Regular,
  Pulse20Regular,
  Settings20Regular,
} from '@fluentui/react-icons';
import { lazy, startTransition, Suspense, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSignOut } from '../features/auth/hooks/useSignOut';
import { useDialogFocusReturn } from '../ui/useDialogFocusReturn';
import { NARROW_SCREEN, useMediaQuery } from '../ui/useMediaQuery';
import { useAuth } from './auth';
import { NavTabs } from './NavTabs';
import { useUnsavedChanges } from '../ui/UnsavedChanges';
import { VisuallyHidden } from '../ui/VisuallyHidden';

// Loaded when needed: the drawer only on a phone, the new-workspace dialog when it is opened.
const NavDrawer = lazy(() => import('./NavDrawer').then((module) => ({ default: module.NavDrawer })));
// The account menu when it is first opened (fetched as soon as its button is pointed at or focused).
const loadAccountMenu = () => import('./AccountMenu');
const AccountMenu = lazy(() => loadAccountMenu().then((module) => ({ default: module.AccountMenu })));
const CreateWorkspaceDialog = lazy(() => import('../features/auth/components/CreateWorkspaceDialog').then((module) => ({ default: module.CreateWorkspaceDialog })));

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateColumns: '220px minmax(0, 1fr)', gridTemplateRows: 'auto 1fr', minHeight: '100vh' },
  // One column on a phone: the navigation is a drawer, the page takes the whole width.
  shellNarrow: { gridTemplateColumns: 'minmax(0, 1fr)' },
  top: {
    gridColumn: '1 / -1',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    minHeight: '56px',
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  topNarrow: { gap: tokens.spacingHorizontalS, padding: `0 ${tokens.spacingHorizontalS}` },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  // The workspace name shrinks (and is cut with an ellipsis by the dropdown) before anything leaves the screen.
  workspace: { minWidth: 0, flexShrink: 1 },
  workspaceNarrow: { minWidth: 0, maxWidth: '60vw' },
  spacer: { flexGrow: 1 },
  // Just the avatar on a phone, without the button's minimum width.
  accountNarrow: { minWidth: 0, padding: tokens.spacingHorizontalXS },
  // Who is signed in: initials in a circle, then the name over the role (as a small Fluent Persona shows them).
  person: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, textAlign: 'start' },
  initials: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground6,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  personText: { display: 'flex', flexDirection: 'column', lineHeight: tokens.lineHeightBase200 },
  personRole: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
  nav: { padding: tokens.spacingVerticalM, borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { minWidth: 0, padding: tokens.spacingHorizontalXXL, ':focus': { outlineStyle: 'none' } },
  mainNarrow: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  // Off screen until focused: the first tab stop of every page, straight past the header and navigation.
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    ':focus': { top: tokens.spacingVerticalS },
  },
});

export const NAV_ITEMS = [
  { path: '/triggers', label: 'Triggers', icon: <Flash20Regular /> },
  { path: '/journeys', label: 'Journeys', icon: <Flowchart20Regular /> },
  { path: '/content', label: 'Content', icon: <Mail20Regular /> },
  { path: '/customers', label: 'Customers', icon: <People20Regular /> },
  { path: '/inbox', label: 'Inbox', icon: <MailInbox20Regular /> },
  { path: '/live', label: 'Live dashboard', icon: <Pulse20Regular /> },
  { path: '/settings', label: 'Settings', icon: <Settings20Regular /> },
] as const;

const NEW_WORKSPACE = '__new__';

/** Up to two initials of a name ("Ada Lovelace" → "AL"). */
function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
}

/** App shell: brand, workspace switcher, user menu, navigation (a side bar, or a drawer behind a menu button on a phone). */
export function Layout({ children, onSwitchWorkspace, onSignedOut }: { children: ReactNode; onSwitchWorkspace: (id: string) => void; onSignedOut: () => void }) {
  const styles = useStyles();
  const { viewer } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [signOut] = useSignOut();
  const [creating, setCreating] = useState(false);
  const narrow = useMediaQuery(NARROW_SCREEN);
  // The page the drawer was opened on: it is open only there, so it closes whenever the page changes (a link in it,
  // the browser's back button) and when the window widens.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = narrow && menuOpenOn === location.pathname;
  const mainRef = useRef<HTMLElement>(null);
  // Also gives the focus back to the navigation menu button when the drawer closes.
  useDialogFocusReturn();
  const { confirmDiscard } = useUnsavedChanges();
  /** Unsaved edits belong to this workspace: ask before leaving them, and land on the section's list, not a detail of another workspace. */
  const switchWorkspace = async (id: string) => {
    if (!(await confirmDiscard())) return;
    void navigate(current);
    onSwitchWorkspace(id);
  };
  const current = NAV_ITEMS.find((item) => location.pathname.startsWith(item.path))?.path ?? '/triggers';
  const skipToContent = (event: MouseEvent) => {
    event.preventDefault();
    mainRef.current?.focus(); // which scrolls it into view
  };
  const userName = viewer.user?.name ?? 'API key';
  const [accountMenu, setAccountMenu] = useState(false);
  const preloadAccountMenu = () => void loadAccountMenu().catch(() => null);
  const accountButton = (
    <Button
      appearance="subtle"
      aria-haspopup="menu"
      className={narrow ? styles.accountNarrow : undefined}
      onPointerEnter={preloadAccountMenu}
      onFocus={preloadAccountMenu}
      // Kept on screen (and focused) while the menu loads; then the menu replaces it, open.
      onClick={accountMenu ? undefined : () => startTransition(() => setAccountMenu(true))}
    >
      {/* Named by what it shows, after the word for what it is (an aria-label would hide the visible name). */}
      <VisuallyHidden>Account: </VisuallyHidden>
      <span className={styles.person}>
        <span className={styles.initials} aria-hidden>
          {initials(userName)}
        </span>
        {narrow ? (
          <VisuallyHidden>{userName}</VisuallyHidden>
        ) : (
          <span className={styles.personText}>
            <span>{userName}</span>
            {viewer.role && <span className={styles.personRole}>{viewer.role}</span>}
          </span>
        )}
      </span>
    </Button>
  );

  return (
    <div className={mergeClasses(styles.shell, narrow && styles.shellNarrow)}>
      <a href="#main" className={styles.skip} onClick={skipToContent}>
        Skip to content
      </a>
      <header className={mergeClasses(styles.top, narrow && styles.topNarrow)}>
        {narrow && (
          <Button appearance="subtle" icon={<Navigation24Regular />} aria-label="Navigation menu" aria-expanded={menuOpen} onClick={() => setMenuOpenOn(location.pathname)} />
        )}
        <span className={styles.brand}>
          <Flash20Regular color={tokens.colorPaletteDarkOrangeForeground1} /> {!narrow && 'Flare'}
        </span>
        <Select
          aria-label="Workspace"
          className={narrow ? styles.workspaceNarrow : styles.workspace}
          value={viewer.workspace?.id ?? ''}
          onChange={(_e, data) => (data.value === NEW_WORKSPACE ? setCreating(true) : data.value && void switchWorkspace(data.value))}
        >
          {!viewer.workspace && <option value="">No workspace</option>}
          {viewer.memberships.map((m) => (
            <option key={m.workspace.id} value={m.workspace.id}>
              {m.workspace.name} · {m.role.toLowerCase()}
            </option>
          ))}
          <option value={NEW_WORKSPACE}>New workspace…</option>
        </Select>
        <span className={styles.spacer} />
        <Suspense fallback={accountButton}>
          {accountMenu ? (
            <AccountMenu
              trigger={accountButton}
              email={viewer.user?.email}
              onAccount={viewer.user ? () => void navigate('/account') : null}
              onSignOut={async () => {
                if (!(await confirmDiscard())) return;
                await signOut().catch(() => null);
                onSignedOut();
              }}
            />
          ) : (
            accountButton
          )}
        </Suspense>
      </header>
      {narrow ? (
        <Suspense fallback={null}>
          <NavDrawer items={NAV_ITEMS} current={current} open={menuOpen} onClose={() => setMenuOpenOn(null)} />
        </Suspense>
      ) : (
        <nav className={styles.nav} aria-label="Main">
          <NavTabs items={NAV_ITEMS} selected={current} onSelect={(path) => void navigate(path)} />
        </nav>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className={mergeClasses(styles.main, narrow && styles.mainNarrow)}>
        {children}
      </main>
      {creating && (
        <Suspense fallback={null}>
          <CreateWorkspaceDialog
            open
            onClose={() => setCreating(false)}
            onCreated={(id) => {
              setCreating(false);
              void switchWorkspace(id);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
