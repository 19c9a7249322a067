import { Button, Card, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, Title2, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { AppLink } from '../../../ui/AppLink';
import { errorInfo } from '../../../ui/errors';
import { useSignIn } from '../hooks/useSignIn';

export const useAuthPageStyles = makeStyles({
  page: { minHeight: '100vh', display: 'grid', placeItems: 'center', padding: tokens.spacingHorizontalM, boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground2 },
  card: { width: '100%', maxWidth: '400px', boxSizing: 'border-box', padding: tokens.spacingHorizontalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Email + password; on success the server sets the session cookie and the app reloads the viewer. */
export function SignInPage({ onSignedIn }: { onSignedIn: (workspaceId: string | null) => void }) {
  const styles = useAuthPageStyles();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signIn, { loading, error }] = useSignIn();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signIn({ variables: { input: { email, password } } }).catch(() => null);
    if (result?.data) onSignedIn(result.data.signIn.workspace?.id ?? null);
  };

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <form className={styles.form} onSubmit={submit} aria-label="Sign in">
          <Title2 as="h1">Sign in to Flare</Title2>
          <Text>Custom triggers and trigger-based journeys.</Text>
          {error && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{errorInfo(error).message}</MessageBarBody>
            </MessageBar>
          )}
          <Field label="Email" required>
            <Input type="email" autoComplete="username" value={email} onChange={(_e, d) => setEmail(d.value)} />
          </Field>
          <Field label="Password" required>
            <Input type="password" autoComplete="current-password" value={password} onChange={(_e, d) => setPassword(d.value)} />
          </Field>
          <Button appearance="primary" type="submit" disabled={loading || !email || !password}>
            {loading ? 'Signing in…' : 'Sign in'}
          </Button>
          <AppLink to="/forgot-password">Forgot password?</AppLink>
        </form>
      </Card>
    </main>
  );
}
