import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { EmptyState } from '../../../ui/AsyncState';
import { formatDateTime } from '../../../ui/format';
import { PLATFORM_LABELS } from './labels';

export const DeviceList_customer = graphql(`
  fragment DeviceList_customer on Customer {
    id
    devices {
      app
      platform
      token
      createdAt
      lastSeenAt
    }
  }
`);

/** Long push tokens shortened for the table; the full token is its title. */
const shortToken = (token: string) => (token.length > 24 ? `${token.slice(0, 12)}…${token.slice(-8)}` : token);

/** Push device tokens the customer's apps registered, most recently seen first. */
export function DeviceList(props: { customer: FragmentType<typeof DeviceList_customer> }) {
  const { devices } = getFragmentData(DeviceList_customer, props.customer);
  if (devices.length === 0) return <EmptyState title="No devices">Apps register push tokens through the identify call of the snippets.</EmptyState>;
  return (
    <Table aria-label="Devices" size="small">
      <TableHeader>
        <TableRow>
          {['App', 'Platform', 'Token', 'Registered', 'Last seen'].map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {devices.map((d) => (
          <TableRow key={`${d.app}:${d.token}`}>
            <TableCell>{d.app}</TableCell>
            <TableCell>{PLATFORM_LABELS[d.platform]}</TableCell>
            <TableCell>
              <Text font="monospace" title={d.token}>
                {shortToken(d.token)}
              </Text>
            </TableCell>
            <TableCell>{formatDateTime(d.createdAt)}</TableCell>
            <TableCell>{formatDateTime(d.lastSeenAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
