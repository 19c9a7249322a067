import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PasswordResetLinkDocument, ResetPasswordDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { ResetPasswordPage } from './ResetPasswordPage';

const URL_WITH_TOKEN = '/reset-password?token=tok-1';
const linkState = (state: string, email: string | null = null) => ({
  request: { query: PasswordResetLinkDocument, variables: { token: 'tok-1' } },
  result: { data: { passwordResetLink: { __typename: 'PasswordResetLinkStatus', state, email } } },
});
const NEW_PASSWORD = 'a-brand-new-password';

describe('ResetPasswordPage', () => {
  it('sets a new password with a valid link, then says every session was signed out and offers sign-in', async () => {
    renderWithProviders(
      <ResetPasswordPage />,
      [
        linkState('VALID', 'ada@example.com'),
        {
          request: { query: ResetPasswordDocument, variables: { input: { token: 'tok-1', newPassword: NEW_PASSWORD } } },
          result: { data: { resetPassword: { __typename: 'ResetPasswordPayload', email: 'ada@example.com' } } },
        },
      ],
      URL_WITH_TOKEN,
    );
    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument();
    expect(screen.getByText(/For ada@example.com/)).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Set new password' });
    await userEvent.type(screen.getByLabelText(/^New password/), 'short');
    expect(screen.getByText('At least 10 characters.')).toBeInTheDocument();
    expect(submit).toBeDisabled();
    await userEvent.clear(screen.getByLabelText(/^New password/));
    await userEvent.type(screen.getByLabelText(/^New password/), NEW_PASSWORD);
    await userEvent.type(screen.getByLabelText(/^Repeat the new password/), `${NEW_PASSWORD}x`);
    expect(screen.getByText('The two passwords differ.')).toBeInTheDocument();
    expect(submit).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/^Repeat the new password/), '{Backspace}');
    await userEvent.click(submit);
    expect(await screen.findByRole('heading', { name: 'Password changed' })).toBeInTheDocument();
    expect(screen.getByText(/every session of ada@example.com was signed out/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/');
  });

  it.each([
    ['EXPIRED', 'This reset link has expired'],
    ['USED', 'This reset link was already used'],
    ['UNKNOWN', 'This reset link is not valid'],
  ])('shows a clear page for a %s link, with the way to a new one, and no password form', async (state, title) => {
    renderWithProviders(<ResetPasswordPage />, [linkState(state)], URL_WITH_TOKEN);
    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ask for a new reset link' })).toHaveAttribute('href', '/forgot-password');
    expect(screen.getByRole('link', { name: 'Back to sign in' })).toHaveAttribute('href', '/');
    expect(screen.queryByLabelText(/New password/)).toBeNull();
  });

  it('switches to the clear page when the link turns out used by the time the form is sent', async () => {
    renderWithProviders(
      <ResetPasswordPage />,
      [
        linkState('VALID', 'ada@example.com'),
        {
          request: { query: ResetPasswordDocument, variables: { input: { token: 'tok-1', newPassword: NEW_PASSWORD } } },
          result: { errors: [new GraphQLError('This password reset link was already used.', { extensions: { code: 'BAD_USER_INPUT', reason: 'RESET_LINK_USED' } })] },
        },
      ],
      URL_WITH_TOKEN,
    );
    await userEvent.type(await screen.findByLabelText(/^New password/), NEW_PASSWORD);
    await userEvent.type(screen.getByLabelText(/^Repeat the new password/), NEW_PASSWORD);
    await userEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'This reset link was already used' })).toBeInTheDocument());
  });
});
