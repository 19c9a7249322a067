import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import {
  ChannelPoliciesDocument,
  ChannelSettingsDocument,
  SendTestMessageDocument,
  SetSmtpChannelDocument,
  SetWebhookChannelDocument,
  ViewerDocument,
  WorkspaceTimeZoneDocument,
} from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { ChannelsTab } from './ChannelsTab';

const viewer = (role: string, permissions: string[]) => ({
  __typename: 'Viewer',
  kind: 'USER',
  role,
  permissions,
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
});
/** The page is three forms: queries over it take a while in jsdom on a busy machine. */
const slow = { timeout: 5000 };
const ADMIN = viewer('ADMIN', ['workspace:read', 'workspace:manage', 'journeys:read', 'journeys:write']);

const inbox = (channel: string) => ({ __typename: 'ChannelSetting', channel, provider: 'INBOX', updatedAt: null, smtp: null, webhook: null });
const textWebhook = {
  __typename: 'ChannelSetting',
  channel: 'TEXT',
  provider: 'WEBHOOK',
  updatedAt: '2026-11-22T10:00:00.000Z',
  smtp: null,
  webhook: { __typename: 'WebhookSettingsInfo', url: 'https://sms.example.com/flare', statusCallbackUrl: 'https://flare.example.com/v1/channels/w1/TEXT/status' },
};
const settings = (...list: object[]) => ({ request: { query: ChannelSettingsDocument }, result: { data: { channelSettings: list } } });

