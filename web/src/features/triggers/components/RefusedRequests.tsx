import { useQuery } from '@apollo/client/react';
import { Badge, Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { graphql } from '../../../gql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { formatCount, formatDateTime } from '../../../ui/format';
import { LoadMore } from '../../../ui/LoadMore';
import { useListStyles } from '../../../ui/useListStyles';

const REFUSED = graphql(`
  query RefusedRequests($first: Int!, $after: String) {
    refusedRequests(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        receivedAt
        endpoint
        reason
        message
        origin
        keyPrefix
        triggerKey
        triggerTitle
        items
      }
    }
  }
`);

const useStyles = makeStyles({
  message: { overflowWrap: 'anywhere' },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalS },
});

/**
 * What the workspace's ingestion endpoints refused (a wrong or revoked key, an origin the key does not allow, the
 * rate limit, events naming no trigger), newest first: the requests no trigger's event list can show.
 */
export function RefusedRequests({ triggerKey }: { triggerKey?: string }) {
  const styles = useStyles();
  const list = useListStyles();
  const { data, loading, error, refetch, fetchMore } = useQuery(REFUSED, {
    variables: { first: 25 },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const page = data?.refusedRequests;
  return (
    <>
      <Text className={styles.intro}>
        Requests to this workspace refused in the last 7 days, for any trigger: a wrong or revoked key, an origin the key does not allow, the key’s rate limit, events naming no
        trigger. Nothing of them was stored.
      </Text>
      {loading && !page ? (
        <Loading label="Loading refused requests…" />
      ) : error && !page ? (
        <ErrorState error={error} onRetry={() => void refetch()} title="Could not load the refused requests" />
      ) : !page || page.totalCount === 0 ? (
        <Text>No refused requests.</Text>
      ) : (
        <>
          {/* Focusable: on a phone the table scrolls sideways (global.css), and nothing in it takes focus otherwise. */}
          <Table tabIndex={0} aria-label="Refused requests" size="small">
            <TableHeader>
              <TableRow>
                {['Received', 'Reason', 'Trigger', 'Origin', 'Key', 'Details'].map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.nodes.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{formatDateTime(r.receivedAt)}</TableCell>
                  <TableCell>
                    <Badge color="danger">{r.reason}</Badge>
                  </TableCell>
                  <TableCell>
                    {r.triggerTitle && <Text weight={r.triggerKey === triggerKey ? 'semibold' : 'regular'}>{r.triggerTitle}</Text>}
                    {r.triggerKey ? (
                      <Text block font="monospace" size={200}>
                        {r.triggerKey}
                        {!r.triggerTitle && ' (no such trigger)'}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell>{r.origin ?? 'no origin (server)'}</TableCell>
                  <TableCell>
                    <Text font="monospace">{r.keyPrefix ?? '—'}</Text>
                  </TableCell>
                  <TableCell className={styles.message}>
                    {r.message}
                    {r.items > 1 && ` (${formatCount(r.items, r.endpoint === '/v1/identify' ? 'customer' : 'event')})`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className={list.footer}>
            <Text>
              Showing {page.nodes.length} of {formatCount(page.totalCount, 'refused request')}
            </Text>
            <Button onClick={() => void refetch()}>Refresh</Button>
            <LoadMore data={data} field="refusedRequests" fetchMore={fetchMore} label="Load older refusals" />
          </div>
        </>
      )}
    </>
  );
}
