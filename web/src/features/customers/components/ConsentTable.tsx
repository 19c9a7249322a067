import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import type { ConsentPurpose, ConsentStatus, ContentChannel } from '../../../gql/graphql';
import { errorInfo } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { useNotify } from '../../../ui/toast';
import { useSetConsent } from '../hooks/useSetConsent';
import { ConsentChangeDialog } from './ConsentChangeDialog';
import { CHANNEL_LABELS, consentName, PURPOSE_LABELS, SOURCE_LABELS, STATUS_LABELS } from './labels';
import { VisuallyHidden } from '../../../ui/VisuallyHidden';

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

type Pending = { channel: ContentChannel; purpose: ConsentPurpose; current: ConsentStatus };

/** Consent per channel and purpose: status, what the workspace's policy allows, the last change, and a control to change it. */
export function ConsentTable(props: { customer: FragmentType<typeof ConsentTable_customer>; canChange: boolean }) {
  const c = getFragmentData(ConsentTable_customer, props.customer);
  const notify = useNotify();
  const [pending, setPending] = useState<Pending | null>(null);
  const [setConsent, { loading }] = useSetConsent();
  const changeable = props.canChange && !c.erasedAt;

  const change = async (status: ConsentStatus) => {
    if (!pending) return;
    const contactPoint = pending.channel === 'EMAIL' ? c.email : pending.channel === 'TEXT' ? c.phone : null;
    try {
      await setConsent({ variables: { input: { customerId: c.id, channel: pending.channel, purpose: pending.purpose, status, contactPoint } } });
      notify('success', `${consentName(pending.channel, pending.purpose)}: ${STATUS_LABELS[status].toLowerCase()}`);
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
            {['Channel', 'Purpose', 'Status', 'Policy', 'Last change'].map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
            {changeable && (
              <TableHeaderCell>
                <VisuallyHidden>Actions</VisuallyHidden>
              </TableHeaderCell>
            )}
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
                    <Button size="small" aria-label={`Change ${name} consent`} onClick={() => setPending({ channel: s.channel, purpose: s.purpose, current: s.status })}>
                      Change
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {pending && (
        <ConsentChangeDialog
          channel={pending.channel}
          purpose={pending.purpose}
          current={pending.current}
          busy={loading}
          onConfirm={(status) => void change(status)}
          onCancel={() => setPending(null)}
        />
      )}
    </>
  );
}
