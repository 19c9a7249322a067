import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { InviteMemberDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { InviteMemberDialog } from './InviteMemberDialog';

describe('InviteMemberDialog', () => {
  it('always hands out a link the person accepts; it never claims they are a member already', async () => {
    const email = 'someone@example.com';
    renderWithProviders(<InviteMemberDialog open onClose={vi.fn()} />, [
      {
        request: { query: InviteMemberDocument, variables: { input: { email, role: 'MARKETER' } } },
        result: {
          data: {
            inviteMember: {
              __typename: 'InviteMemberPayload',
              inviteUrl: 'http://localhost:4000/accept-invitation?token=secret',
              emailSent: true,
              invitation: { __typename: 'Invitation', id: 'i1', email },
            },
          },
        },
      },
    ]);
    await userEvent.type(screen.getByLabelText(/Email/), email);
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByDisplayValue('http://localhost:4000/accept-invitation?token=secret')).toBeInTheDocument();
    expect(screen.getByText(/They become a member when they accept it/)).toBeInTheDocument();
    expect(screen.getByText(/An invitation email went to someone@example.com/)).toBeInTheDocument();
    expect(screen.queryByText(/is now a member/)).toBeNull();
  });
});
