import { Button, Card, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorInfo } from '../../../ui/errors';
import { useAcceptInvitation } from '../hooks/useAcceptInvitation';
import { useAuthPageStyles } from './SignInPage';

/** Landing page of an invitation link: new people choose a name and password; existing users confirm theirs. */
export function AcceptInvitationPage({ onAccepted }: { onAccepted: (workspaceId: string | null) => void }) {
  const styles = useAuthPageStyles();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [accept, { loading, error }] = useAcceptInvitation();
  const navigate = useNavigate();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await accept({ variables: { input: { token, name, password } } }).catch(() => null);
    if (!result?.data) return;
    onAccepted(result.data.acceptInvitation.workspace?.id ?? null);
    void navigate('/', { replace: true });
  };

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <form className={styles.form} onSubmit={submit} aria-label="Accept invitation">
          <Title2 as="h1">Join a Flare workspace</Title2>
          <Text>New to Flare? Choose your name and a password (10+ characters). Already have an account? Enter its password.</Text>
          {!token && (
            <MessageBar intent="warning"><MessageBarBody>This link has no invitation token. Open the full link you were sent.</MessageBarBody></MessageBar>
          )}
          {error && (
            <MessageBar intent="error" role="alert"><MessageBarBody>{errorInfo(error).message}</MessageBarBody></MessageBar>
          )}
          <Field label="Your name">
            <Input value={name} onChange={(_e, d) => setName(d.value)} />
          </Field>
          <Field label="Password" required>
            <Input type="password" autoComplete="new-password" value={password} onChange={(_e, d) => setPassword(d.value)} />
          </Field>
          <Button appearance="primary" type="submit" disabled={loading || !token || !password}>
            {loading ? 'Joining…' : 'Join workspace'}
          </Button>
        </form>
      </Card>
    </main>
  );
}
