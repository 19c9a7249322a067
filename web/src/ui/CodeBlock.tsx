import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  code: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre',
    overflow: 'auto',
    maxWidth: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/**
 * Code shown as written (lines kept, scrolling sideways inside itself when wider than the page). It is a named region
 * and one tab stop, so someone on a keyboard can reach it and scroll it with the arrow keys (axe's
 * scrollable-region-focusable), and a screen reader announces what it is.
 */
export function CodeBlock({ label, children, className }: { label: string; children: string; className?: string }) {
  const styles = useStyles();
  return (
    <pre className={mergeClasses(styles.code, className)} tabIndex={0} role="region" aria-label={label}>
      {children}
    </pre>
  );
}
