import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  tab: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalSNudge,
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalMNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `-${tokens.strokeWidthThick}` },
    '@media (forced-colors: active)': { ':focus-visible': { outlineColor: 'Highlight' } },
  },
  // The current section: bold, its icon in the brand colour, and a bar on its leading edge (as Fluent's vertical tabs).
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': {
      content: '""',
      position: 'absolute',
      insetInlineStart: 0,
      top: tokens.spacingVerticalS,
      bottom: tokens.spacingVerticalS,
      width: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'Highlight' } },
  },
  icon: { display: 'inline-flex', color: tokens.colorNeutralForeground2 },
  iconSelected: { color: tokens.colorCompoundBrandForeground1 },
});

export interface NavTab {
  path: string;
  label: string;
  icon: ReactNode;
}

/**
 * The side bar's sections as a vertical tab list: one tab stop (the current section, or the one last moved to),
 * the arrow keys (and Home, End) move between the tabs, Enter, Space or a click opens one. The same behaviour as
 * Fluent's TabList, which would add its own and the arrow-key focus code to every page's first load.
 */
export function NavTabs({ items, selected, onSelect }: { items: readonly NavTab[]; selected: string; onSelect: (path: string) => void }) {
  const styles = useStyles();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // The tab that takes the tab stop: the one the arrows last moved to (while the same section is current), else the
  // current section.
  const [active, setActive] = useState<{ path: string; while: string } | null>(null);
  const stop = active?.while === selected ? active.path : selected;

  const move = (event: KeyboardEvent, index: number) => {
    const last = items.length - 1;
    const next =
      event.key === 'ArrowDown'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowUp'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setActive({ path: items[next].path, while: selected });
    refs.current[next]?.focus();
  };

  return (
    <div role="tablist" aria-orientation="vertical" className={styles.list}>
      {items.map((item, index) => {
        const isSelected = item.path === selected;
        return (
          <button
            key={item.path}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="tab"
            aria-selected={isSelected}
            tabIndex={item.path === stop ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onKeyDown={(event) => move(event, index)}
            onClick={() => onSelect(item.path)}
          >
            <span className={mergeClasses(styles.icon, isSelected && styles.iconSelected)} aria-hidden>
              {item.icon}
            </span>
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
