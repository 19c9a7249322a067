import { useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { ContentChannel, ContentState } from '../../../gql/graphql';
import { AppLink } from '../../../ui/AppLink';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { formatDateTime } from '../../../ui/format';
import { FilterDropdown, SearchInput } from '../../../ui/ListFilters';
import { LoadMore } from '../../../ui/LoadMore';
import { PageHeader } from '../../../ui/PageHeader';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { useListStyles } from '../../../ui/useListStyles';
import { NewContentDialog } from '../components/NewContentDialog';

const CONTENTS = graphql(`
  query Contents($filter: ContentFilter, $after: String) {
    contents(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        channel
        state
        updatedAt
        liveJourneys
      }
    }
  }
`);

export const CHANNEL_LABELS: Record<ContentChannel, string> = { EMAIL: 'Email', TEXT: 'Text message', PUSH: 'Push notification' };

const STATE_LABELS: Record<ContentState, string> = { DRAFT: 'Draft', READY_TO_SEND: 'Ready to send' };

export function ContentStateBadge({ state }: { state: ContentState }) {
  return <Badge color={state === 'READY_TO_SEND' ? 'success' : 'informative'}>{STATE_LABELS[state]}</Badge>;
}

export function ContentListPage() {
  const { can } = useAuth();
  const styles = useListStyles();
  const [search, setSearch] = useState('');
  const [channel, setChannel] = useState<ContentChannel | null>(null);
  const [state, setState] = useState<ContentState | null>(null);
  const debouncedSearch = useDebouncedValue(search, 250);
  const filtered = debouncedSearch !== '' || channel !== null || state !== null;
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(CONTENTS, {
    variables: { filter: { search: debouncedSearch || null, channel, state } },
  });
  const shown = data ?? previousData;
  // "New email" asks for a name first (NewContentDialog); nothing is saved until then.
  const [newChannel, setNewChannel] = useState<ContentChannel>('EMAIL');
  const [creating, setCreating] = useState(false);
  const newContent = (channel: ContentChannel) => {
    setNewChannel(channel);
    setCreating(true);
  };
  return (
    <>
      <NewContentDialog open={creating} channel={newChannel} onClose={() => setCreating(false)} />
      <PageHeader
        title="Content"
        description="Emails, text messages and push notifications journeys send. Personalise with {{ trigger.attribute }} and {{ contact.firstName }}."
        actions={
          can('journeys:write') && (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button appearance="primary" icon={<Add20Regular />}>
                  New content
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {(Object.keys(CHANNEL_LABELS) as ContentChannel[]).map((c) => (
                    <MenuItem key={c} onClick={() => newContent(c)}>
                      {CHANNEL_LABELS[c]}
                    </MenuItem>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          )
        }
      />
      <div className={styles.filters} role="search">
        <SearchInput label="Search content" placeholder="Search by name" value={search} onChange={setSearch} />
        <FilterDropdown label="Channel" anyLabel="All channels" labels={CHANNEL_LABELS} value={channel} onChange={setChannel} />
        <FilterDropdown label="State" anyLabel="Any state" labels={STATE_LABELS} value={state} onChange={setState} />
      </div>
      {loading && !shown && <Loading label="Loading content…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {shown && shown.contents.totalCount === 0 && (
        <EmptyState title={filtered ? 'No content matches' : 'No content yet'}>
          {filtered ? 'Change the search or the filters.' : 'Create the messages your journeys send.'}
        </EmptyState>
      )}
      {shown && shown.contents.totalCount > 0 && (
        <Table aria-label="Content" size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              {['Name', 'Channel', 'State', 'Sent by live journeys', 'Updated'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.contents.nodes.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <AppLink to={`/content/${c.id}`}>{c.name}</AppLink>
                </TableCell>
                <TableCell data-label="Channel">{CHANNEL_LABELS[c.channel]}</TableCell>
                <TableCell data-label="State">
                  <ContentStateBadge state={c.state} />
                </TableCell>
                <TableCell data-label="Live journeys">{c.liveJourneys.join(', ') || '—'}</TableCell>
                <TableCell data-label="Updated">{formatDateTime(c.updatedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {shown && shown.contents.totalCount > 0 && (
        <div className={styles.footer}>
          <Text>
            Showing {shown.contents.nodes.length} of {shown.contents.totalCount}
          </Text>
          <LoadMore data={shown} field="contents" fetchMore={fetchMore} />
        </div>
      )}
    </>
  );
}
