import {
  Avatar,
  Button,
  Dropdown,
  makeStyles,
  mergeClasses,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  Persona,
  Tab,
  TabList,
  Text,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import {
  Add20Regular,
  Flash20Regular,
  Flowchart20Regular,
  Mail20Regular,
  MailInbox20Regular,
  Navigation24Regular,
  People20Regular,
  Pulse20Regular,
  Settings20Regular,
} from '@fluentui/react-icons';
import { lazy, Suspense, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSignOut } from '../features/auth/hooks/useSignOut';
import { useDialogFocusReturn } from '../ui/useDialogFocusReturn';
import { NARROW_SCREEN, useMediaQuery } from '../ui/useMediaQuery';
import { useAuth } from './auth';
import { useUnsavedChanges } from '../ui/UnsavedChanges';
import { VisuallyHidden } from '../ui/VisuallyHidden';

// Loaded when needed: the drawer only on a phone, the new-workspace dialog when it is opened.
const NavDrawer = lazy(() => import('./NavDrawer').then((module) => ({ default: module.NavDrawer })));
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
  const restoreFocusHere = useRestoreFocusTarget();
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

  return (
    <div className={mergeClasses(styles.shell, narrow && styles.shellNarrow)}>
      <a href="#main" className={styles.skip} onClick={skipToContent}>
        Skip to content
      </a>
      <header className={mergeClasses(styles.top, narrow && styles.topNarrow)}>
        {narrow && (
          <Button
            appearance="subtle"
            icon={<Navigation24Regular />}
            aria-label="Navigation menu"
            aria-expanded={menuOpen}
            {...restoreFocusHere}
            onClick={() => setMenuOpenOn(location.pathname)}
          />
        )}
        <span className={styles.brand}>
          <Flash20Regular color={tokens.colorPaletteDarkOrangeForeground1} /> {!narrow && 'Flare'}
        </span>
        <Dropdown
          aria-label="Workspace"
          className={narrow ? styles.workspaceNarrow : styles.workspace}
          value={viewer.workspace?.name ?? 'No workspace'}
          selectedOptions={viewer.workspace ? [viewer.workspace.id] : []}
          onOptionSelect={(_e, data) => (data.optionValue === NEW_WORKSPACE ? setCreating(true) : data.optionValue && void switchWorkspace(data.optionValue))}
        >
          {viewer.memberships.map((m) => (
            <Option key={m.workspace.id} value={m.workspace.id} text={m.workspace.name}>
              {m.workspace.name} · {m.role.toLowerCase()}
            </Option>
          ))}
          <Option value={NEW_WORKSPACE} text="New workspace…">
            <Add20Regular /> New workspace…
          </Option>
        </Dropdown>
        <span className={styles.spacer} />
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle" className={narrow ? styles.accountNarrow : undefined}>
              {/* Named by what it shows, after the word for what it is (an aria-label would hide the visible name). */}
              <VisuallyHidden>Account: </VisuallyHidden>
              {narrow ? <Avatar name={userName} size={28} /> : <Persona name={userName} secondaryText={viewer.role ?? undefined} size="small" />}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem disabled>
                <Text>{viewer.user?.email}</Text>
              </MenuItem>
              {viewer.user && <MenuItem onClick={() => void navigate('/account')}>Account and password</MenuItem>}
              <MenuItem
                onClick={async () => {
                  if (!(await confirmDiscard())) return;
                  await signOut().catch(() => null);
                  onSignedOut();
                }}
              >
                Sign out
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </header>
      {narrow ? (
        <Suspense fallback={null}>
          <NavDrawer items={NAV_ITEMS} current={current} open={menuOpen} onClose={() => setMenuOpenOn(null)} />
        </Suspense>
      ) : (
        <nav className={styles.nav} aria-label="Main">
          <TabList vertical selectedValue={current} onTabSelect={(_e, data) => navigate(String(data.value))}>
            {NAV_ITEMS.map((item) => (
              <Tab key={item.path} value={item.path} icon={item.icon}>
                {item.label}
              </Tab>
            ))}
          </TabList>
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
