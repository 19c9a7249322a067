import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { AppLink } from '../../../ui/AppLink';
import { formatDateTime } from '../../../ui/format';
import { STEP_LABELS } from '../../journeys/components/labels';
import { runPath } from '../../journeys/components/RunRow';
import { RunStatusBadge } from '../../journeys/components/RunStatusBadge';

export const CustomerJourneyRuns_run = graphql(`
  fragment CustomerJourneyRuns_run on JourneyRun {
    id
    journeyId
    status
    stepId
    enteredAt
    journey {
      id
      name
      definition {
        steps {
          id
          type
          label
        }
      }
    }
  }
`);

const useStyles = makeStyles({ row: { cursor: 'pointer' } });

/** The customer's runs through journeys, newest first; each journey name opens the run (the row's only tab stop). */
export function CustomerJourneyRuns(props: { runs: readonly FragmentType<typeof CustomerJourneyRuns_run>[] }) {
  const runs = getFragmentData(CustomerJourneyRuns_run, props.runs);
  const styles = useStyles();
  const navigate = useNavigate();
  const openFromRow = (to: string) => (event: MouseEvent) => {
    if (event.defaultPrevented || (event.target as HTMLElement).closest('a, button')) return;
    if (window.getSelection()?.toString()) return;
    void navigate(to);
  };
  return (
    <Table aria-label="Journeys" size="small">
      <TableHeader>
        <TableRow>
          {['Journey', 'Status', 'Step', 'Entered'].map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((r) => {
          const to = runPath(r.journeyId, r.id);
          const step = r.journey.definition.steps.find((s) => s.id === r.stepId);
          return (
            <TableRow key={r.id} className={styles.row} onClick={openFromRow(to)}>
              <TableCell>
                <AppLink to={to}>{r.journey.name}</AppLink>
              </TableCell>
              <TableCell>
                <RunStatusBadge status={r.status} />
              </TableCell>
              <TableCell>{step ? step.label || STEP_LABELS[step.type] : (r.stepId ?? '—')}</TableCell>
              <TableCell>{formatDateTime(r.enteredAt)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
