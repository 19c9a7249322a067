import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { SendTestMessageDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { SendTestDialog } from './SendTestDialog';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'MARKETER',
  permissions: ['workspace:read', 'journeys:read', 'journeys:write'],
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
};
const slow = { timeout: 5000 };
const input = (to: string) => ({ input: { channel: 'TEXT', contentId: 'k1', to, customerId: null } });

describe('SendTestDialog (content editor)', () => {
  it('sends the content through its channel, showing a problem on the field and then the outcome', async () => {
    renderWithProviders(
      <RequireViewer signedOut={null} loading={null} failed={() => null}>
        <SendTestDialog open contentId="k1" channel="TEXT" name="Cart reminder" unsaved onClose={() => undefined} />
      </RequireViewer>,
      [
        { request: { query: ViewerDocument }, result: { data: { viewer } } },
        {
          request: { query: SendTestMessageDocument, variables: input('12') },
          result: {
            errors: [{ message: 'That is not a valid phone number (use the + country form).', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_RECIPIENT', field: 'to' } }],
          },
        },
        {
          request: { query: SendTestMessageDocument, variables: input('+447700900123') },
          result: { data: { sendTestMessage: { __typename: 'SendTestMessagePayload', outcome: 'SENT', reason: null, to: '+447700900123', provider: 'WEBHOOK' } } },
        },
      ],
    );
    const dialog = await screen.findByRole('dialog', { name: 'Send “Cart reminder” as a test' }, slow);
    expect(within(dialog).getByText('The saved version is sent: save your changes first to test them.')).toBeInTheDocument();
    const phone = within(dialog).getByLabelText('Phone number');
    await userEvent.type(phone, '12');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send test' }));
    expect(await within(dialog).findByText('That is not a valid phone number (use the + country form).', undefined, slow)).toBeInTheDocument();
    expect(phone).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(phone);
    await userEvent.type(phone, '+447700900123');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send test' }));
    expect(await within(dialog).findByText('The Webhook accepted the message for +447700900123.', undefined, slow)).toBeInTheDocument();
    expect(phone).not.toHaveAttribute('aria-invalid', 'true');
  });
});
