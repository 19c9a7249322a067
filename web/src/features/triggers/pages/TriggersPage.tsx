import { useQuery } from '@apollo/client/react';
import { Button, Switch, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useDeferredValue, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { TriggerCategory, TriggerKind, TriggerStatus } from '../../../gql/graphql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { FilterDropdown, SearchInput } from '../../../ui/ListFilters';
import { LoadMore } from '../../../ui/LoadMore';
import { PageHeader } from '../../../ui/PageHeader';
import { useListStyles } from '../../../ui/useListStyles';
import { CATEGORY_LABELS, KIND_LABELS } from '../components/labels';
import { TriggerRow } from '../components/TriggerRow';
import { useLiveReadiness } from '../hooks/useLiveReadiness';
import { VisuallyHidden } from '../../../ui/VisuallyHidden';

const TRIGGERS = graphql(`
  query Triggers($filter: TriggerFilter, $after: String) {
    triggers(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...TriggerRow_trigger
      }
    }
  }
`);

const STATUS_LABELS: Record<TriggerStatus, string> = { READY_TO_USE: 'Ready to use', AWAITING_FIRST_EVENT: 'Awaiting first event' };

/** The catalog: search and filters run on the server, 50 at a time, so it stays fast with thousands of triggers. */
export function TriggersPage() {
  const styles = useListStyles();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<TriggerKind | null>(null);
  const [category, setCategory] = useState<TriggerCategory | null>(null);
  const [status, setStatus] = useState<TriggerStatus | null>(null);
  const [includeHidden, setIncludeHidden] = useState(false);
  const deferredSearch = useDeferredValue(search);
  const filter = {
    search: deferredSearch || null,
    kind: kind ? [kind] : null,
    category: category ? [category] : null,
    status,
    includeHidden,
  };
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(TRIGGERS, { variables: { filter } });
  const shown = data ?? previousData;
  useLiveReadiness();

  return (
    <>
      <PageHeader
        title="Triggers"
        description="Custom triggers your team defines, and out-of-box interaction and business triggers."
        actions={
          can('triggers:write') && (
            <Button appearance="primary" icon={<Add20Regular />} onClick={() => navigate('/triggers/new')}>
              New trigger
            </Button>
          )
        }
      />
      <div className={styles.filters} role="search">
        <SearchInput label="Search triggers" placeholder="Search title or key" value={search} onChange={setSearch} />
        <FilterDropdown label="Type" anyLabel="All types" labels={KIND_LABELS} value={kind} onChange={setKind} />
        <FilterDropdown label="Category" anyLabel="All categories" labels={CATEGORY_LABELS} value={category} onChange={setCategory} />
        <FilterDropdown label="Status" anyLabel="Any status" labels={STATUS_LABELS} value={status} onChange={setStatus} />
        <Switch label="Show hidden" checked={includeHidden} onChange={(_e, d) => setIncludeHidden(d.checked)} />
      </div>
      {loading && !shown && <Loading label="Loading triggers…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {shown && shown.triggers.totalCount === 0 && <EmptyState title="No triggers match">Change the filters, or create a trigger.</EmptyState>}
      {shown && shown.triggers.totalCount > 0 && (
        <Table aria-label="Triggers" size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              {/* The first column holds only the type's icon. */}
              <TableHeaderCell className={styles.iconColumn}>
                <VisuallyHidden>Icon</VisuallyHidden>
              </TableHeaderCell>
              {['Trigger', 'Type', 'Category', 'Status', 'Version', 'Updated'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.triggers.nodes.map((t) => (
              <TriggerRow key={t.id} trigger={t} />
            ))}
          </TableBody>
        </Table>
      )}
      {shown && (
        <div className={styles.footer}>
          <Text>
            Showing {shown.triggers.nodes.length} of {shown.triggers.totalCount}
          </Text>
          <LoadMore data={shown} field="triggers" fetchMore={fetchMore} />
        </div>
      )}
    </>
  );
}
