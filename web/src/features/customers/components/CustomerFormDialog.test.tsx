import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { makeFragmentData } from '../../../gql';
import { CustomerByAuthIdDocument, UpsertCustomerDocument, type CustomerFormDialog_CustomerFragment } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CustomerFormDialog, CustomerFormDialog_customer } from './CustomerFormDialog';

const stored: CustomerFormDialog_CustomerFragment = {
  id: 'c1',
  kind: 'CONTACT',
  authId: 'crm-42',
  email: 'ada@example.com',
  phone: null,
  firstName: 'Ada',
  lastName: 'Lovelace',
  locale: null,
  timeZone: null,
  addressLine1: null,
  addressLine2: null,
  city: null,
  postalCode: null,
  region: null,
  country: null,
  fields: { points: 10 },
};

describe('CustomerFormDialog', () => {
  it('sends only what changed and shows the server’s problems under their fields', async () => {
    const problems = [
      { field: 'email', reason: 'INVALID_EMAIL', message: '“ada@” is not an email address.' },
      { field: 'fields.points', reason: 'INVALID_FIELD_VALUE', message: '“points” must be a whole number.' },
    ];
    renderWithProviders(
      <CustomerFormDialog
        open
        customer={makeFragmentData({ __typename: 'Customer', ...stored }, CustomerFormDialog_customer)}
        fieldDefinitions={[{ name: 'points', label: 'Points', type: 'NUMBER' }]}
        onClose={() => {}}
        onSaved={() => {}}
      />,
      [
        {
          request: { query: UpsertCustomerDocument, variables: { input: { kind: 'CONTACT', authId: 'crm-42', email: 'ada@', fields: { points: 1.5 } } } },
          result: { errors: [new GraphQLError('“ada@” is not an email address. (and 1 more problem)', { extensions: { code: 'BAD_USER_INPUT', field: 'email', problems } })] },
        },
      ],
    );
    const dialog = screen.getByRole('dialog', { name: 'Edit customer' });
    expect(within(dialog).getByRole('textbox', { name: /authId/ })).toBeDisabled();
    const email = within(dialog).getByRole('textbox', { name: 'Email' });
    await userEvent.clear(email);
    await userEvent.type(email, 'ada@');
    const points = within(dialog).getByRole('textbox', { name: 'Points' });
    await userEvent.clear(points);
    await userEvent.type(points, '1.5');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('“ada@” is not an email address.')).toBeInTheDocument();
    expect(within(dialog).getByText('“points” must be a whole number.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).queryByText(/and 1 more problem/)).toBeNull();
  });

  it('does not overwrite an existing customer from “New customer”', async () => {
    const onSaved = vi.fn();
    renderWithProviders(<CustomerFormDialog open onClose={() => {}} onSaved={onSaved} />, [
      {
        request: { query: CustomerByAuthIdDocument, variables: { kind: 'CONTACT', authId: 'crm-42' } },
        result: { data: { customerByAuthId: { __typename: 'Customer', id: 'c1' } } },
      },
    ]);
    const dialog = screen.getByRole('dialog', { name: 'New customer' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /authId/ }), 'crm-42');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create customer' }));
    expect(await within(dialog).findByText('A contact with this authId already exists.')).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
