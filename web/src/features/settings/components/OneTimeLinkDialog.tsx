import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { CopyField } from '../../../ui/CopyField';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** A secret link shown once (a resent invitation, a password reset link), with a copy button. */
export function OneTimeLinkDialog(props: { link: { url: string; message: string } | null; title: string; label: string; onClose: () => void }) {
  const styles = useStyles();
  return (
    <Dialog open={props.link !== null} onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.body}>
            <MessageBar intent="info">
              <MessageBarBody>{props.link?.message}</MessageBarBody>
            </MessageBar>
            {props.link && <CopyField label={props.label} value={props.link.url} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onClose}>
              Done
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
