import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { graphql, getFragmentData, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { auditDiff, type DiffRow } from './audit-diff';
import { auditSentence, auditSentenceText } from './audit-words';

export const AuditRow_entry = graphql(`
  fragment AuditRow_entry on AuditEntry {
    id
    createdAt
    actorType
    actorId
    actorLabel
    actorName
    action
    targetType
    targetId
    targetName
    details
  }
`);

const useStyles = makeStyles({
  row: {
    listStyleType: 'none',
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  diff: { display: 'grid', gridTemplateColumns: 'minmax(6rem, max-content) minmax(0, 1fr)', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase200, minWidth: 0 },
  lines: { margin: 0, padding: 0, listStyleType: 'none', fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap' },
  added: { textDecorationLine: 'none', backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1, display: 'block' },
  removed: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, display: 'block' },
  same: { display: 'block' },
  before: { textDecorationLine: 'line-through', color: tokens.colorPaletteRedForeground1 },
  after: { color: tokens.colorPaletteGreenForeground1, textDecorationLine: 'none' },
});

/** One entry: a sentence ("Ada created trigger “Cart abandoned”"), when, and what changed. Every value is text, never markup. */
export function AuditRow(props: { entry: FragmentType<typeof AuditRow_entry> }) {
  const styles = useStyles();
  const e = getFragmentData(AuditRow_entry, props.entry);
  const details = e.details;
  const s = auditSentence(e);
  // A name, title or label the sentence already shows is not repeated below it.
  const omit = ['name', 'title', 'label', 'email'].filter((k) => details[k] === e.targetName);
  // The sentence names a content item's channel ("created email …").
  if (e.targetType === 'Content') omit.push('channel');
  const rows = auditDiff(details, { action: e.action, omit });
  return (
    <li className={styles.row} data-sentence={auditSentenceText(e)}>
      <Text>
        {s.actor} {s.verb}
        {s.object ? ` ${s.object}` : ''}
        {s.name && (
          <>
            {' '}
            <span className={styles.name}>“{s.name}”</span>
          </>
        )}
        {s.extra ? ` ${s.extra}` : ''}
      </Text>
      <Text size={200} className={styles.meta}>
        <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
      </Text>
      {rows.length > 0 && <AuditDiff rows={rows} />}
    </li>
  );
}

export function AuditDiff({ rows }: { rows: DiffRow[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.diff}>
      {rows.map((row, i) => (
        <div key={i} className={styles.pair}>
          <dt className={styles.term}>{row.field}</dt>
          <dd className={styles.value}>
            {row.kind === 'fact' && row.value}
            {row.kind === 'change' && (
              <>
                <del className={styles.before}>{row.before}</del> → <ins className={styles.after}>{row.after}</ins>
              </>
            )}
            {row.kind === 'lines' && (
              <ul className={styles.lines}>
                {row.lines.map((line, j) => (
                  <li key={j}>
                    {line.kind === 'added' && <ins className={styles.added}>+ {line.text}</ins>}
                    {line.kind === 'removed' && <del className={styles.removed}>− {line.text}</del>}
                    {line.kind === 'same' && <span className={styles.same}>{line.text}</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
