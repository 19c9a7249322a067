import { Button, Card, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useAuth } from '../../../app/auth';
import { errorInfo } from '../../../ui/errors';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotify } from '../../../ui/toast';
import { NewPasswordFields, newPasswordProblem } from '../components/NewPasswordFields';
import { useChangePassword } from '../hooks/useChangePassword';

const useStyles = makeStyles({
  card: { maxWidth: '480px', boxSizing: 'border-box', padding: tokens.spacingHorizontalXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The signed-in person's account: who they are, and a password change (the other sessions end, this one stays). */
export function AccountPage() {
  const styles = useStyles();
  const notify = useNotify();
  const { viewer } = useAuth();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [change, { loading, error, reset }] = useChangePassword();
  const failure = error ? errorInfo(error) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!current || newPasswordProblem(password, repeated)) return;
    const result = await change({ variables: { input: { currentPassword: current, newPassword: password } } }).catch(() => null);
    if (!result?.data) return;
    const ended = result.data.changePassword.signedOutSessions;
    notify('success', 'Password changed', ended === 0 ? 'You had no other sessions.' : `${ended} other session${ended === 1 ? ' was' : 's were'} signed out.`);
    setCurrent('');
    setPassword('');
    setRepeated('');
  };
  const edit = (set: (v: string) => void) => (value: string) => {
    set(value);
    if (error) reset();
  };

  return (
    <>
      <PageHeader title="Account" description={viewer.user ? `${viewer.user.name} · ${viewer.user.email}` : undefined} />
      <Card className={styles.card}>
        <form className={styles.form} onSubmit={submit} aria-labelledby="change-password-title">
          <Subtitle1 as="h2" id="change-password-title">
            Change password
          </Subtitle1>
          <Text>Your other sessions (other browsers and devices) are signed out; this one stays signed in.</Text>
          {/* Lets password managers store the new password under the right account. */}
          <input type="email" autoComplete="username" value={viewer.user?.email ?? ''} readOnly hidden />
          {failure && !failure.field && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{failure.message}</MessageBarBody>
            </MessageBar>
          )}
          <Field label="Current password" required validationMessage={failure?.field === 'currentPassword' ? failure.message : undefined}>
            <Input type="password" autoComplete="current-password" value={current} onChange={(_e, d) => edit(setCurrent)(d.value)} />
          </Field>
          <NewPasswordFields
            password={password}
            repeated={repeated}
            onPassword={edit(setPassword)}
            onRepeated={edit(setRepeated)}
            serverError={failure?.field === 'newPassword' ? failure.message : null}
          />
          <div>
            <Button appearance="primary" type="submit" disabled={loading || !current || newPasswordProblem(password, repeated) !== null}>
              {loading ? 'Changing…' : 'Change password'}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
