import { useQuery } from '@apollo/client/react';
import { Button, Card, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { graphql } from '../../../gql';
import type { PasswordResetLinkState } from '../../../gql/graphql';
import { AppLink } from '../../../ui/AppLink';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { NewPasswordFields, newPasswordProblem } from '../components/NewPasswordFields';
import { useResetPassword } from '../hooks/useResetPassword';
import { useAuthPageStyles } from './SignInPage';

const PASSWORD_RESET_LINK = graphql(`
  query PasswordResetLink($token: String!) {
    passwordResetLink(token: $token) {
      state
      email
    }
  }
`);

const UNUSABLE: Record<Exclude<PasswordResetLinkState, 'VALID'>, { title: string; text: string }> = {
  UNKNOWN: { title: 'This reset link is not valid', text: 'The link may be cut short or mistyped. Open the full link from the email, or ask for a new one.' },
  USED: { title: 'This reset link was already used', text: 'Each link works once. If you still need to change your password, ask for a new link.' },
  EXPIRED: { title: 'This reset link has expired', text: 'Reset links work for one hour. Ask for a new one.' },
};

/** Landing page of a password reset link: a new password, or a clear page when the link cannot be used. */
export function ResetPasswordPage() {
  const styles = useAuthPageStyles();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useQuery(PASSWORD_RESET_LINK, { variables: { token }, fetchPolicy: 'network-only' });
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [reset, { data: done, loading, error }] = useResetPassword();
  const failure = error ? errorInfo(error) : null;
  // A link that expired or was used while the page was open says so like one that was already unusable.
  const state: PasswordResetLinkState | undefined = failure?.reason?.startsWith('RESET_LINK_')
    ? (failure.reason.replace('RESET_LINK_', '') as PasswordResetLinkState)
    : link.data?.passwordResetLink.state;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (newPasswordProblem(password, repeated)) return;
    await reset({ variables: { input: { token, newPassword: password } } }).catch(() => null);
  };

  let body;
  if (done) {
    body = (
      <div className={styles.form} role="status">
        <Title2 as="h1">Password changed</Title2>
        <Text>Your new password is set. For safety, every session of {done.resetPassword.email} was signed out: sign in again with the new password.</Text>
        <AppLink to="/">Sign in</AppLink>
      </div>
    );
  } else if (link.loading) {
    body = <Loading label="Checking the reset link…" />;
  } else if (link.error) {
    body = <ErrorState error={link.error} onRetry={() => void link.refetch()} />;
  } else if (state && state !== 'VALID') {
    body = (
      <div className={styles.form}>
        <Title2 as="h1">{UNUSABLE[state].title}</Title2>
        <Text>{UNUSABLE[state].text}</Text>
        <AppLink to="/forgot-password">Ask for a new reset link</AppLink>
        <AppLink to="/">Back to sign in</AppLink>
      </div>
    );
  } else {
    const email = link.data?.passwordResetLink.email ?? '';
    body = (
      <form className={styles.form} onSubmit={submit} aria-label="Choose a new password">
        <Title2 as="h1">Choose a new password</Title2>
        <Text>For {email}. Every session of this account is signed out afterwards.</Text>
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" autoComplete="username" value={email} readOnly hidden />
        {failure && failure.field !== 'newPassword' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{failure.message}</MessageBarBody>
          </MessageBar>
        )}
        <NewPasswordFields
          password={password}
          repeated={repeated}
          onPassword={setPassword}
          onRepeated={setRepeated}
          serverError={failure?.field === 'newPassword' ? failure.message : null}
        />
        <Button appearance="primary" type="submit" disabled={loading || newPasswordProblem(password, repeated) !== null}>
          {loading ? 'Saving…' : 'Set new password'}
        </Button>
      </form>
    );
  }

  return (
    <main className={styles.page}>
      <Card className={styles.card}>{body}</Card>
    </main>
  );
}
