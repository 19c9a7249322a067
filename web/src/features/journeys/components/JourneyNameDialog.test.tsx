import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { CreateJourneyDocument, JourneysDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { JourneysPage } from '../pages/JourneysPage';
import { journeyNameProblem } from './JourneyNameDialog';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'MARKETER',
  permissions: ['workspace:read', 'journeys:read', 'journeys:write'],
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
};
const list = {
  request: { query: JourneysDocument, variables: { filter: { search: null, status: null } } },
  result: {
    data: { journeys: { __typename: 'JourneyConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes: [] } },
  },
  maxUsageCount: 5,
};
const created = (name: string) => ({
  request: { query: CreateJourneyDocument, variables: { input: { name, description: '' } } },
  result: { data: { createJourney: { __typename: 'JourneyPayload', journey: { __typename: 'Journey', id: 'j-new' } } } },
});

function renderList(mocks: Parameters<typeof renderWithProviders>[1] = []) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Routes>
        <Route path="/journeys" element={<JourneysPage />} />
        <Route path="/journeys/:id" element={<p>The builder of the new journey</p>} />
      </Routes>
    </RequireViewer>,
    [{ request: { query: ViewerDocument }, result: { data: { viewer } } }, list, ...(mocks ?? [])],
    '/journeys',
  );
}

/** (jsdom: Fluent's focus trap marks an open dialog aria-hidden after a moment, as it cannot tell it is visible; hence `hidden`.) */
const hidden = true;
/** The open dialog, titled “New journey”. */
async function newJourneyDialog() {
  const dialog = await screen.findByRole('dialog', { hidden }, { timeout: 5000 });
  expect(within(dialog).getByRole('heading', { name: 'New journey', hidden })).toBeInTheDocument();
  return dialog;
}

describe('New journey', () => {
  it('asks for a name first: nothing is created on click, an empty name is refused, Enter creates it and opens it', async () => {
    renderList([created('Winter sale')]);
    await userEvent.click(await screen.findByRole('button', { name: 'New journey' }, { timeout: 5000 }));
    const dialog = await newJourneyDialog();
    const name = within(dialog).getByRole('textbox', { name: 'Name', hidden });
    expect(name).toBeRequired();
    // Enter on an empty name: refused with a message, nothing sent (no mock answers CreateJourney with an empty name).
    name.focus();
    await userEvent.keyboard('{Enter}');
    expect(await within(dialog).findByText('Give the journey a name.')).toBeInTheDocument();
    await userEvent.type(name, '   ');
    await userEvent.keyboard('{Enter}');
    expect(within(dialog).getByText('Give the journey a name.')).toBeInTheDocument();
    await userEvent.clear(name);
    await userEvent.type(name, '  Winter sale {Enter}');
    expect(await screen.findByText('The builder of the new journey', undefined, { timeout: 5000 })).toBeInTheDocument();
  });

  it('shows under the name what the server refuses, until the name changes', async () => {
    renderList([
      {
        request: { query: CreateJourneyDocument, variables: { input: { name: 'Spring', description: '' } } },
        result: { errors: [new GraphQLError('Give the journey a name of 1–120 characters.', { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_NAME', field: 'name' } })] },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'New journey' }, { timeout: 5000 }));
    const dialog = await newJourneyDialog();
    const name = within(dialog).getByRole('textbox', { name: 'Name', hidden });
    await userEvent.type(name, 'Spring{Enter}');
    expect(await within(dialog).findByText('Give the journey a name of 1–120 characters.', undefined, { timeout: 5000 })).toBeInTheDocument();
    await userEvent.type(name, 's');
    await waitFor(() => expect(within(dialog).queryByText('Give the journey a name of 1–120 characters.')).toBeNull());
  });

  it('Cancel closes without creating anything', async () => {
    renderList();
    await userEvent.click(await screen.findByRole('button', { name: 'New journey' }, { timeout: 5000 }));
    const dialog = await newJourneyDialog();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden })).toBeNull());
    expect(screen.queryByText('The builder of the new journey')).toBeNull();
  });
});

describe('journeyNameProblem', () => {
  it('follows the API: 1–120 characters once trimmed', () => {
    expect(journeyNameProblem('')).toBe('Give the journey a name.');
    expect(journeyNameProblem(' \t ')).toBe('Give the journey a name.');
    expect(journeyNameProblem('a'.repeat(120))).toBeNull();
    expect(journeyNameProblem(` ${'a'.repeat(120)} `)).toBeNull();
    expect(journeyNameProblem('a'.repeat(121))).toBe('A name has at most 120 characters.');
  });
});
