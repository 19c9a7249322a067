import { makeStyles, TableCell, TableRow, Text } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { AppLink } from '../../../ui/AppLink';
import { RunStatusBadge } from './RunStatusBadge';

export const RunRow_run = graphql(`
  fragment RunRow_run on JourneyRun {
    id
    journeyId
    customerId
    status
    stepId
    binding
    enteredAt
    endedAt
    customer {
      id
      authId
      email
    }
  }
`);

const useStyles = makeStyles({ row: { cursor: 'pointer' } });

/** Where a run's detail lives. */
export const runPath = (journeyId: string, runId: string) => `/journeys/${journeyId}/runs/${runId}`;

/** Who a run is about, as text: authId, else the customer id (without customers:read). */
export const runCustomerName = (run: { customerId: string; customer?: { authId: string } | null }) => run.customer?.authId ?? `Customer ${run.customerId.slice(0, 8)}`;

/**
 * One run in the list. The customer is a real link — the row's only tab stop, opened with Enter — and a click
 * anywhere else on the row opens the run too.
 */
export function RunRow(props: { run: FragmentType<typeof RunRow_run>; stepName: (stepId: string | null | undefined) => string }) {
  const r = getFragmentData(RunRow_run, props.run);
  const styles = useStyles();
  const navigate = useNavigate();
  const to = runPath(r.journeyId, r.id);
  const openFromRow = (event: MouseEvent) => {
    if (event.defaultPrevented || (event.target as HTMLElement).closest('a, button')) return;
    if (window.getSelection()?.toString()) return; // selecting text to copy is not a click to open
    void navigate(to);
  };
  return (
    <TableRow className={styles.row} onClick={openFromRow}>
      <TableCell>
        <AppLink to={to}>{runCustomerName(r)}</AppLink>
        {r.customer?.email && (
          <>
            <br />
            <Text size={200}>{r.customer.email}</Text>
          </>
        )}
      </TableCell>
      <TableCell>
        <RunStatusBadge status={r.status} />
      </TableCell>
      <TableCell>{props.stepName(r.stepId)}</TableCell>
      <TableCell>{r.binding ? <Text font="monospace">{r.binding}</Text> : '—'}</TableCell>
      <TableCell>{formatDateTime(r.enteredAt)}</TableCell>
      <TableCell>{formatDateTime(r.endedAt)}</TableCell>
    </TableRow>
  );
}
