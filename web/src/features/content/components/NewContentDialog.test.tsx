import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { ContentsDocument, CreateContentDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { ContentListPage } from '../pages/ContentListPage';
import { contentNameProblem } from './NewContentDialog';

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
  request: { query: ContentsDocument, variables: () => true },
  result: { data: { contents: { __typename: 'ContentConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes: [] } } },
  maxUsageCount: 10,
};

function renderList(mocks: Parameters<typeof renderWithProviders>[1] = []) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Routes>
        <Route path="/content" element={<ContentListPage />} />
        <Route path="/content/:id" element={<p>The editor of the new email</p>} />
      </Routes>
    </RequireViewer>,
    [{ request: { query: ViewerDocument }, result: { data: { viewer } } }, list, ...(mocks ?? [])],
    '/content',
  );
}

/** (jsdom: Fluent's focus trap marks an open dialog aria-hidden after a moment; hence `hidden`.) */
const hidden = true;

async function openNewEmail() {
  const slow = { timeout: 5000 };
  await userEvent.click(await screen.findByRole('button', { name: 'New content' }, slow));
  await userEvent.click(await screen.findByRole('menuitem', { name: 'Email' }, slow));
  // (The accessible name is not asserted: once the focus trap hides the dialog from jsdom, its title no longer names it.)
  const dialog = await screen.findByRole('dialog', { hidden }, slow);
  expect(within(dialog).getByText('New email')).toBeInTheDocument();
  return { dialog, name: within(dialog).getByRole('textbox', { name: /^Name/, hidden }) };
}

describe('New email', () => {
  it('asks for a name first: nothing is saved on click, an empty name is refused, Enter creates the email and opens it', async () => {
    renderList([
      {
        request: { query: CreateContentDocument, variables: { input: { channel: 'EMAIL', name: 'Cart reminder' } } },
        result: { data: { createContent: { __typename: 'ContentPayload', content: { __typename: 'ContentItem', id: 'c-new' } } } },
      },
    ]);
    const { dialog, name } = await openNewEmail();
    expect(name).toBeRequired();
    name.focus();
    await userEvent.keyboard('{Enter}');
    expect(await within(dialog).findByText('Give the message a name.')).toBeInTheDocument();
    await userEvent.type(name, '  Cart reminder {Enter}');
    expect(await screen.findByText('The editor of the new email', undefined, { timeout: 5000 })).toBeInTheDocument();
  });

  it('shows what the server refuses under the name, until the name changes', async () => {
    renderList([
      {
        request: { query: CreateContentDocument, variables: { input: { channel: 'EMAIL', name: 'Spring' } } },
        result: { errors: [new GraphQLError('Give the content a name of 1–120 characters.', { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_NAME', field: 'name' } })] },
      },
    ]);
    const { dialog, name } = await openNewEmail();
    await userEvent.type(name, 'Spring{Enter}');
    expect(await within(dialog).findByText('Give the content a name of 1–120 characters.', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(name).toHaveAccessibleDescription(expect.stringContaining('Give the content a name of 1–120 characters.'));
    await userEvent.type(name, 's');
    expect(within(dialog).queryByText('Give the content a name of 1–120 characters.')).toBeNull();
  });

  it('refuses empty and too long names before sending', () => {
    expect(contentNameProblem('   ')).toBe('Give the message a name.');
    expect(contentNameProblem('x'.repeat(121))).toBe('A name has at most 120 characters.');
    expect(contentNameProblem(' Welcome ')).toBeNull();
  });
});
