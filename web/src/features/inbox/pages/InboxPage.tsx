import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { graphql } from '../../../gql';
import type { ContentChannel } from '../../../gql/graphql';
import { AppLink } from '../../../ui/AppLink';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { FilterDropdown } from '../../../ui/ListFilters';
import { LoadMore } from '../../../ui/LoadMore';
import { PageHeader } from '../../../ui/PageHeader';
import { useListStyles } from '../../../ui/useListStyles';
import { CHANNEL_LABELS } from '../../customers/components/labels';
import { InboxRow } from '../components/InboxRow';

const PAGE = 50;

const INBOX_MESSAGES = graphql(`
  query InboxMessages($channel: ContentChannel, $after: String) {
    inboxMessages(first: 50, after: $after, channel: $channel) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...InboxRow_message
      }
    }
  }
`);

/** How often the first page asks for new messages while on screen (there is no subscription). */
export const INBOX_POLL_MS = 10_000;

const isChannel = (value: string | null): value is ContentChannel => value !== null && value in CHANNEL_LABELS;

/**
 * The Flare inbox, like a mail catcher: what the built-in provider received, newest first. Asks again when
 * opened, every few seconds while only the first page is shown, when the window regains focus, and on Refresh.
 */
export function InboxPage() {
  const styles = useListStyles();
  const [params, setParams] = useSearchParams();
  const requested = params.get('channel');
  const channel = isChannel(requested) ? requested : null;
  const { data, previousData, loading, error, refetch, fetchMore, networkStatus, startPolling, stopPolling } = useQuery(INBOX_MESSAGES, {
    variables: { channel },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  // Polling reloads the first page only, so it stops once more pages are loaded (Refresh still works).
  const firstPageOnly = (shown?.inboxMessages.nodes.length ?? 0) <= PAGE;
  useEffect(() => {
    if (!firstPageOnly) return;
    startPolling(INBOX_POLL_MS);
    return () => stopPolling();
  }, [firstPageOnly, startPolling, stopPolling]);
  useEffect(() => {
    const again = () => firstPageOnly && void refetch().catch(() => undefined);
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, [firstPageOnly, refetch]);
  const refreshing = networkStatus === NetworkStatus.refetch;

  return (
    <>
      <PageHeader
        title="Inbox"
        description="Messages the built-in Flare inbox received, fully rendered: what recipients would get."
        actions={
          <Button icon={<ArrowClockwise20Regular />} disabled={refreshing} onClick={() => void refetch().catch(() => undefined)}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        }
      />
      <div className={styles.filters} role="search">
        <FilterDropdown label="Channel" anyLabel="All channels" labels={CHANNEL_LABELS} value={channel} onChange={(c) => setParams(c ? { channel: c } : {}, { replace: true })} />
      </div>
      {loading && !shown && <Loading label="Loading the inbox…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {shown && shown.inboxMessages.totalCount === 0 && (
        <EmptyState title={channel ? `No ${CHANNEL_LABELS[channel].toLowerCase()} messages` : 'No messages yet'}>
          <Text>
            Messages sent by journeys and test sends appear here while the channel uses the Flare inbox (see <AppLink to="/settings/channels">Settings → Channels</AppLink>).
          </Text>
        </EmptyState>
      )}
      {shown && shown.inboxMessages.totalCount > 0 && (
        <Table aria-label="Inbox messages" size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              {['To', 'Message', 'Channel', 'Received'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.inboxMessages.nodes.map((m) => (
              <InboxRow key={m.id} message={m} />
            ))}
          </TableBody>
        </Table>
      )}
      {shown && shown.inboxMessages.totalCount > 0 && (
        <div className={styles.footer}>
          <Text>
            Showing {shown.inboxMessages.nodes.length} of {shown.inboxMessages.totalCount.toLocaleString()}
          </Text>
          <LoadMore data={shown} field="inboxMessages" fetchMore={fetchMore} />
        </div>
      )}
    </>
  );
}
