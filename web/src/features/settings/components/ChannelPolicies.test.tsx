import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ChannelPoliciesDocument, SetFrequencyCapDocument, SetQuietHoursDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { ChannelPolicies } from './ChannelPolicies';

const slow = { timeout: 5000 };
const setting = (channel: string, frequencyCap: object | null, quietHours: object | null) => ({ __typename: 'ChannelSetting', channel, frequencyCap, quietHours });
const policies = (email: { frequencyCap: object | null; quietHours: object | null }) => ({
  request: { query: ChannelPoliciesDocument },
  result: {
    data: {
      channelSettings: [setting('EMAIL', email.frequencyCap, email.quietHours), setting('TEXT', null, null), setting('PUSH', null, null)],
      viewer: { __typename: 'Viewer', workspace: { __typename: 'Workspace', id: 'w1', timeZone: 'Europe/Berlin' } },
    },
  },
});
const cap = (per24h: number | null, per7d: number | null, per30d: number | null) => ({ __typename: 'FrequencyCap', per24h, per7d, per30d });

describe('ChannelPolicies', () => {
  it('shows the saved cap, checks limits before saving, and saves blank windows as no limit', async () => {
    renderWithProviders(<ChannelPolicies channel="EMAIL" />, [
      policies({ frequencyCap: cap(2, null, null), quietHours: null }),
      {
        request: { query: SetFrequencyCapDocument, variables: { input: { channel: 'EMAIL', per24h: 3, per7d: null, per30d: 20 } } },
        result: { data: { setFrequencyCap: { __typename: 'ChannelSetting', channel: 'EMAIL', frequencyCap: cap(3, null, 20) } } },
      },
      policies({ frequencyCap: cap(3, null, 20), quietHours: null }),
    ]);
    const form = await screen.findByRole('form', { name: 'Email frequency cap' }, slow);
    const day = within(form).getByRole('textbox', { name: 'Per 24 hours' });
    expect(day).toHaveValue('2');
    await userEvent.clear(day);
    await userEvent.type(day, '0');
    await userEvent.click(within(form).getByRole('button', { name: 'Save frequency cap' }));
    expect(await within(form).findByText('A whole number from 1 to 1000, or blank.')).toBeInTheDocument();
    await userEvent.clear(day);
    await userEvent.type(day, '3');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Per 30 days' }), '20');
    await userEvent.click(within(form).getByRole('button', { name: 'Save frequency cap' }));
    expect(await screen.findByText('Email frequency cap saved', undefined, slow)).toBeInTheDocument();
  });

  it('turns quiet hours on with a window past midnight, days and the customer’s clock; the workspace zone is named', async () => {
    renderWithProviders(<ChannelPolicies channel="EMAIL" />, [
      policies({ frequencyCap: null, quietHours: null }),
      {
        request: { query: SetQuietHoursDocument, variables: { input: { channel: 'EMAIL', start: '22:00', end: '07:30', days: ['MON', 'FRI'], timeZoneMode: 'CUSTOMER' } } },
        result: {
          data: {
            setQuietHours: {
              __typename: 'ChannelSetting',
              channel: 'EMAIL',
              quietHours: { __typename: 'QuietHours', start: '22:00', end: '07:30', days: ['MON', 'FRI'], timeZoneMode: 'CUSTOMER' },
            },
          },
        },
      },
      policies({ frequencyCap: null, quietHours: { __typename: 'QuietHours', start: '22:00', end: '07:30', days: ['MON', 'FRI'], timeZoneMode: 'CUSTOMER' } }),
    ]);
    const form = await screen.findByRole('form', { name: 'Email quiet hours' }, slow);
    await userEvent.click(within(form).getByRole('switch', { name: 'Hold messages during quiet hours' }));
    expect(within(form).getByRole('radio', { name: /The customer’s clock \(the workspace’s, Europe\/Berlin, when unknown\)/ })).toBeChecked();
    const from = within(form).getByRole('textbox', { name: 'From' });
    await userEvent.clear(from);
    await userEvent.type(from, '25:00');
    await userEvent.click(within(form).getByRole('button', { name: 'Save quiet hours' }));
    expect(await within(form).findByText('A time like 21:00 (24-hour clock).')).toBeInTheDocument();
    await userEvent.clear(from);
    await userEvent.type(from, '22:00');
    const until = within(form).getByRole('textbox', { name: 'Until' });
    await userEvent.clear(until);
    await userEvent.type(until, '07:30');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Fri' }));
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Mon' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save quiet hours' }));
    expect(await screen.findByText('Email quiet hours saved', undefined, slow)).toBeInTheDocument();
  });
});
