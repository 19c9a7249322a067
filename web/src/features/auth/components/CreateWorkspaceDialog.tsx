import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { errorInfo } from '../../../ui/errors';
import { useCreateWorkspace } from '../hooks/useCreateWorkspace';

export function CreateWorkspaceDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [create, { loading, error, reset }] = useCreateWorkspace();
  const close = () => {
    setName('');
    reset();
    onClose();
  };
  const submit = async () => {
    const result = await create({ variables: { input: { name } } }).catch(() => null);
    if (result?.data) {
      setName('');
      onCreated(result.data.createWorkspace.workspace.id);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && close()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>New workspace</DialogTitle>
          <DialogContent>
            <Field label="Name" required validationMessage={error ? errorInfo(error).message : undefined}>
              <Input value={name} onChange={(_e, d) => setName(d.value)} maxLength={100} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button appearance="primary" disabled={loading || !name.trim()} onClick={submit}>
              Create
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
