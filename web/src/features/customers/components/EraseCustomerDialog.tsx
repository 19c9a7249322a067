import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/**
 * Right to be forgotten: nothing can bring the data back, so the person types the customer's authId
 * exactly before the Erase button works (as ConfirmDialog, with a typed confirmation).
 */
export function EraseCustomerDialog(props: { open: boolean; authId: string; busy?: boolean; onConfirm: (typedAuthId: string) => void; onCancel: () => void }) {
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const matches = typed === props.authId;
  const cancel = () => {
    setTyped('');
    props.onCancel();
  };
  return (
    <Dialog open={props.open} onOpenChange={(_e, d) => !d.open && cancel()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (matches) props.onConfirm(typed);
          }}
        >
          <DialogBody>
            <DialogTitle>Erase this customer?</DialogTitle>
            <DialogContent className={styles.body}>
              <Text>
                Their personal data (email, phone, names, address, custom fields, devices, consent contact points) is removed and their events and messages are anonymised.
                Aggregate counts are kept. This cannot be undone.
              </Text>
              <Field
                label={
                  <>
                    Type the customer’s authId <Text font="monospace">{props.authId}</Text> to confirm
                  </>
                }
                validationState={typed && !matches ? 'error' : 'none'}
                validationMessage={typed && !matches ? 'That is not this customer’s authId.' : undefined}
              >
                <Input value={typed} onChange={(_e, d) => setTyped(d.value)} autoComplete="off" spellCheck={false} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button onClick={cancel}>Cancel</Button>
              <Button appearance="primary" type="submit" disabled={!matches || props.busy}>
                Erase customer
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
