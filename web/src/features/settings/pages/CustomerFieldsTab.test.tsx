import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { CustomerFieldsSettingsDocument, DefineCustomerFieldDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CustomerFieldsTab } from './CustomerFieldsTab';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'MARKETER',
  permissions: ['workspace:read', 'customers:read', 'customers:write'],
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
};
const tier = { __typename: 'CustomerField', name: 'loyaltyTier', label: 'Loyalty tier', type: 'TEXT', createdAt: '2026-11-28T09:00:00.000Z' };
const points = { __typename: 'CustomerField', name: 'points', label: 'Points', type: 'NUMBER', createdAt: '2026-11-28T10:00:00.000Z' };

describe('CustomerFieldsTab', () => {
  it('lists the fields and defines one, with the server’s problem under the name', async () => {
    renderWithProviders(
      <RequireViewer signedOut={null} loading={null} failed={() => null}>
        <CustomerFieldsTab />
      </RequireViewer>,
      [
        { request: { query: ViewerDocument }, result: { data: { viewer } } },
        { request: { query: CustomerFieldsSettingsDocument }, result: { data: { customerFields: [tier] } } },
        {
          request: { query: DefineCustomerFieldDocument, variables: { input: { name: 'email', label: 'Points', type: 'NUMBER' } } },
          result: { errors: [new GraphQLError('“email” is a built-in customer property; choose another name.', { extensions: { code: 'BAD_USER_INPUT', field: 'name' } })] },
        },
        {
          request: { query: DefineCustomerFieldDocument, variables: { input: { name: 'points', label: 'Points', type: 'NUMBER' } } },
          result: { data: { defineCustomerField: points } },
        },
        { request: { query: CustomerFieldsSettingsDocument }, result: { data: { customerFields: [tier, points] } } },
      ],
    );
    const table = await screen.findByRole('table', { name: 'Customer fields' });
    expect(within(table).getByText('loyaltyTier')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Define field' }));
    const dialog = await screen.findByRole('dialog', { name: 'Define a customer field' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'email');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Label/ }), 'Points');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Type' }));
    await userEvent.click(screen.getByRole('option', { name: 'Whole number' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Define field' }));
    expect(await within(dialog).findByText('“email” is a built-in customer property; choose another name.')).toBeInTheDocument();
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    await userEvent.clear(name);
    await userEvent.type(name, 'points');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Define field' }));
    expect(await within(table).findByText('points', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(within(table).getByText('Whole number')).toBeInTheDocument();
  });
});