/** The policy sections (frequency caps, quiet hours, the workspace's time zone) on the same page: none set. */
const workspace = { __typename: 'Workspace', id: 'w1', timeZone: 'UTC' };
const policyMocks = [
  {
    request: { query: ChannelPoliciesDocument },
    result: {
      data: {
        channelSettings: ['EMAIL', 'TEXT', 'PUSH'].map((channel) => ({ __typename: 'ChannelSetting', channel, frequencyCap: null, quietHours: null })),
        viewer: { __typename: 'Viewer', workspace },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  { request: { query: WorkspaceTimeZoneDocument }, result: { data: { viewer: { __typename: 'Viewer', workspace } } }, maxUsageCount: Number.POSITIVE_INFINITY },
];

function renderTab(v: ReturnType<typeof viewer>, mocks: Parameters<typeof renderWithProviders>[1]) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <ChannelsTab />
    </RequireViewer>,
    [{ request: { query: ViewerDocument }, result: { data: { viewer: v } } }, ...policyMocks, ...(mocks ?? [])],
  );
}

describe('ChannelsTab', () => {
  it('saves SMTP settings after a light check, and shows the server’s problem on its field', async () => {
    renderTab(ADMIN, [
      settings(inbox('EMAIL'), inbox('TEXT'), inbox('PUSH')),
      {
        request: {
          query: SetSmtpChannelDocument,
          variables: {
            input: {
              host: 'smtp..example.com',
              port: 587,
              security: 'STARTTLS',
              username: 'flare',
              password: 's3cret',
              fromName: 'Shop',
              fromAddress: 'news@shop.example.com',
              replyTo: null,
            },
          },
        },
        result: {
          errors: [
            {
              message: 'The SMTP host is a host name or an IP address, like smtp.example.com.',
              extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_HOST', field: 'host' },
            },
          ],
        },
      },
    ]);
    const email = await screen.findByRole('region', { name: 'Email' }, slow);
    expect(within(email).getByText(/Delivered by the Flare inbox \(the default\)/)).toBeInTheDocument();
    await userEvent.click(within(email).getByRole('radio', { name: 'SMTP server' }));
    const form = within(email).getByRole('form', { name: 'SMTP server' });
    expect(within(form).getByText('No password is stored. Stored encrypted; never shown again.')).toBeInTheDocument();

    // The light check runs first: nothing is sent while the sender is missing.
    await userEvent.click(within(form).getByRole('button', { name: 'Save SMTP settings' }));
    expect(await within(form).findByText('Give the server’s host name, like smtp.example.com.', undefined, slow)).toBeInTheDocument();
    expect(within(form).getByText('Give a valid email address.')).toBeInTheDocument();

    await userEvent.type(within(form).getByRole('textbox', { name: /^Host/ }), 'smtp..example.com');
    await userEvent.type(within(form).getByRole('textbox', { name: /^User name/ }), 'flare');
    await userEvent.type(within(form).getByLabelText(/^Password/), 's3cret');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Sender name/ }), 'Shop');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Sender address/ }), 'news@shop.example.com');
    await userEvent.click(within(form).getByRole('button', { name: 'Save SMTP settings' }));
    expect(await within(form).findByText('The SMTP host is a host name or an IP address, like smtp.example.com.', undefined, slow)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /^Host/ })).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByRole('textbox', { name: /^Sender address/ })).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a webhook’s signing secret once, with the status callback URL, and rotates it after confirming', async () => {
    renderTab(ADMIN, [
      settings(inbox('EMAIL'), inbox('TEXT'), inbox('PUSH')),
      {
        request: { query: SetWebhookChannelDocument, variables: { input: { channel: 'TEXT', url: 'https://sms.example.com/flare', rotateSecret: false } } },
        result: { data: { setWebhookChannel: { __typename: 'SetChannelPayload', signingSecret: 'whsec_first', channel: textWebhook } } },
      },
      settings(inbox('EMAIL'), textWebhook, inbox('PUSH')),
      {
        request: { query: SetWebhookChannelDocument, variables: { input: { channel: 'TEXT', url: 'https://sms.example.com/flare', rotateSecret: true } } },
        result: { data: { setWebhookChannel: { __typename: 'SetChannelPayload', signingSecret: 'whsec_second', channel: textWebhook } } },
      },
      settings(inbox('EMAIL'), textWebhook, inbox('PUSH')),
    ]);
    const text = await screen.findByRole('region', { name: 'Text message' }, slow);
    await userEvent.click(within(text).getByRole('radio', { name: 'Webhook to a provider' }));
    await userEvent.type(within(text).getByRole('textbox', { name: /^Webhook URL/ }), 'https://sms.example.com/flare');
    await userEvent.click(within(text).getByRole('button', { name: 'Save webhook' }));

    // Saved: the section shows the webhook (its status callback URL) and, this once, the secret.
    expect(await within(text).findByRole('textbox', { name: 'Status callback URL' }, slow)).toHaveValue('https://flare.example.com/v1/channels/w1/TEXT/status');
    expect(within(text).getByText('Signing secret — shown only now')).toBeInTheDocument();
    expect(within(text).getByRole('textbox', { name: 'Signing secret' })).toHaveValue('whsec_first');
    expect(within(text).getByText(/Delivered by the Webhook/)).toBeInTheDocument();

    // Dismissed, it is gone for good: nothing on the page holds it any more.
    await userEvent.click(within(text).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByDisplayValue('whsec_first')).toBeNull();
    expect(screen.queryByText('Signing secret — shown only now')).toBeNull();

    // Rotating waits until the saved settings are read back (the button is disabled while saving or edited);
    // the section re-renders meanwhile, so the button is looked up again when clicked.
    const rotate = () => within(text).getByRole('button', { name: 'Rotate secret' });
    await waitFor(() => expect(rotate()).toBeEnabled(), slow);
    await userEvent.click(rotate());
    const dialog = await screen.findByRole('dialog', { name: 'Rotate the signing secret?' }, slow);
    expect(within(dialog).getByText(/The current secret stops working at once/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rotate secret' }));
    expect(await within(text).findByDisplayValue('whsec_second', undefined, slow)).toBeInTheDocument();
    expect(within(text).getByText('Signing secret — shown only now')).toBeInTheDocument();
  });

  it('sends a test through a channel and says what happened', async () => {
    renderTab(ADMIN, [
      settings(inbox('EMAIL'), inbox('TEXT'), inbox('PUSH')),
      {
        request: { query: SendTestMessageDocument, variables: { input: { channel: 'EMAIL', contentId: null, to: 'ada@example.com', customerId: null } } },
        result: { data: { sendTestMessage: { __typename: 'SendTestMessagePayload', outcome: 'DELIVERED', reason: null, to: 'ada@example.com', provider: 'INBOX' } } },
      },
      {
        request: { query: SendTestMessageDocument, variables: { input: { channel: 'TEXT', contentId: null, to: '+447700900123', customerId: null } } },
        result: { data: { sendTestMessage: { __typename: 'SendTestMessagePayload', outcome: 'FAILED', reason: 'HTTP_500', to: '+447700900123', provider: 'WEBHOOK' } } },
      },
    ]);
    const email = await screen.findByRole('region', { name: 'Email' }, slow);
    const emailTest = within(email).getByRole('form', { name: 'Send a test email' });
    await userEvent.click(within(emailTest).getByRole('button', { name: 'Send test' }));
    expect(await within(emailTest).findByText('Give an email address or pick a customer.', undefined, slow)).toBeInTheDocument();
    await userEvent.type(within(emailTest).getByRole('textbox', { name: 'Email address' }), 'ada@example.com');
    await userEvent.click(within(emailTest).getByRole('button', { name: 'Send test' }));
    expect(await within(emailTest).findByText('Delivered to ada@example.com by the Flare inbox.', undefined, slow)).toBeInTheDocument();
    expect(within(emailTest).getByRole('link', { name: 'Open the Flare inbox' })).toHaveAttribute('href', '/inbox?channel=EMAIL');

    const text = screen.getByRole('region', { name: 'Text message' });
    const textTest = within(text).getByRole('form', { name: 'Send a test text message' });
    await userEvent.type(within(textTest).getByRole('textbox', { name: 'Phone number' }), '+447700900123');
    await userEvent.click(within(textTest).getByRole('button', { name: 'Send test' }));
    expect(await within(textTest).findByText('The message for +447700900123 could not be sent (HTTP_500).', undefined, slow)).toBeInTheDocument();
  });

  it('tells everyone else that only admins manage channels, without asking the server', async () => {
    renderTab(viewer('MARKETER', ['workspace:read', 'journeys:read', 'journeys:write']), []);
    expect(await screen.findByText('Only workspace admins can see and change how messages are delivered.', undefined, slow)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
  });
});
