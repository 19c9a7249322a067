import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { logSentence, type LogContext } from './run-labels';

export const RunLog_entry = graphql(`
  fragment RunLog_entry on JourneyRunLogEntry {
    id
    stepId
    kind
    detail
    at
  }
`);

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  entry: {
    display: 'grid',
    gridTemplateColumns: '180px 1fr',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `2px solid ${tokens.colorNeutralStroke1}`,
  },
  failed: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  when: { color: tokens.colorNeutralForeground3 },
});

/** A run's step log, oldest first, each transition as a sentence. */
export function RunLog(props: { entries: readonly FragmentType<typeof RunLog_entry>[]; context: LogContext }) {
  const styles = useStyles();
  const entries = getFragmentData(RunLog_entry, props.entries);
  if (entries.length === 0) return <Text>Nothing logged yet.</Text>;
  return (
    <ol className={styles.list} aria-label="Step log">
      {entries.map((e) => (
        <li key={e.id} className={e.kind === 'FAILED' ? `${styles.entry} ${styles.failed}` : styles.entry}>
          <Text size={200} className={styles.when}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          </Text>
          <Text>{logSentence(e, props.context)}</Text>
        </li>
      ))}
    </ol>
  );
}
