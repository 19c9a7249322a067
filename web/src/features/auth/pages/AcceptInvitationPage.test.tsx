import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { AcceptInvitationDocument, AcceptInvitationViewerDocument, InvitationLinkDocument, JoinWorkspaceDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { AcceptInvitationPage } from './AcceptInvitationPage';

const URL_WITH_TOKEN = '/accept-invitation?token=tok-1';
const signedOut = {
  request: { query: AcceptInvitationViewerDocument },
  result: { errors: [new GraphQLError('Sign in or send a valid API key.', { extensions: { code: 'UNAUTHENTICATED' } })] },
};
const signedInAs = (email: string) => ({
  request: { query: AcceptInvitationViewerDocument },
  result: { data: { viewer: { __typename: 'Viewer', kind: 'USER', user: { __typename: 'User', id: 'u1', email } } } },
});

const link = (state: string, valid = state === 'VALID') => ({
  request: { query: InvitationLinkDocument, variables: { token: 'tok-1' } },
  result: {
    data: {
      invitationLink: {
        __typename: 'InvitationLinkStatus',
        state,
        email: valid ? 'ada@example.com' : null,
        role: valid ? 'MARKETER' : null,
        workspaceName: valid ? 'Acme Retail' : null,
      },
    },
  },
});

describe('AcceptInvitationPage', () => {
  it('asks someone who is not signed in for a name and password (new account, or an existing account’s password)', async () => {
    const onAccepted = vi.fn();
    const input = { token: 'tok-1', name: 'Ada', password: 'a-long-enough-password' };
    renderWithProviders(
      <AcceptInvitationPage onAccepted={onAccepted} />,
      [
        signedOut,
        link('VALID'),
        {
          request: { query: AcceptInvitationDocument, variables: { input } },
          result: { data: { acceptInvitation: { __typename: 'SignInPayload', user: { __typename: 'User', id: 'u1' }, workspace: { __typename: 'Workspace', id: 'w1' } } } },
        },
      ],
      URL_WITH_TOKEN,
    );
    await userEvent.type(await screen.findByLabelText(/Your name/), input.name);
    await userEvent.type(screen.getByLabelText(/Password/), input.password);
    await userEvent.click(screen.getByRole('button', { name: 'Join workspace' }));
    await waitFor(() => expect(onAccepted).toHaveBeenCalledWith('w1'));
  });

  it('lets a signed-in user join with one click, without typing their password again', async () => {
    const onAccepted = vi.fn();
    renderWithProviders(
      <AcceptInvitationPage onAccepted={onAccepted} />,
      [
        signedInAs('ada@example.com'),
        link('VALID'),
        {
          request: { query: JoinWorkspaceDocument, variables: { input: { token: 'tok-1' } } },
          result: {
            data: { joinWorkspace: { __typename: 'JoinWorkspacePayload', membership: { __typename: 'Membership', id: 'm1', workspace: { __typename: 'Workspace', id: 'w2' } } } },
          },
        },
      ],
      URL_WITH_TOKEN,
    );
    expect(await screen.findByText(/Signed in as ada@example.com/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/Password/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Join as ada@example.com' }));
    await waitFor(() => expect(onAccepted).toHaveBeenCalledWith('w2'));
  });

  it('shows why a signed-in user cannot take someone else’s invitation, and offers the other account', async () => {
    const onAccepted = vi.fn();
    const message = 'This invitation is for another email address. Sign out, then open the link again and sign in as the invited person.';
    renderWithProviders(
      <AcceptInvitationPage onAccepted={onAccepted} />,
      [
        signedInAs('bob@example.com'),
        link('VALID'),
        {
          request: { query: JoinWorkspaceDocument, variables: { input: { token: 'tok-1' } } },
          result: { errors: [new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reason: 'INVITATION_FOR_ANOTHER_EMAIL' } })] },
        },
      ],
      URL_WITH_TOKEN,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Join as bob@example.com' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(onAccepted).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Use another account' }));
    expect(screen.getByLabelText(/Password/)).toBeInTheDocument();
  });

  it('names the workspace and the role the invitation is for', async () => {
    renderWithProviders(<AcceptInvitationPage onAccepted={vi.fn()} />, [signedOut, link('VALID')], URL_WITH_TOKEN);
    expect(await screen.findByText('ada@example.com is invited to “Acme Retail” with the role marketer.')).toBeInTheDocument();
  });

  it.each([
    ['REVOKED', 'This invitation was withdrawn', /revoked it/],
    ['EXPIRED', 'This invitation has expired', /Ask an admin of the workspace to send it again/],
    ['USED', 'This invitation was already accepted', /sign in to reach the workspace/],
    ['UNKNOWN', 'This invitation link is not valid', /ask an admin of the workspace to invite you again/],
  ])('shows a clear page for a %s link with a way forward, never the join form', async (state, title, text) => {
    const onAccepted = vi.fn();
    renderWithProviders(<AcceptInvitationPage onAccepted={onAccepted} />, [signedOut, link(state)], URL_WITH_TOKEN);
    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in to Flare' })).toHaveAttribute('href', '/');
    expect(screen.queryByLabelText(/Password/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Join/ })).toBeNull();
  });
});
