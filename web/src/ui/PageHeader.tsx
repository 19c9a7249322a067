import { makeStyles, Title2, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // Wraps on a narrow screen: the actions go under the title instead of pushing the page sideways.
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    marginBottom: tokens.spacingVerticalL,
  },
  text: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    flex: '1 1 320px',
    minWidth: 0,
    overflowWrap: 'anywhere',
    // No browser margin above the heading: it lines up with the actions beside it.
    '& h1': { margin: 0 },
  },
});

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <div className={styles.text}>
        <Title2 as="h1">{title}</Title2>
        {description && <Text>{description}</Text>}
      </div>
      {actions}
    </div>
  );
}
