import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiKeyScope } from '../../../gql/graphql';
import { CopyField } from '../../../ui/CopyField';
import { errorInfo } from '../../../ui/errors';
import { useCreateApiKey } from '../hooks/useCreateApiKey';
import { SCOPES } from './scopes';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scopes: { display: 'flex', flexDirection: 'column', border: 'none', padding: 0, margin: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** Label + scopes; afterwards the secret is shown exactly once. */
export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const [label, setLabel] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['TRIGGERS_READ']);
  const [create, { data, loading, error, reset }] = useCreateApiKey();
  const secret = data?.createApiKey.secret;

  const close = () => {
    setLabel('');
    setScopes(['TRIGGERS_READ']);
    reset();
    onClose();
  };
  const toggle = (scope: ApiKeyScope, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && close()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{secret ? 'Copy your API key now' : 'Create API key'}</DialogTitle>
          <DialogContent className={styles.body}>
            {secret ? (
              <>
                <MessageBar intent="warning">
                  <MessageBarBody>This is the only time the key is shown. Store it in your secret manager; Flare keeps only a hash.</MessageBarBody>
                </MessageBar>
                <CopyField label="API key secret" value={secret} />
              </>
            ) : (
              <>
                {error && (
                  <MessageBar intent="error" role="alert">
                    <MessageBarBody>{errorInfo(error).message}</MessageBarBody>
                  </MessageBar>
                )}
                <Field label="Label" required hint="Who or what uses the key, e.g. “CRM sync”.">
                  <Input value={label} maxLength={100} onChange={(_e, d) => setLabel(d.value)} />
                </Field>
                <fieldset className={styles.scopes}>
                  <legend>Scopes</legend>
                  {SCOPES.map((scope) => (
                    <Checkbox
                      key={scope.value}
                      label={`${scope.label} — ${scope.help}`}
                      checked={scopes.includes(scope.value)}
                      onChange={(_e, d) => toggle(scope.value, Boolean(d.checked))}
                    />
                  ))}
                  {scopes.length === 0 && <Text className={styles.problem}>Choose at least one scope.</Text>}
                </fieldset>
              </>
            )}
          </DialogContent>
          <DialogActions>
            {secret ? (
              <Button appearance="primary" onClick={close}>
                Done
              </Button>
            ) : (
              <>
                <Button onClick={close}>Cancel</Button>
                <Button
                  appearance="primary"
                  disabled={loading || !label.trim() || scopes.length === 0}
                  onClick={() => void create({ variables: { input: { label, scopes } } }).catch(() => null)}
                >
                  Create key
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
