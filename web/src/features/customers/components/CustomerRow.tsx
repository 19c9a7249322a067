import { makeStyles, TableCell, TableRow, Text } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { AppLink } from '../../../ui/AppLink';
import { fullName, KIND_LABELS } from './labels';

export const CustomerRow_customer = graphql(`
  fragment CustomerRow_customer on Customer {
    id
    kind
    authId
    firstName
    lastName
    email
    phone
    createdAt
    erasedAt
  }
`);

const useStyles = makeStyles({ row: { cursor: 'pointer' } });

/**
 * One customer in the list. The name is a real link — the row's only tab stop, opened with Enter — and a
 * click anywhere else on the row opens the customer too.
 */
export function CustomerRow(props: { customer: FragmentType<typeof CustomerRow_customer> }) {
  const c = getFragmentData(CustomerRow_customer, props.customer);
  const styles = useStyles();
  const to = `/customers/${c.id}`;
  const navigate = useNavigate();
  const openFromRow = (event: MouseEvent) => {
    if (event.defaultPrevented || (event.target as HTMLElement).closest('a, button')) return;
    if (window.getSelection()?.toString()) return; // selecting text to copy is not a click to open
    void navigate(to);
  };
  const name = c.erasedAt ? 'Erased customer' : (fullName(c) ?? c.email ?? c.authId);
  return (
    <TableRow className={styles.row} onClick={openFromRow}>
      <TableCell>
        <AppLink to={to}>{name}</AppLink>
      </TableCell>
      <TableCell data-label="Email">{c.email ?? '—'}</TableCell>
      <TableCell data-label="Phone">{c.phone ?? '—'}</TableCell>
      <TableCell data-label="Kind">{KIND_LABELS[c.kind]}</TableCell>
      <TableCell data-label="authId">
        <Text font="monospace">{c.authId}</Text>
      </TableCell>
      <TableCell data-label="Created">{formatDateTime(c.createdAt)}</TableCell>
    </TableRow>
  );
}
