import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CustomerImportMappingDocument, ImportCustomersDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { refusedCsv } from '../components/importRows';
import { ImportCustomersPage } from './ImportCustomersPage';

const headers = ['Customer ID', 'E-mail', 'Name'];
const csv = ['Customer ID,E-mail,Name', 'c-1,ada@example.com,Ada', 'c-2,not-an-email,Bob', 'c-3,cy@example.com,Cy'].join('\n');
const targets = [
  { __typename: 'ImportTargetInfo', key: 'authId', label: 'authId (external id)' },
  { __typename: 'ImportTargetInfo', key: 'email', label: 'Email' },
  { __typename: 'ImportTargetInfo', key: 'firstName', label: 'First name' },
];
const refusal = { __typename: 'ImportRefusal', row: 2, field: 'email', reason: 'INVALID_EMAIL', message: '“not-an-email” is not an email address.' };
const payload = (accepted: number, created: number) => ({ __typename: 'ImportCustomersPayload', accepted, created, updated: 0, refused: [refusal] });
const rows = [
  { authId: 'c-1', email: 'ada@example.com' },
  { authId: 'c-2', email: 'not-an-email' },
  { authId: 'c-3', email: 'cy@example.com' },
];
const named = rows.map((r, i) => ({ ...r, firstName: ['Ada', 'Bob', 'Cy'][i] }));

describe('ImportCustomersPage', () => {
  it('maps columns, checks the preview on the server, imports and lists the refused row with its reason', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ImportCustomersPage />, [
      {
        request: { query: CustomerImportMappingDocument, variables: { headers } },
        result: { data: { customerImportMapping: { __typename: 'CustomerImportMapping', suggestions: ['authId', 'email', null], targets } } },
      },
      {
        request: { query: ImportCustomersDocument, variables: { input: { kind: 'CONTACT', rows, firstRow: 1, dryRun: true } } },
        result: { data: { importCustomers: payload(2, 0) } },
      },
      {
        request: { query: ImportCustomersDocument, variables: { input: { kind: 'CONTACT', rows: named, firstRow: 1, dryRun: true } } },
        result: { data: { importCustomers: payload(2, 0) } },
      },
      { request: { query: ImportCustomersDocument, variables: { input: { kind: 'CONTACT', rows: named, firstRow: 1 } } }, result: { data: { importCustomers: payload(2, 2) } } },
    ]);
    expect(screen.getByText('Choose a CSV file to start')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('CSV file'), new File([csv], 'people.csv', { type: 'text/csv' }));

    // Suggested mapping, editable per column.
    expect(await screen.findByRole('combobox', { name: 'Field for column Customer ID' })).toHaveValue('authId');
    expect(screen.getByRole('combobox', { name: 'Field for column E-mail' })).toHaveValue('email');
    expect(screen.getByRole('combobox', { name: 'Field for column Name' })).toHaveValue('');

    // The server's dry run puts the problem at its cell.
    const preview = await screen.findByRole('table', { name: 'Preview' });
    const bad = await within(preview).findByRole('row', { name: /Row 2/ });
    expect(within(bad).getByText('“not-an-email” is not an email address.')).toBeInTheDocument();
    expect(within(within(preview).getByRole('row', { name: /Row 1/ })).getByText('OK')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Field for column Name' }), 'firstName');
    expect(await within(await screen.findByRole('table', { name: 'Preview' })).findByText('Bob')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Import 3 rows' }));
    expect(await screen.findByText(/3 rows sent: 2 imported \(2 new, 0 updated\), 1 refused/)).toBeInTheDocument();
    const refused = screen.getByRole('table', { name: 'Refused rows' });
    const refusedRow = within(refused).getAllByRole('row')[1];
    expect(within(refusedRow).getByText('2')).toBeInTheDocument();
    expect(within(refusedRow).getByText('email')).toBeInTheDocument();
    expect(within(refusedRow).getByText('(INVALID_EMAIL)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download refused rows (CSV)' })).toBeInTheDocument();
  });

  it('offers the refused rows as a CSV with their original cells and the reason', () => {
    const text = refusedCsv(headers, [{ row: 2, record: { 'Customer ID': 'c-2', 'E-mail': 'not-an-email', Name: 'Bob, Jr.' }, problems: [refusal] }]);
    expect(text.split('\r\n')).toEqual(['row,Customer ID,E-mail,Name,problems', '2,c-2,not-an-email,"Bob, Jr.",email: “not-an-email” is not an email address. (INVALID_EMAIL)']);
  });

  it('asks for an authId column before importing', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ImportCustomersPage />, [
      {
        request: { query: CustomerImportMappingDocument, variables: { headers: ['mail'] } },
        result: { data: { customerImportMapping: { __typename: 'CustomerImportMapping', suggestions: ['email'], targets } } },
      },
      {
        request: { query: ImportCustomersDocument, variables: { input: { kind: 'CONTACT', rows: [{ email: 'a@example.com' }], firstRow: 1, dryRun: true } } },
        result: { data: { importCustomers: { ...payload(0, 0), refused: [{ ...refusal, row: 1, field: 'authId', reason: 'INVALID_AUTH_ID', message: 'authId is missing.' }] } } },
      },
    ]);
    await user.upload(screen.getByLabelText('CSV file'), new File(['mail\na@example.com\n'], 'a.csv', { type: 'text/csv' }));
    expect(await screen.findByText('Map one column to authId: it identifies each customer.')).toBeInTheDocument();
    expect(await screen.findByText('authId is missing.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: /^Import/ })).toBeDisabled());
  });
});
