import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { JourneyRunsDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { JourneyRunsTab } from './JourneyRunsTab';

const runRow = (id: string, authId: string) => ({
  __typename: 'JourneyRun',
  id,
  journeyId: 'j1',
  customerId: `cust-${id}`,
  status: 'WAITING',
  stepId: 'if-1',
  binding: null,
  enteredAt: '2026-11-28T09:00:00.000Z',
  endedAt: null,
  customer: { __typename: 'Customer', id: `cust-${id}`, authId, email: null },
});
const runs = (nodes: ReturnType<typeof runRow>[]) => ({
  request: { query: JourneyRunsDocument, variables: { journeyId: 'j1', first: 25, filter: { status: null, stepId: null } } },
  result: {
    data: { journeyRuns: { __typename: 'JourneyRunConnection', totalCount: nodes.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes } },
  },
});
const counts = { entered: 2, active: 0, waiting: 2, completed: 0, exited: 0, stopped: 0, failed: 0, goalReached: 0, refused: [] };

/** The tab as the journey page mounts it: leaving the page for a run and coming back mounts it anew, with `refresh` at 0. */
function Page() {
  const [shown, setShown] = useState(true);
  return (
    <>
      <button onClick={() => setShown((s) => !s)}>{shown ? 'Open a run' : 'Back to the runs'}</button>
      {shown && (
        <JourneyRunsTab
          journeyId="j1"
          journey={{ id: 'j1', runCounts: counts } as never}
          goal={{ triggerId: null, percent: null }}
          steps={[{ id: 'if-1' }]}
          stepName={() => 'If/then branch'}
          refresh={0}
        />
      )}
    </>
  );
}

describe('JourneyRunsTab mounted again', () => {
  it('asks the server again and lists the runs that entered meanwhile, showing the cached list until then', async () => {
    renderWithProviders(<Page />, [runs([runRow('r1', 'crm-1')]), runs([runRow('r2', 'crm-2'), runRow('r1', 'crm-1')])]);
    const table = await screen.findByRole('table', { name: 'Runs' }, { timeout: 5000 });
    expect(within(table).getByRole('link', { name: 'crm-1' })).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: 'crm-2' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Open a run' }));
    expect(screen.queryByRole('table', { name: 'Runs' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Back to the runs' }));
    // At once from the cache…
    expect(within(screen.getByRole('table', { name: 'Runs' })).getByRole('link', { name: 'crm-1' })).toBeInTheDocument();
    // …then from the server, with the run that entered while the tab was away.
    expect(await screen.findByRole('link', { name: 'crm-2' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 2')).toBeInTheDocument();
  });
});
