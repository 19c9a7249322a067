import { Button, Divider, makeStyles, Radio, RadioGroup, Subtitle1, Subtitle2, Text, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import type { ChannelProvider } from '../../../gql/graphql';
import { AppLink } from '../../../ui/AppLink';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorInfo } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { useNotify } from '../../../ui/toast';
import { CHANNEL_LABELS } from '../../customers/components/labels';
import { ChannelPolicies } from '../../settings/components/ChannelPolicies';
import { useDeliverToInbox } from '../hooks/useDeliverToInbox';
import { PROVIDER_LABELS } from './labels';
import { SendTestForm } from './SendTestForm';
import { SmtpForm } from './SmtpForm';
import { WebhookForm } from './WebhookForm';

export const ChannelSection_setting = graphql(`
  fragment ChannelSection_setting on ChannelSetting {
    channel
    provider
    updatedAt
    smtp {
      host
      port
      security
      username
      hasPassword
      fromName
      fromAddress
      replyTo
    }
    webhook {
      url
      statusCallbackUrl
    }
  }
`);

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalL },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * One channel: who delivers it (the Flare inbox, or SMTP for email / a webhook for text and push), its
 * settings, and a test send. Sections for more per-channel settings go at the marked place below.
 */
export function ChannelSection(props: { setting: FragmentType<typeof ChannelSection_setting>; onDirtyChange: (dirty: boolean) => void }) {
  const setting = getFragmentData(ChannelSection_setting, props.setting);
  const { channel, provider } = setting;
  const styles = useStyles();
  const notify = useNotify();
  const headingId = useId('channel');
  const external: ChannelProvider = channel === 'EMAIL' ? 'SMTP' : 'WEBHOOK';
  const [choice, setChoice] = useState<ChannelProvider>(provider);
  // A saved change (here or elsewhere) resets the choice to what the server has; adjusted while rendering.
  const savedKey = `${provider}:${setting.updatedAt ?? ''}`;
  const [choiceOf, setChoiceOf] = useState(savedKey);
  if (choiceOf !== savedKey) {
    setChoiceOf(savedKey);
    setChoice(provider);
  }
  // Held here, not in the form, so reloading the settings after the save does not lose it; shown until dismissed.
  const [secret, setSecret] = useState<string | null>(null);
  const [confirmInbox, setConfirmInbox] = useState(false);
  const [deliverToInbox, switching] = useDeliverToInbox();
  const { onDirtyChange } = props;

  const switchToInbox = async () => {
    try {
      await deliverToInbox({ variables: { channel } });
      setConfirmInbox(false);
      setSecret(null);
      notify('success', `${CHANNEL_LABELS[channel]} goes to the Flare inbox`);
    } catch (e) {
      setConfirmInbox(false);
      notify('error', 'Could not switch to the Flare inbox', errorInfo(e).message);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Subtitle1 as="h2" id={headingId}>
          {CHANNEL_LABELS[channel]}
        </Subtitle1>
        <Text size={200}>
          Delivered by the {PROVIDER_LABELS[provider]}
          {setting.updatedAt ? ` · changed ${formatDateTime(setting.updatedAt)}` : ' (the default)'}
        </Text>
      </div>
      <RadioGroup layout="horizontal" aria-label={`${CHANNEL_LABELS[channel]} delivered by`} value={choice} onChange={(_e, d) => setChoice(d.value as ChannelProvider)}>
        <Radio value="INBOX" label="Flare inbox" />
        <Radio value={external} label={channel === 'EMAIL' ? 'SMTP server' : 'Webhook to a provider'} />
      </RadioGroup>

      {choice === 'INBOX' && provider === 'INBOX' && (
        <Text>
          Messages are kept, fully rendered, in the <AppLink to={`/inbox?channel=${channel}`}>Flare inbox</AppLink>; nothing leaves Flare.
        </Text>
      )}
      {choice === 'INBOX' && provider !== 'INBOX' && (
        <div>
          <Button appearance="primary" onClick={() => setConfirmInbox(true)}>
            Use the Flare inbox
          </Button>
        </div>
      )}
      {choice === 'SMTP' && <SmtpForm key={savedKey} smtp={provider === 'SMTP' ? (setting.smtp ?? null) : null} onDirtyChange={onDirtyChange} />}
      {choice === 'WEBHOOK' && (
        <WebhookForm
          key={provider}
          channel={channel}
          webhook={provider === 'WEBHOOK' ? (setting.webhook ?? null) : null}
          secret={secret}
          onSecret={setSecret}
          onDirtyChange={onDirtyChange}
        />
      )}

      <Subtitle2 as="h3">Send a test</Subtitle2>
      <Text size={200}>Sends a short test message through the {PROVIDER_LABELS[provider]} now (the saved settings), without the journey policies.</Text>
      <SendTestForm channel={channel} />

      <ChannelPolicies channel={channel} />

      <Divider />
      <ConfirmDialog
        open={confirmInbox}
        title={`Deliver ${CHANNEL_LABELS[channel].toLowerCase()} to the Flare inbox?`}
        confirmLabel="Use the Flare inbox"
        busy={switching.loading}
        onConfirm={() => void switchToInbox()}
        onCancel={() => setConfirmInbox(false)}
      >
        Messages stop reaching recipients and stay in the Flare inbox instead. The {PROVIDER_LABELS[provider]} settings{provider === 'WEBHOOK' ? ' and signing secret' : ''} are
        removed.
      </ConfirmDialog>
    </section>
  );
}
