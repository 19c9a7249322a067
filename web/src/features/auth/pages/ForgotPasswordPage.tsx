import { Button, Card, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { AppLink } from '../../../ui/AppLink';
import { errorInfo } from '../../../ui/errors';
import { useRequestPasswordReset } from '../hooks/useRequestPasswordReset';
import { useAuthPageStyles } from './SignInPage';

/** Asks for a reset email. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const styles = useAuthPageStyles();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [request, { loading, error }] = useRequestPasswordReset();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await request({ variables: { input: { email: email.trim() } } }).catch(() => null);
    if (result?.data) setSentTo(email.trim());
  };

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        {sentTo ? (
          <div className={styles.form} role="status">
            <Title2 as="h1">Check your email</Title2>
            <Text>
              If {sentTo} has a Flare account, a link to choose a new password is on its way. It works once, for one hour. No email? Check the address, or ask an admin of your
              workspace for a reset link.
            </Text>
            <AppLink to="/">Back to sign in</AppLink>
          </div>
        ) : (
          <form className={styles.form} onSubmit={submit} aria-label="Reset your password">
            <Title2 as="h1">Reset your password</Title2>
            <Text>Enter the email you sign in with. We send a link to choose a new password.</Text>
            {error && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{errorInfo(error).message}</MessageBarBody>
              </MessageBar>
            )}
            <Field label="Email" required>
              <Input type="email" autoComplete="username" value={email} onChange={(_e, d) => setEmail(d.value)} />
            </Field>
            <Button appearance="primary" type="submit" disabled={loading || !email.trim()}>
              {loading ? 'Sending…' : 'Send reset link'}
            </Button>
            <AppLink to="/">Back to sign in</AppLink>
          </form>
        )}
      </Card>
    </main>
  );
}
