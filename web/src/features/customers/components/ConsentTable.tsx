import {
  Badge,
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import type { ConsentPurpose, ConsentStatus, ContentChannel } from '../../../gql/graphql';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorInfo } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { useNotify } from '../../../ui/toast';
import { useSetConsent } from '../hooks/useSetConsent';
import { CHANNEL_LABELS, consentName, PURPOSE_LABELS, SOURCE_LABELS, STATUS_LABELS, STATUSES } from './labels';

export const ConsentTable_customer = graphql(`
  fragment ConsentTable_customer on Customer {
    id
    email
    phone
    erasedAt
    consents {
      channel
      purpose
      status
      allowsSending
      changedAt
      source
      contactPoint
    }
  }
`);

const STATUS_COLORS = { OPTED_IN: 'success', OPTED_OUT: 'danger', UNKNOWN: 'subtle' } as const;

type Change = { channel: ContentChannel; purpose: ConsentPurpose; from: ConsentStatus; to: ConsentStatus };

/** What the confirmation says about a change: an opt-in must be one the customer really gave. */
function consequence(change: Change): string {
  switch (change.to) {
    case 'OPTED_IN':
      return change.from === 'OPTED_OUT'
        ? 'This customer opted out. Record an opt-in only when they gave it to you again (a ticked box, a reply, a signed form); the change is kept in the history.'
        : 'Record an opt-in only when the customer gave it to you; the change is kept in the history.';
    case 'OPTED_OUT':
      return 'Messages of this channel and purpose will no longer be sent to this customer.';
    case 'UNKNOWN':
      return 'The workspace’s consent model decides again whether messages may be sent (commercial text messages always need an opt-in).';
  }
}

/** Consent per channel and purpose: status, what the workspace's policy allows, the last change, and a control to change it. */
export function ConsentTable(props: { customer: FragmentType<typeof ConsentTable_customer>; canChange: boolean }) {
  const c = getFragmentData(ConsentTable_customer, props.customer);
  const notify = useNotify();
  const [pending, setPending] = useState<Change | null>(null);
  const [setConsent, { loading }] = useSetConsent();
  const changeable = props.canChange && !c.erasedAt;

  const confirm = async () => {
    if (!pending) return;
    const contactPoint = pending.channel === 'EMAIL' ? c.email : pending.channel === 'TEXT' ? c.phone : null;
    try {
      await setConsent({ variables: { input: { customerId: c.id, channel: pending.channel, purpose: pending.purpose, status: pending.to, contactPoint } } });
      notify('success', `${consentName(pending.channel, pending.purpose)}: ${STATUS_LABELS[pending.to].toLowerCase()}`);
      setPending(null);
    } catch (e) {
      notify('error', 'Could not change the consent', errorInfo(e).message);
    }
  };

  return (
    <>
      <Table aria-label="Consent" size="small">
        <TableHeader>
          <TableRow>
            {['Channel', 'Purpose', 'Status', 'Policy', 'Last change', ...(changeable ? [''] : [])].map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {c.consents.map((s) => {
            const name = consentName(s.channel, s.purpose);
            return (
              <TableRow key={`${s.channel}:${s.purpose}`} aria-label={name}>
                <TableCell>{CHANNEL_LABELS[s.channel]}</TableCell>
                <TableCell>{PURPOSE_LABELS[s.purpose]}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={STATUS_COLORS[s.status]}>
                    {STATUS_LABELS[s.status]}
                  </Badge>
                </TableCell>
                <TableCell>
                  <Badge appearance="outline" color={s.allowsSending ? 'success' : 'danger'}>
                    {s.allowsSending ? 'Can send' : 'Blocked'}
                  </Badge>
                </TableCell>
                <TableCell>
                  {s.changedAt ? (
                    <Text size={200}>
                      {formatDateTime(s.changedAt)}
                      {s.source && ` · ${SOURCE_LABELS[s.source]}`}
                      {s.contactPoint && ` · ${s.contactPoint}`}
                    </Text>
                  ) : (
                    <Text size={200}>Never set</Text>
                  )}
                </TableCell>
                {changeable && (
                  <TableCell>
                    <Menu>
                      <MenuTrigger disableButtonEnhancement>
                        <Button size="small" aria-label={`Change ${name} consent`}>
                          Change
                        </Button>
                      </MenuTrigger>
                      <MenuPopover>
                        <MenuList>
                          {STATUSES.map((to) => (
                            <MenuItem key={to} disabled={to === s.status} onClick={() => setPending({ channel: s.channel, purpose: s.purpose, from: s.status, to })}>
                              {STATUS_LABELS[to]}
                            </MenuItem>
                          ))}
                        </MenuList>
                      </MenuPopover>
                    </Menu>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `${consentName(pending.channel, pending.purpose)}: ${STATUS_LABELS[pending.to].toLowerCase()}?` : ''}
        confirmLabel="Change consent"
        busy={loading}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        {pending && (
          <MessageBar intent={pending.to === 'OPTED_IN' && pending.from === 'OPTED_OUT' ? 'warning' : 'info'}>
            <MessageBarBody>
              {STATUS_LABELS[pending.from]} → {STATUS_LABELS[pending.to]}. {consequence(pending)}
            </MessageBarBody>
          </MessageBar>
        )}
      </ConfirmDialog>
    </>
  );
}
