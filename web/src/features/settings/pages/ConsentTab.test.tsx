import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { ConsentPoliciesDocument, SetConsentPolicyDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { ConsentTab } from './ConsentTab';

const viewer = (role: string, permissions: string[]) => ({
  __typename: 'Viewer',
  kind: 'USER',
  role,
  permissions,
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
});
const policies = (email: string) => ({
  data: {
    consentPolicies: [
      { __typename: 'ConsentPolicyInfo', channel: 'EMAIL', model: email },
      { __typename: 'ConsentPolicyInfo', channel: 'TEXT', model: 'RESTRICTIVE' },
      { __typename: 'ConsentPolicyInfo', channel: 'PUSH', model: 'NON_RESTRICTIVE' },
    ],
  },
});

function renderTab(v: ReturnType<typeof viewer>, mocks: Parameters<typeof renderWithProviders>[1]) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <ConsentTab />
    </RequireViewer>,
    [{ request: { query: ViewerDocument }, result: { data: { viewer: v } } }, ...(mocks ?? [])],
  );
}

describe('ConsentTab', () => {
  it('lets an admin change a channel’s model after confirming what it means', async () => {
    renderTab(viewer('ADMIN', ['workspace:read', 'workspace:manage', 'customers:read']), [
      { request: { query: ConsentPoliciesDocument }, result: policies('NON_RESTRICTIVE') },
      {
        request: { query: SetConsentPolicyDocument, variables: { input: { channel: 'EMAIL', model: 'RESTRICTIVE' } } },
        result: { data: { setConsentPolicy: policies('RESTRICTIVE').data.consentPolicies } },
      },
      { request: { query: ConsentPoliciesDocument }, result: policies('RESTRICTIVE') },
    ]);
    expect(await screen.findByText(/Commercial text messages always need an opt-in/)).toBeInTheDocument();
    const email = await screen.findByRole('radiogroup', { name: 'Email consent model' });
    await userEvent.click(within(email).getByRole('radio', { name: /^Restrictive/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Make email restrictive?' });
    expect(within(dialog).getByText(/go only to customers who opted in/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change model' }));
    const emailRow = email.closest('tr')!;
    await waitFor(() => expect(within(emailRow).getByRole('radio', { name: /^Restrictive/ })).toBeChecked(), { timeout: 5000 });
    expect(within(emailRow).getByText('Sent only to customers who opted in for the purpose.')).toBeInTheDocument();
  });

  it('shows the models read-only to everyone else', async () => {
    renderTab(viewer('MARKETER', ['workspace:read', 'customers:read']), [{ request: { query: ConsentPoliciesDocument }, result: policies('NON_RESTRICTIVE') }]);
    expect(await screen.findByText('Only workspace admins can change the consent model.')).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Consent models' })).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getAllByText('Non-restrictive (send unless opted out)')).toHaveLength(2);
  });
});
