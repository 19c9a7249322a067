import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { Send20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import type { ContentChannel, SendTestMessageMutation } from '../../../gql/graphql';
import { AppLink } from '../../../ui/AppLink';
import { errorInfo } from '../../../ui/errors';
import { CustomerPicker, type PickedCustomer } from '../../customers/components/CustomerPicker';
import { useSendTestMessage } from '../hooks/useSendTestMessage';
import { fieldProblem, looksLikeEmail, PROVIDER_LABELS } from './labels';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  field: { minWidth: '260px' },
  outcome: { flexBasis: '100%' },
});

const TO_LABELS: Record<ContentChannel, { label: string; placeholder: string }> = {
  EMAIL: { label: 'Email address', placeholder: 'you@example.com' },
  TEXT: { label: 'Phone number', placeholder: '+44 7700 900123' },
  PUSH: { label: 'Device label (optional)', placeholder: 'test device' },
};

type Outcome = SendTestMessageMutation['sendTestMessage'];

/** What happened to a test send, in a sentence, with how serious it is. */
export function describeOutcome(o: Outcome): { intent: 'success' | 'warning' | 'error' | 'info'; title: string; text: string } {
  const by = PROVIDER_LABELS[o.provider];
  const why = o.reason ? ` (${o.reason})` : '';
  switch (o.outcome) {
    case 'DELIVERED':
      return { intent: 'success', title: 'Delivered', text: `Delivered to ${o.to} by the ${by}.` };
    case 'SENT':
      return { intent: 'success', title: 'Sent', text: `The ${by} accepted the message for ${o.to}.` };
    case 'RETRY':
      return { intent: 'warning', title: 'Not sent yet', text: `A temporary failure${why}: try again in a moment.` };
    case 'BOUNCED':
      return { intent: 'error', title: 'Bounced', text: `The ${by} refused the message for ${o.to}${why}.` };
    case 'FAILED':
      return { intent: 'error', title: 'Failed', text: `The message for ${o.to} could not be sent${why}.` };
    default:
      return { intent: 'info', title: o.outcome, text: `${o.to}${why}` };
  }
}

/**
 * Sends one message through a channel now — the default test message, or `contentId` — to an address or phone
 * number, or to a customer (their address, and their fields in the content). Shows what the provider made of it.
 */
/** Each channel's form is its own landmark on the Channels page: named apart (axe's landmark-unique). */
const CHANNEL_NAMES: Record<ContentChannel, string> = { EMAIL: 'email', TEXT: 'text message', PUSH: 'push notification' };

export function SendTestForm({ channel, contentId = null }: { channel: ContentChannel; contentId?: string | null }) {
  const styles = useStyles();
  const { can } = useAuth();
  const [to, setTo] = useState('');
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [send, sending] = useSendTestMessage();
  const labels = TO_LABELS[channel];

  const submit = async () => {
    setOutcome(null);
    setError(null);
    const typed = to.trim();
    const found =
      channel !== 'PUSH' && !typed && !customer
        ? `Give ${channel === 'EMAIL' ? 'an email address' : 'a phone number'} or pick a customer.`
        : channel === 'EMAIL' && typed && !looksLikeEmail(typed)
          ? 'Give a valid email address.'
          : undefined;
    setProblem(found);
    if (found) return;
    try {
      const result = await send({ variables: { input: { channel, contentId, to: typed || null, customerId: customer?.id ?? null } } });
      setOutcome(result.data!.sendTestMessage);
    } catch (e) {
      const info = errorInfo(e);
      const onField = fieldProblem(info, ['to', 'customerId'] as const);
      if (onField) setProblem(onField.message);
      else setError(info.message);
    }
  };
  const shown = outcome && describeOutcome(outcome);

  return (
    <form
      className={styles.form}
      aria-label={`Send a test ${CHANNEL_NAMES[channel]}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field className={styles.field} label={labels.label} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
        <Input
          type={channel === 'EMAIL' ? 'email' : channel === 'TEXT' ? 'tel' : 'text'}
          value={to}
          placeholder={labels.placeholder}
          onChange={(_e, d) => {
            setTo(d.value);
            setProblem(undefined);
          }}
        />
      </Field>
      {can('customers:read') && (
        <Field className={styles.field} label="Or a customer" hint={channel === 'PUSH' ? 'Their devices and fields.' : 'Their address and fields, unless one is typed.'}>
          <CustomerPicker
            selected={customer}
            placeholder="Search customers"
            emptyOption="No customer"
            onPick={(c) => {
              setCustomer(c);
              setProblem(undefined);
            }}
          />
        </Field>
      )}
      <Button type="submit" icon={<Send20Regular />} disabled={sending.loading}>
        {sending.loading ? 'Sending…' : 'Send test'}
      </Button>
      <div className={styles.outcome} role="status" aria-live="polite">
        {shown && (
          <MessageBar intent={shown.intent}>
            <MessageBarBody>
              <MessageBarTitle>{shown.title}</MessageBarTitle>
              {shown.text} {outcome.provider === 'INBOX' && <AppLink to={`/inbox?channel=${channel}`}>Open the Flare inbox</AppLink>}
            </MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Not sent</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </form>
  );
}
