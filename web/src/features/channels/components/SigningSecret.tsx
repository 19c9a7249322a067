import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { CopyField } from '../../../ui/CopyField';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBlock: tokens.spacingVerticalS } });

/** A new webhook signing secret, shown this once: Flare keeps it encrypted and never returns it again. */
export function SigningSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>Signing secret — shown only now</MessageBarTitle>
        Copy it into your provider now: it checks each request’s signature with it. Flare stores it encrypted and will not show it again; rotate it if it is lost.
        <CopyField value={secret} label="Signing secret" />
        <div>
          <Button onClick={onDone}>I have stored it</Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
