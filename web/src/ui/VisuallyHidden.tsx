import { makeStyles } from '@fluentui/react-components';
import type { ElementType, ReactNode } from 'react';

const useStyles = makeStyles({
  // Off screen but in the accessibility tree (the usual "sr-only" rules): read by screen readers, never seen.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    padding: 0,
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/**
 * Text for screen readers only: a page's h1 when the page shows its title in an input, or the word that says what a
 * control is when it shows only a picture or a name ("Account" before the user's name).
 */
export function VisuallyHidden({ as: Tag = 'span', children }: { as?: ElementType; children: ReactNode }) {
  const styles = useStyles();
  return <Tag className={styles.hidden}>{children}</Tag>;
}
