import { useQuery } from '@apollo/client/react';
import { Button, Dropdown, Input, makeStyles, Option, Switch, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { Add20Regular, Search20Regular } from '@fluentui/react-icons';
import { useDeferredValue, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { TriggerCategory, TriggerKind, TriggerStatus } from '../../../gql/graphql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { PageHeader } from '../../../ui/PageHeader';
import { CATEGORY_LABELS, KIND_LABELS } from '../components/labels';
import { TriggerRow } from '../components/TriggerRow';
import { useLiveReadiness } from '../hooks/useLiveReadiness';

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

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', marginBottom: tokens.spacingVerticalM },
  search: { minWidth: '280px' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', marginTop: tokens.spacingVerticalM },
});

const ALL = 'ALL';

/** The catalog: search and filters run on the server, 50 at a time, so it stays fast with thousands of triggers. */
export function TriggersPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<TriggerKind | typeof ALL>(ALL);
  const [category, setCategory] = useState<TriggerCategory | typeof ALL>(ALL);
  const [status, setStatus] = useState<TriggerStatus | typeof ALL>(ALL);
  const [includeHidden, setIncludeHidden] = useState(false);
  const deferredSearch = useDeferredValue(search);
  const filter = {
    search: deferredSearch || null,
    kind: kind === ALL ? null : [kind],
    category: category === ALL ? null : [category],
    status: status === ALL ? null : status,
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
        actions={can('triggers:write') && <Button appearance="primary" icon={<Add20Regular />} onClick={() => navigate('/triggers/new')}>New trigger</Button>}
      />
      <div className={styles.filters} role="search">
        <Input className={styles.search} contentBefore={<Search20Regular />} placeholder="Search title or key" aria-label="Search triggers" value={search} onChange={(_e, d) => setSearch(d.value)} />
        <Dropdown aria-label="Type" value={kind === ALL ? 'All types' : KIND_LABELS[kind]} selectedOptions={[kind]} onOptionSelect={(_e, d) => setKind(d.optionValue as TriggerKind)}>
          <Option value={ALL}>All types</Option>
          {Object.entries(KIND_LABELS).map(([value, label]) => <Option key={value} value={value}>{label}</Option>)}
        </Dropdown>
        <Dropdown aria-label="Category" value={category === ALL ? 'All categories' : CATEGORY_LABELS[category]} selectedOptions={[category]} onOptionSelect={(_e, d) => setCategory(d.optionValue as TriggerCategory)}>
          <Option value={ALL}>All categories</Option>
          {Object.entries(CATEGORY_LABELS).map(([value, label]) => <Option key={value} value={value}>{label}</Option>)}
        </Dropdown>
        <Dropdown aria-label="Status" value={status === ALL ? 'Any status' : status === 'READY_TO_USE' ? 'Ready to use' : 'Awaiting first event'} selectedOptions={[status]} onOptionSelect={(_e, d) => setStatus(d.optionValue as TriggerStatus)}>
          <Option value={ALL}>Any status</Option>
          <Option value="READY_TO_USE">Ready to use</Option>
          <Option value="AWAITING_FIRST_EVENT">Awaiting first event</Option>
        </Dropdown>
        <Switch label="Show hidden" checked={includeHidden} onChange={(_e, d) => setIncludeHidden(d.checked)} />
      </div>
      {loading && !shown && <Loading label="Loading triggers…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {shown && shown.triggers.totalCount === 0 && <EmptyState title="No triggers match">Change the filters, or create a trigger.</EmptyState>}
      {shown && shown.triggers.totalCount > 0 && (
        <Table aria-label="Triggers" size="small">
          <TableHeader>
            <TableRow>{['', 'Trigger', 'Type', 'Category', 'Status', 'Version', 'Updated'].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow>
          </TableHeader>
          <TableBody>{shown.triggers.nodes.map((t) => <TriggerRow key={t.id} trigger={t} />)}</TableBody>
        </Table>
      )}
      {shown && (
        <div className={styles.footer}>
          <Text>Showing {shown.triggers.nodes.length} of {shown.triggers.totalCount}</Text>
          {shown.triggers.pageInfo.hasNextPage && (
            <Button onClick={() => void fetchMore({ variables: { after: shown.triggers.pageInfo.endCursor }, updateQuery: (prev, { fetchMoreResult }) => ({ triggers: { ...fetchMoreResult.triggers, nodes: [...prev.triggers.nodes, ...fetchMoreResult.triggers.nodes] } }) })}>
              Load more
            </Button>
          )}
        </div>
      )}
    </>
  );
}
