import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Role } from '../../../gql/graphql';
import { CopyField } from '../../../ui/CopyField';
import { errorInfo } from '../../../ui/errors';
import { useInviteMember } from '../hooks/useInviteMember';
import { ROLES } from './roles';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Every invitation is a one-time link the person accepts; nobody becomes a member without accepting. */
export function InviteMemberDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('MARKETER');
  const [invite, { data, loading, error, reset }] = useInviteMember();
  const result = data?.inviteMember;
  const close = () => {
    setEmail('');
    reset();
    onClose();
  };
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && close()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Invite a member</DialogTitle>
          <DialogContent className={styles.body}>
            {result && (
              <>
                <MessageBar intent="info">
                  <MessageBarBody>
                    {result.emailSent
                      ? `An invitation email went to ${result.invitation.email} through this workspace’s email channel. You can also send them this link yourself.`
                      : `No email could be sent: send this link to ${result.invitation.email} yourself.`}{' '}
                    They become a member when they accept it (with their existing Flare account or a new one). It works once, for 7 days, and is not shown again.
                  </MessageBarBody>
                </MessageBar>
                <CopyField label="Invitation link" value={result.inviteUrl} />
              </>
            )}
            {!result && (
              <>
                {error && (
                  <MessageBar intent="error" role="alert">
                    <MessageBarBody>{errorInfo(error).message}</MessageBarBody>
                  </MessageBar>
                )}
                <Field label="Email" required>
                  <Input type="email" value={email} onChange={(_e, d) => setEmail(d.value)} />
                </Field>
                <Field label="Role" required>
                  <Dropdown value={ROLES.find((r) => r.value === role)?.label} selectedOptions={[role]} onOptionSelect={(_e, d) => setRole(d.optionValue as Role)}>
                    {ROLES.map((r) => (
                      <Option key={r.value} value={r.value} text={r.label}>
                        {r.label} — {r.help}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              </>
            )}
          </DialogContent>
          <DialogActions>
            {result ? (
              <Button appearance="primary" onClick={close}>
                Done
              </Button>
            ) : (
              <>
                <Button onClick={close}>Cancel</Button>
                <Button appearance="primary" disabled={loading || !email.trim()} onClick={() => void invite({ variables: { input: { email, role } } }).catch(() => null)}>
                  Invite
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
