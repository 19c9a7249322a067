import { useQuery, useSubscription } from '@apollo/client/react';
import { Badge, Table, TableBody, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { graphql } from '../../../gql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { LoadMore } from '../../../ui/LoadMore';
import { AuditRow } from '../components/AuditRow';

const AUDIT_LOG = graphql(`
  query AuditLog($after: String) {
    auditLog(first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AuditRow_entry
      }
    }
  }
`);

const AUDIT_APPENDED = graphql(`
  subscription AuditEntryAppended {
    auditEntryAppended {
      id
      ...AuditRow_entry
    }
  }
`);

const useStyles = makeStyles({ live: { marginBottom: tokens.spacingVerticalM } });

/** Newest first, live: entries written while the page is open appear at the top. */
export function AuditLogTab() {
  const styles = useStyles();
  const { data, loading, error, refetch, fetchMore, updateQuery } = useQuery(AUDIT_LOG);
  const live = useSubscription(AUDIT_APPENDED, {
    onData: ({ data: incoming }) => {
      const entry = incoming.data?.auditEntryAppended;
      if (!entry) return;
      updateQuery((_unsafe, { complete, previousData }) => {
        if (!complete || previousData.auditLog.nodes.some((n) => n.id === entry.id)) return undefined;
        const { auditLog } = previousData;
        return { auditLog: { ...auditLog, totalCount: auditLog.totalCount + 1, nodes: [entry, ...auditLog.nodes] } };
      });
    },
  });

  return (
    <section aria-label="Audit log">
      <Badge className={styles.live} color={live.error ? 'danger' : 'success'}>
        {live.error ? 'Live updates unavailable' : 'Live'}
      </Badge>
      {loading && !data && <Loading label="Loading audit log…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && data.auditLog.totalCount === 0 && <EmptyState title="Nothing recorded yet" />}
      {data && data.auditLog.totalCount > 0 && (
        <Table aria-label="Audit log table">
          <TableHeader>
            <TableRow>
              {['When', 'Who', 'Action', 'Object', 'Details'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.auditLog.nodes.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </TableBody>
        </Table>
      )}
      <LoadMore data={data} field="auditLog" fetchMore={fetchMore} label="Load older entries" />
    </section>
  );
}
