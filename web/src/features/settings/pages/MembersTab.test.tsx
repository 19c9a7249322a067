import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { MembersDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { MembersTab } from './MembersTab';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'VIEWER',
  permissions: [],
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
};

const member = (n: number) => ({
  __typename: 'Membership',
  id: `m${n}`,
  role: 'MARKETER',
  createdAt: '2026-11-22T10:00:00.000Z',
  user: { __typename: 'User', id: `u${n}`, name: `Member ${n}`, email: `member-${n}@example.com` },
});

const page = (from: number, to: number, hasNextPage: boolean) => ({
  data: {
    members: {
      __typename: 'MembershipConnection',
      totalCount: 120,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${to}` },
      nodes: Array.from({ length: to - from + 1 }, (_, i) => member(from + i)),
    },
  },
});

describe('MembersTab', () => {
  it('pages members 50 at a time instead of stopping at the first 100', async () => {
    renderWithProviders(
      <RequireViewer signedOut={null} loading={null} failed={() => null}>
        <MembersTab />
      </RequireViewer>,
      [
        { request: { query: ViewerDocument }, result: { data: { viewer } } },
        { request: { query: MembersDocument, variables: {} }, result: page(1, 50, true) },
        { request: { query: MembersDocument, variables: { after: 'c50' } }, result: page(51, 100, true) },
        { request: { query: MembersDocument, variables: { after: 'c100' } }, result: page(101, 120, false) },
      ],
    );
    expect(await screen.findByText('Member 50')).toBeInTheDocument();
    expect(screen.getByText('120 members')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more members' }));
    expect(await screen.findByText('Member 100')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more members' }));
    expect(await screen.findByText('Member 120')).toBeInTheDocument();
    expect(screen.getAllByText(/^Member \d+$/)).toHaveLength(120);
    expect(screen.queryByRole('button', { name: 'Load more members' })).toBeNull();
  });
});
