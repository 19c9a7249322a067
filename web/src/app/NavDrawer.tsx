import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, makeStyles, mergeClasses, OverlayDrawer, tokens } from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router-dom';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  link: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '44px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `3px solid transparent`,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase400,
    // Beats the global plain-link colour: these are navigation items, not inline links.
    ':link': { color: tokens.colorNeutralForeground1 },
    ':visited': { color: tokens.colorNeutralForeground1 },
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1 },
  },
  current: { borderLeftColor: tokens.colorCompoundBrandStroke, fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorSubtleBackgroundSelected },
});

type NavItem = { path: string; label: string; icon: ReactNode };

function NavLink({ item, current, onNavigate }: { item: NavItem; current: boolean; onNavigate: () => void }) {
  const styles = useStyles();
  const href = useHref(item.path);
  const follow = useLinkClickHandler<HTMLAnchorElement>(item.path);
  return (
    <a
      href={href}
      aria-current={current ? 'page' : undefined}
      className={mergeClasses(styles.link, current && styles.current)}
      onClick={(event) => {
        follow(event);
        onNavigate();
      }}
    >
      {item.icon}
      {item.label}
    </a>
  );
}

/**
 * The main navigation on a phone: a drawer from the start edge with the same sections as the desktop side bar, as
 * real links (Enter follows them). It traps focus while open, closes on Escape, on a click outside and when a link
 * is followed, and gives focus back to the menu button.
 */
export function NavDrawer({ items, current, open, onClose }: { items: readonly NavItem[]; current: string; open: boolean; onClose: () => void }) {
  const styles = useStyles();
  return (
    <OverlayDrawer open={open} onOpenChange={(_e, data) => !data.open && onClose()} position="start" size="small">
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close menu" icon={<Dismiss24Regular />} onClick={onClose} />}>Navigation</DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <nav aria-label="Main">
          <ul className={styles.list}>
            {items.map((item) => (
              <li key={item.path}>
                <NavLink item={item} current={item.path === current} onNavigate={onClose} />
              </li>
            ))}
          </ul>
        </nav>
      </DrawerBody>
    </OverlayDrawer>
  );
}
