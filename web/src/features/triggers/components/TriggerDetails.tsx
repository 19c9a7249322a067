import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { graphql, getFragmentData, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { CATEGORY_LABELS, IDENTIFIER_LABELS, IDENTITY_LABELS, KIND_LABELS, TYPE_LABELS } from './labels';

export const TriggerDetails_trigger = graphql(`
  fragment TriggerDetails_trigger on Trigger {
    id
    key
    kind
    title
    description
    category
    identity
    source
    status
    hiddenAt
    latestVersion
    editLockedUntil
    outOfBox
    canStartJourneys
    createdAt
    updatedAt
    currentVersion {
      id
      number
      usableFrom
      usableNow
      attributes {
        name
        displayName
        description
        type
        required
        maxLength
        entity
        comparators
      }
      allowedOperations {
        identifier
        read
        write
      }
    }
  }
`);

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(7.5rem, 200px) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
    overflowWrap: 'anywhere',
  },
  operations: { maxWidth: '480px' },
  // Wider than a phone: the table scrolls inside itself (a focusable region, so the keyboard can scroll it too).
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  attributes: { minWidth: '640px' },
  comparators: { minWidth: '12rem' },
});

/** What journeys may do with the trigger; a hidden trigger is only ever said to be unusable. */
function journeysText(t: { hiddenAt?: string | null; canStartJourneys: boolean; kind: string }): string {
  if (t.hiddenAt) return 'Hidden: cannot be used in journeys';
  if (t.canStartJourneys) return 'Can start journeys';
  return t.kind === 'INTERACTION' ? 'Usable only inside journeys' : 'Not yet: waiting for the first valid event';
}

export function TriggerOverview(props: { trigger: FragmentType<typeof TriggerDetails_trigger> }) {
  const styles = useStyles();
  const t = getFragmentData(TriggerDetails_trigger, props.trigger);
  const v = t.currentVersion;
  return (
    <>
      <div className={styles.grid}>
        <Text weight="semibold">Description</Text>
        <Text>{t.description || '—'}</Text>
        <Text weight="semibold">Key</Text>
        <Text font="monospace">{t.key}</Text>
        <Text weight="semibold">Type</Text>
        <Text>
          {KIND_LABELS[t.kind]}
          {t.outOfBox ? ' (out-of-box)' : ''}
        </Text>
        <Text weight="semibold">Category</Text>
        <Text>{CATEGORY_LABELS[t.category]}</Text>
        <Text weight="semibold">Source</Text>
        <Text>{t.source}</Text>
        <Text weight="semibold">Customer (authId)</Text>
        <Text>
          {IDENTITY_LABELS[t.identity]}
          {t.identity === 'PROFILE' ? ' — with contactpoint_email and contactpoint_phone fallbacks' : ''}
        </Text>
        <Text weight="semibold">Current version</Text>
        <Text>
          v{v.number}
          {t.hiddenAt ? '' : ` · ${v.usableNow ? 'usable by journeys' : `usable by journeys from ${formatDateTime(v.usableFrom)}`}`}
        </Text>
        <Text weight="semibold">Journeys</Text>
        <Text>{journeysText(t)}</Text>
        <Text weight="semibold">Created / updated</Text>
        <Text>
          {formatDateTime(t.createdAt)} / {formatDateTime(t.updatedAt)}
        </Text>
      </div>
      <Table aria-label="Allowed operations" size="small" className={styles.operations}>
        <TableHeader>
          <TableRow>
            {['Identifier', 'External systems may read', 'may send events'].map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {v.allowedOperations.map((op) => (
            <TableRow key={op.identifier}>
              <TableCell>{IDENTIFIER_LABELS[op.identifier]}</TableCell>
              <TableCell>{op.read ? 'Yes' : 'No'}</TableCell>
              <TableCell>{op.write ? 'Yes' : 'No'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

export function TriggerAttributes(props: { trigger: FragmentType<typeof TriggerDetails_trigger> }) {
  const styles = useStyles();
  const t = getFragmentData(TriggerDetails_trigger, props.trigger);
  if (t.currentVersion.attributes.length === 0) return <Text>This trigger has no attributes besides the customer.</Text>;
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label="Attributes, scrollable">
      <Table aria-label="Attributes" size="small" className={styles.attributes}>
        <TableHeader>
          <TableRow>
            {['Name', 'Display name', 'Type', 'Required', 'Details', 'Comparators in journeys'].map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {t.currentVersion.attributes.map((a) => (
            <TableRow key={a.name}>
              <TableCell>
                <Text font="monospace">{a.name}</Text>
              </TableCell>
              <TableCell>{a.displayName}</TableCell>
              <TableCell>{TYPE_LABELS[a.type]}</TableCell>
              <TableCell>{a.required ? 'Yes' : 'No'}</TableCell>
              <TableCell>{a.type === 'TEXT' ? `max ${a.maxLength} chars` : a.entity ? `→ ${a.entity}` : ''}</TableCell>
              <TableCell className={styles.comparators}>{a.comparators.map((c) => c.toLowerCase().replace(/_/g, ' ')).join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
