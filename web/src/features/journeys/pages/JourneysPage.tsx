import { useQuery } from '@apollo/client/react';
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { JourneyStatus } from '../../../gql/graphql';
import { AppLink } from '../../../ui/AppLink';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { FilterDropdown, SearchInput } from '../../../ui/ListFilters';
import { LoadMore } from '../../../ui/LoadMore';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotify } from '../../../ui/toast';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { useListStyles } from '../../../ui/useListStyles';
import { JourneyNameDialog } from '../components/JourneyNameDialog';
import { useCreateJourney } from '../hooks/useCreateJourney';

const JOURNEYS = graphql(`
  query Journeys($filter: JourneyFilter, $after: String) {
    journeys(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        status
        publishedAt
        updatedAt
        startTrigger {
          id
          title
        }
      }
    }
  }
`);

const STATUS_LABELS: Record<JourneyStatus, string> = { DRAFT: 'Draft', LIVE: 'Live', STOPPED: 'Stopped' };

const STATUS_COLORS = { DRAFT: 'informative', LIVE: 'success', STOPPED: 'subtle' } as const;

export function JourneyStatusBadge({ status }: { status: JourneyStatus }) {
  return <Badge color={STATUS_COLORS[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function JourneysPage() {
  const navigate = useNavigate();
  const notify = useNotify();
  const { can } = useAuth();
  const styles = useListStyles();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<JourneyStatus | null>(null);
  const debouncedSearch = useDebouncedValue(search, 250);
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(JOURNEYS, { variables: { filter: { search: debouncedSearch || null, status } } });
  const shown = data ?? previousData;
  const [create, creating] = useCreateJourney();
  // "New journey" asks for the name first; what the server refuses shows under the name.
  const [naming, setNaming] = useState(false);
  const [nameError, setNameError] = useState<{ name: string; message: string } | null>(null);
  const newJourney = async (name: string) => {
    try {
      const result = await create({ variables: { input: { name, description: '' } } });
      setNaming(false);
      void navigate(`/journeys/${result.data!.createJourney.journey.id}`);
    } catch (e) {
      const info = errorInfo(e);
      if (info.field === 'name') setNameError({ name, message: info.message });
      else notify('error', 'Could not create the journey', info.message);
    }
  };
  return (
    <>
      <PageHeader
        title="Journeys"
        description="Trigger-based customer journeys."
        actions={
          can('journeys:write') && (
            <Button appearance="primary" icon={<Add20Regular />} onClick={() => setNaming(true)}>
              New journey
            </Button>
          )
        }
      />
      <JourneyNameDialog
        open={naming}
        title="New journey"
        confirmLabel="Create"
        busy={creating.loading}
        error={nameError}
        onCancel={() => setNaming(false)}
        onSubmit={(name) => void newJourney(name)}
      />
      <div className={styles.filters} role="search">
        <SearchInput label="Search journeys" placeholder="Search by name" value={search} onChange={setSearch} />
        <FilterDropdown label="Status" anyLabel="Any status" labels={STATUS_LABELS} value={status} onChange={setStatus} />
      </div>
      {loading && !shown && <Loading label="Loading journeys…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {shown && shown.journeys.totalCount === 0 && (
        <EmptyState title={debouncedSearch || status ? 'No journeys match' : 'No journeys yet'}>
          {debouncedSearch || status ? 'Change the search or the status.' : 'Start one on a trigger that is ready to use.'}
        </EmptyState>
      )}
      {shown && shown.journeys.totalCount > 0 && (
        <Table aria-label="Journeys" size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              {['Name', 'Starts on', 'Status', 'Published', 'Updated'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.journeys.nodes.map((j) => (
              <TableRow key={j.id}>
                <TableCell>
                  <AppLink to={`/journeys/${j.id}`}>{j.name}</AppLink>
                </TableCell>
                {/* Text, not a second link: the row is one tab stop (its name), and the trigger is one click away in the journey. */}
                <TableCell data-label="Starts on">{j.startTrigger?.title ?? '—'}</TableCell>
                <TableCell data-label="Status">
                  <JourneyStatusBadge status={j.status} />
                </TableCell>
                <TableCell data-label="Published">{formatDateTime(j.publishedAt)}</TableCell>
                <TableCell data-label="Updated">{formatDateTime(j.updatedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {shown && shown.journeys.totalCount > 0 && (
        <div className={styles.footer}>
          <Text>
            Showing {shown.journeys.nodes.length} of {shown.journeys.totalCount}
          </Text>
          <LoadMore data={shown} field="journeys" fetchMore={fetchMore} />
        </div>
      )}
    </>
  );
}
