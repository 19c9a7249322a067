import { useApolloClient, useQuery } from '@apollo/client/react';
import { makeStyles, Subtitle2, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useEffect, useEffectEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { graphql, type FragmentType } from '../../../gql';
import type { JourneyRunsQuery, JourneyRunsQueryVariables, RunStatus } from '../../../gql/graphql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { FilterDropdown } from '../../../ui/ListFilters';
import { LoadMore } from '../../../ui/LoadMore';
import { useListStyles } from '../../../ui/useListStyles';
import { RUN_STATUS_LABELS } from '../components/run-labels';
import { RunRow } from '../components/RunRow';
import { RunSummary, type RunSummary_journey } from '../components/RunSummary';

const PAGE = 25;

const RUNS = graphql(`
  query JourneyRuns($journeyId: ID!, $first: Int!, $after: String, $filter: JourneyRunFilter) {
    journeyRuns(journeyId: $journeyId, first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...RunRow_run
      }
    }
  }
`);

const useStyles = makeStyles({
  tab: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const isStatus = (value: string | null): value is RunStatus => value !== null && value in RUN_STATUS_LABELS;

/** Merges a fresh first page over the list shown: new and changed runs on top, pages loaded further down kept. */
export function mergeFirstPage(shown: JourneyRunsQuery, fresh: JourneyRunsQuery, pageSize: number): JourneyRunsQuery {
  if (shown.journeyRuns.nodes.length <= pageSize) return fresh;
  const ids = new Set(fresh.journeyRuns.nodes.map((n) => n.id));
  const rest = shown.journeyRuns.nodes.slice(pageSize).filter((n) => !ids.has(n.id));
  return { journeyRuns: { ...shown.journeyRuns, totalCount: fresh.journeyRuns.totalCount, nodes: [...fresh.journeyRuns.nodes, ...rest] } };
}

/**
 * The Runs tab of a live or stopped journey: its counts, then its runs newest first, filtered by status and step
 * (kept in the address, so "see failed runs" is a link). `refresh` changes when the runs changed on the server.
 */
export function JourneyRunsTab(props: {
  journeyId: string;
  journey: FragmentType<typeof RunSummary_journey>;
  goal: { triggerId: string | null; percent: number | null };
  steps: readonly { id: string }[];
  stepName: (stepId: string | null | undefined) => string;
  refresh: number;
}) {
  const styles = useStyles();
  const list = useListStyles();
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const stepParam = params.get('step');
  const step = stepParam && props.steps.some((s) => s.id === stepParam) ? stepParam : null;
  const variables: JourneyRunsQueryVariables = { journeyId: props.journeyId, first: PAGE, filter: { status: status ? [status] : null, stepId: step } };
  // Shown from the cache at once, and always asked again: runs that entered while the tab was not mounted (the
  // journey page was left for a run) reach its counts through the subscription's first answer, not its list.
  const { data, previousData, loading, error, refetch, fetchMore, updateQuery } = useQuery(RUNS, {
    variables,
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const shown = data ?? previousData;
  const setFilter = (key: 'status' | 'step', value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // The runs changed on the server: fetch the first page again and lay it over the list, keeping further pages.
  const reloadFirstPage = useEffectEvent(() => {
    void client.query({ query: RUNS, variables, fetchPolicy: 'no-cache' }).then(
      ({ data: fresh }) => {
        if (fresh) updateQuery((_unsafe, { complete, previousData: before }) => (complete ? mergeFirstPage(before, fresh, PAGE) : fresh));
      },
      () => undefined, // the next change (or a reload) tries again; the list shown stays
    );
  });
  useEffect(() => {
    if (props.refresh > 0) reloadFirstPage();
  }, [props.refresh]);

  const stepLabels = Object.fromEntries(props.steps.map((s) => [s.id, props.stepName(s.id)]));
  const filtered = status !== null || step !== null;
  return (
    <div className={styles.tab}>
      <RunSummary journey={props.journey} goal={props.goal} />
      <section aria-labelledby="runs-heading">
        <Subtitle2 as="h2" id="runs-heading">
          Runs
        </Subtitle2>
        <div className={list.filters}>
          <FilterDropdown label="Status" anyLabel="All statuses" labels={RUN_STATUS_LABELS} value={status} onChange={(v) => setFilter('status', v)} />
          <FilterDropdown label="Step" anyLabel="All steps" labels={stepLabels} value={step} onChange={(v) => setFilter('step', v)} />
        </div>
        {loading && !shown && <Loading label="Loading runs…" />}
        {error && <ErrorState error={error} onRetry={() => void refetch()} title="Could not load the runs" />}
        {shown && shown.journeyRuns.totalCount === 0 && (
          <EmptyState title={filtered ? 'No runs match' : 'No runs yet'}>
            {filtered ? 'Show all statuses and steps instead.' : 'Customers enter when the start trigger happens; their runs appear here.'}
          </EmptyState>
        )}
        {shown && shown.journeyRuns.totalCount > 0 && (
          <>
            <Table aria-label="Runs">
              <TableHeader>
                <TableRow>
                  {['Customer', 'Status', 'Step', 'Binding', 'Entered', 'Ended'].map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.journeyRuns.nodes.map((run) => (
                  <RunRow key={run.id} run={run} stepName={props.stepName} />
                ))}
              </TableBody>
            </Table>
            <div className={list.footer}>
              <Text>
                Showing {shown.journeyRuns.nodes.length} of {shown.journeyRuns.totalCount}
              </Text>
              <LoadMore data={data} field="journeyRuns" fetchMore={fetchMore} label="Load more runs" />
            </div>
          </>
        )}
      </section>
    </div>
  );
}
