import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { screen, waitFor, within } from '@testing-library/react';
import {
  CreatePasswordResetLinkDocument,
  MembersDocument,
  PendingInvitationsDocument,
  ResendInvitationDocument,
  RevokeInvitationDocument,
  ViewerDocument,
} from '../../../gql/graphql';
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

  describe('as an admin', () => {
    const admin = { ...viewer, role: 'ADMIN', permissions: ['workspace:read', 'members:manage'] };
    const invitation = {
      __typename: 'Invitation',
      id: 'i1',
      email: 'invitee@example.com',
      role: 'DEVELOPER',
      createdAt: '2026-11-20T10:00:00.000Z',
      expiresAt: '2099-11-27T10:00:00.000Z',
    };
    const pending = (list: object[]) => ({ request: { query: PendingInvitationsDocument }, result: { data: { pendingInvitations: list } } });
    const members = {
      request: { query: MembersDocument, variables: {} },
      result: {
        data: {
          members: {
            __typename: 'MembershipConnection',
            totalCount: 2,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
            nodes: [{ ...member(0), role: 'ADMIN', user: { ...member(0).user, id: 'u0', email: 'me@example.com', name: 'Me' } }, member(1)],
          },
        },
      },
    };
    const render = (mocks: object[]) =>
      renderWithProviders(
        <RequireViewer signedOut={null} loading={null} failed={() => null}>
          <MembersTab />
        </RequireViewer>,
        [{ request: { query: ViewerDocument }, result: { data: { viewer: admin } } }, members, ...(mocks as never[])],
      );

    it('lists pending invitations; revoking asks first and removes it', async () => {
      render([
        pending([invitation]),
        {
          request: { query: RevokeInvitationDocument, variables: { input: { invitationId: 'i1' } } },
          result: {
            data: { revokeInvitation: { __typename: 'RevokeInvitationPayload', invitation: { __typename: 'Invitation', id: 'i1', revokedAt: '2026-11-22T10:00:00.000Z' } } },
          },
        },
        pending([]),
      ]);
      const table = await screen.findByRole('table', { name: 'Pending invitations' });
      expect(within(table).getByText('invitee@example.com')).toBeInTheDocument();
      expect(within(table).getByText('Developer')).toBeInTheDocument();
      await userEvent.click(within(table).getByRole('button', { name: 'Revoke invitation to invitee@example.com' }));
      const dialog = await screen.findByRole('dialog', { name: 'Revoke this invitation?' });
      await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
      expect(await screen.findByText('No pending invitations.')).toBeInTheDocument();
    });

    it('resends an invitation and shows the new link once', async () => {
      render([
        pending([invitation]),
        {
          request: { query: ResendInvitationDocument, variables: { input: { invitationId: 'i1' } } },
          result: {
            data: {
              resendInvitation: {
                __typename: 'ResendInvitationPayload',
                inviteUrl: 'http://localhost:4000/accept-invitation?token=new',
                emailSent: true,
                invitation: { __typename: 'Invitation', id: 'i1', email: 'invitee@example.com', expiresAt: '2099-12-04T10:00:00.000Z' },
              },
            },
          },
        },
      ]);
      await userEvent.click(await screen.findByRole('button', { name: 'Resend invitation to invitee@example.com' }));
      const dialog = await screen.findByRole('dialog', { name: 'Invitation sent again' });
      expect(within(dialog).getByDisplayValue('http://localhost:4000/accept-invitation?token=new')).toBeInTheDocument();
      expect(within(dialog).getByText(/emailed again to invitee@example.com/)).toBeInTheDocument();
      expect(within(dialog).getByText(/the previous link no longer works/)).toBeInTheDocument();
    });

    it('creates a password reset link for another member (not for oneself) and shows it once', async () => {
      render([
        pending([]),
        {
          request: { query: CreatePasswordResetLinkDocument, variables: { input: { membershipId: 'm1' } } },
          result: {
            data: {
              createPasswordResetLink: {
                __typename: 'CreatePasswordResetLinkPayload',
                resetUrl: 'http://localhost:4000/reset-password?token=r1',
                expiresAt: '2099-11-22T11:00:00.000Z',
              },
            },
          },
        },
      ]);
      await screen.findByText('member-1@example.com');
      expect(screen.queryByRole('button', { name: 'Password reset link for me@example.com' })).toBeNull();
      await userEvent.click(screen.getByRole('button', { name: 'Password reset link for member-1@example.com' }));
      const dialog = await screen.findByRole('dialog', { name: 'Password reset link' });
      await waitFor(() => expect(within(dialog).getByDisplayValue('http://localhost:4000/reset-password?token=r1')).toBeInTheDocument());
      expect(within(dialog).getByText(/Give this link to Member 1 yourself/)).toBeInTheDocument();
    });

    it('keeps the role dropdown inside a table that scrolls in its own box', async () => {
      render([pending([])]);
      const table = await screen.findByRole('table', { name: 'Members table' });
      const dropdown = within(table).getByRole('combobox', { name: 'Role of member-1@example.com' });
      expect(dropdown).toBeInTheDocument();
      expect(getComputedStyle(table.parentElement!).overflowX).toBe('auto');
    });
  });
});
