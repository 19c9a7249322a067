import { TableCell, TableRow, Text } from '@fluentui/react-components';
import { graphql, getFragmentData, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';

export const AuditRow_entry = graphql(`
  fragment AuditRow_entry on AuditEntry {
    id
    createdAt
    actorType
    actorLabel
    action
    targetType
    targetId
    details
  }
`);

/** Every value is rendered as text; details are shown as JSON, never as markup. */
export function AuditRow(props: { entry: FragmentType<typeof AuditRow_entry> }) {
  const e = getFragmentData(AuditRow_entry, props.entry);
  return (
    <TableRow>
      <TableCell>{formatDateTime(e.createdAt)}</TableCell>
      <TableCell>{e.actorLabel}</TableCell>
      <TableCell>
        <code>{e.action}</code>
      </TableCell>
      <TableCell>
        {e.targetType} <Text size={200}>{e.targetId}</Text>
      </TableCell>
      <TableCell>
        <Text font="monospace" size={200}>
          {JSON.stringify(e.details)}
        </Text>
      </TableCell>
    </TableRow>
  );
}
