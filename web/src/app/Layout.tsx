import { Button, Dropdown, makeStyles, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Option, Persona, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { Add20Regular, Flash20Regular, Flowchart20Regular, Mail20Regular, MailInbox20Regular, People20Regular, Pulse20Regular, Settings20Regular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { CreateWorkspaceDialog } from '../features/auth/components/CreateWorkspaceDialog';
import { useSignOut } from '../features/auth/hooks/useSignOut';
import { useAuth } from './auth';
import { useUnsavedChanges } from '../ui/UnsavedChanges';

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateColumns: '220px 1fr', gridTemplateRows: '56px 1fr', minHeight: '100vh' },
  top: {
    gridColumn: '1 / span 2',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  spacer: { flexGrow: 1 },
  nav: { padding: tokens.spacingVerticalM, borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { padding: tokens.spacingHorizontalXXL, overflow: 'auto' },
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

/** App shell: brand, workspace switcher, user menu, navigation. */
export function Layout({ children, onSwitchWorkspace, onSignedOut }: { children: ReactNode; onSwitchWorkspace: (id: string) => void; onSignedOut: () => void }) {
  const styles = useStyles();
  const { viewer } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [signOut] = useSignOut();
  const [creating, setCreating] = useState(false);
  const { confirmDiscard } = useUnsavedChanges();
  /** Unsaved edits belong to this workspace: ask before leaving them, and land on the section's list, not a detail of another workspace. */
  const switchWorkspace = async (id: string) => {
    if (!(await confirmDiscard())) return;
    void navigate(current);
    onSwitchWorkspace(id);
  };
  const current = NAV_ITEMS.find((item) => location.pathname.startsWith(item.path))?.path ?? '/triggers';

  return (
    <div className={styles.shell}>
      <header className={styles.top}>
        <span className={styles.brand}>
          <Flash20Regular color={tokens.colorPaletteDarkOrangeForeground1} /> Flare
        </span>
        <Dropdown
          aria-label="Workspace"
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
            <Button appearance="subtle" aria-label="Account">
              <Persona name={viewer.user?.name ?? 'API key'} secondaryText={viewer.role ?? undefined} size="small" />
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem disabled>
                <Text>{viewer.user?.email}</Text>
              </MenuItem>
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
      <nav className={styles.nav} aria-label="Main">
        <TabList vertical selectedValue={current} onTabSelect={(_e, data) => navigate(String(data.value))}>
          {NAV_ITEMS.map((item) => (
            <Tab key={item.path} value={item.path} icon={item.icon}>
              {item.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main}>{children}</main>
      <CreateWorkspaceDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void switchWorkspace(id);
        }}
      />
    </div>
  );
}
