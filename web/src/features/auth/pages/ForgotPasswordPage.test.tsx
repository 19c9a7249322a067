import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RequestPasswordResetDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { ForgotPasswordPage } from './ForgotPasswordPage';

const request = (email: string) => ({ query: RequestPasswordResetDocument, variables: { input: { email } } });

describe('ForgotPasswordPage', () => {
  it('answers without telling whether the address has an account', async () => {
    renderWithProviders(<ForgotPasswordPage />, [
      { request: request('ada@example.com'), result: { data: { requestPasswordReset: { __typename: 'RequestPasswordResetPayload', accepted: true } } } },
    ]);
    expect(screen.getByRole('button', { name: 'Send reset link' })).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/Email/), 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByText(/If ada@example.com has a Flare account, a link to choose a new password is on its way/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to sign in' })).toHaveAttribute('href', '/');
  });

  it('shows the limit when too many links were asked for', async () => {
    renderWithProviders(<ForgotPasswordPage />, [
      {
        request: request('ada@example.com'),
        result: { errors: [new GraphQLError('Too many password reset requests. Retry after 3500 s.', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3500 } })] },
      },
    ]);
    await userEvent.type(screen.getByLabelText(/Email/), 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText('Too many password reset requests. Retry after 3500 s.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Check your email' })).toBeNull();
  });
});
