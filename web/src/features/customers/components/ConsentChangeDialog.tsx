import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ConsentPurpose, ConsentStatus, ContentChannel } from '../../../gql/graphql';
import { consentName, STATUS_LABELS, STATUSES } from './labels';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** What a change means: an opt-in must be one the customer really gave, above all over an opt-out. */
function consequence(from: ConsentStatus, to: ConsentStatus): string | null {
  if (to === from) return null;
  switch (to) {
    case 'OPTED_IN':
      return from === 'OPTED_OUT'
        ? 'This customer opted out. Record an opt-in only when they gave it to you again (a ticked box, a reply, a signed form); the change is kept in the history.'
        : 'Record an opt-in only when the customer gave it to you; the change is kept in the history.';
    case 'OPTED_OUT':
      return 'Messages of this channel and purpose will no longer be sent to this customer.';
    case 'UNKNOWN':
      return 'The workspace’s consent model decides again whether messages may be sent (commercial text messages always need an opt-in).';
  }
}

/** Pick the new status and confirm it in one step; the dialog says what the change means before it is saved. */
export function ConsentChangeDialog(props: {
  channel: ContentChannel;
  purpose: ConsentPurpose;
  current: ConsentStatus;
  busy: boolean;
  onConfirm: (status: ConsentStatus) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [status, setStatus] = useState<ConsentStatus>(props.current);
  const note = consequence(props.current, status);
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{consentName(props.channel, props.purpose)} consent</DialogTitle>
          <DialogContent className={styles.body}>
            <RadioGroup aria-label="New status" value={status} onChange={(_e, d) => setStatus(d.value as ConsentStatus)}>
              {STATUSES.map((s) => (
                <Radio key={s} value={s} label={s === props.current ? `${STATUS_LABELS[s]} (now)` : STATUS_LABELS[s]} />
              ))}
            </RadioGroup>
            {note && (
              <MessageBar intent={status === 'OPTED_IN' && props.current === 'OPTED_OUT' ? 'warning' : 'info'}>
                <MessageBarBody>
                  {STATUS_LABELS[props.current]} → {STATUS_LABELS[status]}. {note}
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onCancel}>Cancel</Button>
            <Button appearance="primary" disabled={status === props.current || props.busy} onClick={() => props.onConfirm(status)}>
              Change consent
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
