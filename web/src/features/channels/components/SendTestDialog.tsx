import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { ContentChannel } from '../../../gql/graphql';
import { SendTestForm } from './SendTestForm';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** The content editor's "Send test": this content, through its channel's provider, to an address or a customer. */
export function SendTestDialog(props: { open: boolean; contentId: string; channel: ContentChannel; name: string; unsaved: boolean; onClose: () => void }) {
  const styles = useStyles();
  return (
    <Dialog open={props.open} onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Send “{props.name}” as a test</DialogTitle>
          <DialogContent className={styles.content}>
            {props.unsaved && (
              <MessageBar intent="warning">
                <MessageBarBody>The saved version is sent: save your changes first to test them.</MessageBarBody>
              </MessageBar>
            )}
            {/* Inside the dialog, so its outcome stays readable next to the form. */}
            <SendTestForm channel={props.channel} contentId={props.contentId} />
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
