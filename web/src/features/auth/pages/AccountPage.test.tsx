import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { ChangePasswordDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { AccountPage } from './AccountPage';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'MARKETER',
  permissions: [],
  user: { __typename: 'User', id: 'u1', email: 'ada@example.com', name: 'Ada Lovelace' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
};
const input = { currentPassword: 'the-old-password', newPassword: 'a-brand-new-password' };
const change = (result: object) => ({ request: { query: ChangePasswordDocument, variables: { input } }, result });

function renderPage(mocks: object[]) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <AccountPage />
    </RequireViewer>,
    [{ request: { query: ViewerDocument }, result: { data: { viewer } } }, ...(mocks as never[])],
  );
}

async function fillIn() {
  await userEvent.type(await screen.findByLabelText(/^Current password/), input.currentPassword);
  await userEvent.type(screen.getByLabelText(/^New password/), input.newPassword);
  await userEvent.type(screen.getByLabelText(/^Repeat the new password/), input.newPassword);
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('AccountPage', () => {
  it('changes the password and says how many other sessions were signed out', async () => {
    renderPage([change({ data: { changePassword: { __typename: 'ChangePasswordPayload', signedOutSessions: 2 } } })]);
    expect(await screen.findByRole('heading', { name: 'Account', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Ada Lovelace · ada@example.com')).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Change password' })).toBeInTheDocument();
    await fillIn();
    expect(await screen.findByText('2 other sessions were signed out.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Current password/)).toHaveValue('');
  });

  it('shows a wrong current password on its field and keeps what was typed', async () => {
    renderPage([
      change({
        errors: [new GraphQLError('Your current password is not correct.', { extensions: { code: 'BAD_USER_INPUT', reason: 'WRONG_PASSWORD', field: 'currentPassword' } })],
      }),
    ]);
    await fillIn();
    expect(await screen.findByText('Your current password is not correct.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^New password/)).toHaveValue(input.newPassword);
  });
});
