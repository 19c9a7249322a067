import { Badge, Button, TableCell, TableRow, Text } from '@fluentui/react-components';
import { graphql, getFragmentData, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { scopeLabel } from './scopes';

export const ApiKeyRow_apiKey = graphql(`
  fragment ApiKeyRow_apiKey on ApiKey {
    id
    label
    prefix
    scopes
    createdAt
    lastUsedAt
    revokedAt
  }
`);

export function ApiKeyRow(props: { apiKey: FragmentType<typeof ApiKeyRow_apiKey>; onRevoke: (id: string, label: string) => void }) {
  const key = getFragmentData(ApiKeyRow_apiKey, props.apiKey);
  return (
    <TableRow>
      <TableCell>
        <Text weight="semibold">{key.label}</Text>
      </TableCell>
      <TableCell>
        <code>{key.prefix}_…</code>
      </TableCell>
      <TableCell>
        {key.scopes.map((s) => (
          <Badge key={s} appearance="tint" style={{ marginRight: 4 }}>
            {scopeLabel(s)}
          </Badge>
        ))}
      </TableCell>
      <TableCell>{formatDateTime(key.createdAt)}</TableCell>
      <TableCell>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</TableCell>
      <TableCell>
        {key.revokedAt ? (
          <Badge color="danger">Revoked {formatDateTime(key.revokedAt)}</Badge>
        ) : (
          <Button size="small" onClick={() => props.onRevoke(key.id, key.label)}>
            Revoke
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}
