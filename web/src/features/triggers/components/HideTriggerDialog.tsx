import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { errorInfo } from '../../../ui/errors';
import { useHideTrigger } from '../hooks/useHideTrigger';

/** Hiding cannot be undone, so the title must be typed to confirm. */
export function HideTriggerDialog({ open, trigger, onClose }: { open: boolean; trigger: { id: string; title: string }; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const [hide, { loading, error, reset }] = useHideTrigger();
  const close = () => {
    setTyped('');
    reset();
    onClose();
  };
  const confirm = async () => {
    const result = await hide({ variables: { input: { id: trigger.id, confirmTitle: typed } } }).catch(() => null);
    if (result?.data) close();
  };
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && close()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Hide “{trigger.title}”?</DialogTitle>
          <DialogContent>
            <MessageBar layout="multiline" intent="warning">
              <MessageBarBody>
                Hiding is permanent: the trigger leaves the catalog and every picker, and can no longer start, continue or end journeys. Its history is kept; nothing is deleted.
              </MessageBarBody>
            </MessageBar>
            {error && (
              <MessageBar layout="multiline" intent="error" role="alert">
                <MessageBarBody>{errorInfo(error).message}</MessageBarBody>
              </MessageBar>
            )}
            <Field label={`Type the title to confirm: ${trigger.title}`}>
              <Input value={typed} onChange={(_e, d) => setTyped(d.value)} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button appearance="primary" disabled={loading || typed.trim() !== trigger.title} onClick={confirm}>
              Hide permanently
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
