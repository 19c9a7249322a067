import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { consentName, SOURCE_LABELS, STATUS_LABELS } from './labels';

export const ConsentHistory_change = graphql(`
  fragment ConsentHistory_change on ConsentChange {
    id
    changedAt
    channel
    purpose
    status
    source
    contactPoint
  }
`);

/** Every consent change, newest first (append-only). */
export function ConsentHistory(props: { changes: readonly FragmentType<typeof ConsentHistory_change>[] }) {
  const changes = getFragmentData(ConsentHistory_change, props.changes);
  return (
    <Table aria-label="Consent history" size="small">
      <TableHeader>
        <TableRow>
          {['When', 'Consent', 'Changed to', 'Source', 'Contact point'].map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {changes.map((h) => (
          <TableRow key={h.id}>
            <TableCell>{formatDateTime(h.changedAt)}</TableCell>
            <TableCell>{consentName(h.channel, h.purpose)}</TableCell>
            <TableCell>{STATUS_LABELS[h.status]}</TableCell>
            <TableCell>{SOURCE_LABELS[h.source]}</TableCell>
            <TableCell>{h.contactPoint ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
