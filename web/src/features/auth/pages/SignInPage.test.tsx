import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { SignInDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { SignInPage } from './SignInPage';

const input = { email: 'ada@example.com', password: 'correct-horse-battery' };

describe('SignInPage', () => {
  it('signs in and hands over the workspace', async () => {
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInPage onSignedIn={onSignedIn} />, [
      {
        request: { query: SignInDocument, variables: { input } },
        result: { data: { signIn: { __typename: 'SignInPayload', user: { __typename: 'User', id: 'u1' }, workspace: { __typename: 'Workspace', id: 'w1' } } } },
      },
    ]);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/Email/), input.email);
    await userEvent.type(screen.getByLabelText(/Password/), input.password);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('w1'));
  });

  it('shows the server’s message for wrong credentials and stays on the form', async () => {
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInPage onSignedIn={onSignedIn} />, [
      {
        request: { query: SignInDocument, variables: { input } },
        result: { errors: [new GraphQLError('Email or password is incorrect.', { extensions: { code: 'UNAUTHENTICATED' } })] },
      },
    ]);
    await userEvent.type(screen.getByLabelText(/Email/), input.email);
    await userEvent.type(screen.getByLabelText(/Password/), input.password);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Email or password is incorrect.')).toBeInTheDocument();
    expect(onSignedIn).not.toHaveBeenCalled();
  });
});
