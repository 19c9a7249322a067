import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ContentChannel } from '../../../gql/graphql';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { CopyField } from '../../../ui/CopyField';
import { errorInfo } from '../../../ui/errors';
import { useNotify } from '../../../ui/toast';
import { CHANNEL_LABELS } from '../../customers/components/labels';
import { useSetWebhookChannel } from '../hooks/useSetWebhookChannel';
import { fieldProblem } from './labels';
import { SigningSecret } from './SigningSecret';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  callback: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** A light check; the server decides (https, or http to this machine; no credentials). */
function urlProblem(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'The URL starts with https://.';
  } catch {
    return 'Give the full URL, like https://sms.example.com/flare.';
  }
}

/**
 * Text or push through a signed webhook. A signing secret comes back when the webhook is first saved and when
 * it is rotated; it is held here, in this component only, and shown until dismissed — never again.
 */
export function WebhookForm(props: {
  channel: ContentChannel;
  /** The saved webhook, when the channel uses one now. */
  webhook: { url: string; statusCallbackUrl: string } | null;
  /** A secret made by the last save, shown once (kept by the section so it survives the form reloading). */
  secret: string | null;
  onSecret: (secret: string | null) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { channel, webhook, secret, onSecret, onDirtyChange } = props;
  const styles = useStyles();
  const notify = useNotify();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [rotating, setRotating] = useState(false);
  const [save, saving] = useSetWebhookChannel();
  const dirty = url.trim() !== (webhook?.url ?? '');
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const submit = async (rotateSecret: boolean) => {
    const found = rotateSecret ? undefined : urlProblem(url);
    setProblem(found);
    setFormError(null);
    if (found) return;
    try {
      const result = await save({ variables: { input: { channel, url: rotateSecret ? webhook!.url : url.trim(), rotateSecret } } });
      setRotating(false);
      onSecret(result.data?.setWebhookChannel.signingSecret ?? null);
      notify('success', rotateSecret ? 'New signing secret made' : `${CHANNEL_LABELS[channel]} goes through the webhook`);
    } catch (e) {
      setRotating(false);
      const info = errorInfo(e);
      const onField = fieldProblem(info, ['url'] as const);
      if (onField) setProblem(onField.message);
      else setFormError(info.message);
    }
  };

  return (
    <div className={styles.form}>
      <form
        className={styles.form}
        aria-label={`${CHANNEL_LABELS[channel]} webhook`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <Field
          label="Webhook URL"
          required
          hint="Flare POSTs each message here, signed with HMAC-SHA256 (signature and timestamp headers)."
          validationMessage={problem}
          validationState={problem ? 'error' : 'none'}
        >
          <Input
            type="url"
            value={url}
            placeholder="https://sms.example.com/flare"
            onChange={(_e, d) => {
              setUrl(d.value);
              setProblem(undefined);
            }}
          />
        </Field>
        {formError && (
          <MessageBar intent="error">
            <MessageBarBody>{formError}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={saving.loading || (!dirty && webhook !== null)}>
            Save webhook
          </Button>
          {webhook && (
            <Button icon={<ArrowSync20Regular />} disabled={saving.loading || dirty} onClick={() => setRotating(true)}>
              Rotate secret
            </Button>
          )}
        </div>
      </form>
      {secret && <SigningSecret secret={secret} onDone={() => onSecret(null)} />}
      {webhook && (
        <div className={styles.callback}>
          <Text weight="semibold">Status callback URL</Text>
          <CopyField value={webhook.statusCallbackUrl} label="Status callback URL" />
          <Text size={200}>Give this to your provider: it reports delivered and failed messages here, signed with the same secret.</Text>
        </div>
      )}
      {!webhook && <Text size={200}>After saving, Flare shows the signing secret once and the status callback URL to give your provider.</Text>}
      <ConfirmDialog
        open={rotating}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        busy={saving.loading}
        onConfirm={() => void submit(true)}
        onCancel={() => setRotating(false)}
      >
        The current secret stops working at once: your provider rejects Flare’s requests, and Flare rejects its status callbacks, until you store the new secret there.
      </ConfirmDialog>
    </div>
  );
}
