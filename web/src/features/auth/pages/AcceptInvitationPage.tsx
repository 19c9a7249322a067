import { useQuery } from '@apollo/client/react';
import { Button, Card, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { graphql } from '../../../gql';
import type { InvitationLinkState } from '../../../gql/graphql';
import { AppLink } from '../../../ui/AppLink';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { useAcceptInvitation } from '../hooks/useAcceptInvitation';
import { useJoinWorkspace } from '../hooks/useJoinWorkspace';
import { useAuthPageStyles } from './SignInPage';

const INVITATION_LINK = graphql(`
  query InvitationLink($token: String!) {
    invitationLink(token: $token) {
      state
      email
      role
      workspaceName
    }
  }
`);

const UNUSABLE: Record<Exclude<InvitationLinkState, 'VALID'>, { title: string; text: string }> = {
  UNKNOWN: {
    title: 'This invitation link is not valid',
    text: 'The link may be cut short or mistyped, or a newer invitation replaced it. Open the latest invitation email, or ask an admin of the workspace to invite you again.',
  },
  USED: { title: 'This invitation was already accepted', text: 'Each invitation works once. If it was you, sign in to reach the workspace.' },
  REVOKED: { title: 'This invitation was withdrawn', text: 'An admin of the workspace revoked it. Ask them for a new invitation if you still need access.' },
  EXPIRED: { title: 'This invitation has expired', text: 'Invitations work for 7 days. Ask an admin of the workspace to send it again.' },
};

/** An invitation link that cannot be accepted: why, and where to go instead (never the join form). */
function UnusableInvitation({ state }: { state: Exclude<InvitationLinkState, 'VALID'> }) {
  const styles = useAuthPageStyles();
  return (
    <div className={styles.form}>
      <Title2 as="h1">{UNUSABLE[state].title}</Title2>
      <Text>{UNUSABLE[state].text}</Text>
      <AppLink to="/">Sign in to Flare</AppLink>
    </div>
  );
}

const ACCEPT_INVITATION_VIEWER = graphql(`
  query AcceptInvitationViewer {
    viewer {
      kind
      user {
        id
        email
      }
    }
  }
`);

/**
 * Landing page of an invitation link. Someone already signed in joins with one click (the invitation must be
 * for their email); anyone else chooses a name and password, or enters their existing account's password.
 */
export function AcceptInvitationPage({ onAccepted }: { onAccepted: (workspaceId: string | null) => void }) {
  const styles = useAuthPageStyles();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useQuery(ACCEPT_INVITATION_VIEWER, { fetchPolicy: 'network-only' });
  const link = useQuery(INVITATION_LINK, { variables: { token }, fetchPolicy: 'network-only' });
  const invitation = link.data?.invitationLink;
  const [otherAccount, setOtherAccount] = useState(false);
  const navigate = useNavigate();
  const signedInEmail = me.data?.viewer.kind === 'USER' ? (me.data.viewer.user?.email ?? null) : null;
  const invitedTo = invitation?.workspaceName ? `${invitation.email} is invited to “${invitation.workspaceName}” with the role ${invitation.role?.toLowerCase() ?? ''}.` : null;

  const accepted = (workspaceId: string | null) => {
    onAccepted(workspaceId);
    void navigate('/', { replace: true });
  };

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        {me.loading || link.loading ? (
          <Loading label="Loading invitation…" />
        ) : link.error ? (
          <ErrorState error={link.error} onRetry={() => void link.refetch()} />
        ) : invitation && invitation.state !== 'VALID' ? (
          <UnusableInvitation state={invitation.state} />
        ) : signedInEmail && !otherAccount ? (
          <JoinAsViewer token={token} email={signedInEmail} invitedTo={invitedTo} onJoined={accepted} onUseAnotherAccount={() => setOtherAccount(true)} />
        ) : (
          <AcceptForm token={token} invitedTo={invitedTo} onAccepted={accepted} />
        )}
      </Card>
    </main>
  );
}

function MissingToken({ token }: { token: string }) {
  if (token) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>This link has no invitation token. Open the full link you were sent.</MessageBarBody>
    </MessageBar>
  );
}

function JoinAsViewer({
  token,
  email,
  invitedTo,
  onJoined,
  onUseAnotherAccount,
}: {
  token: string;
  email: string;
  invitedTo: string | null;
  onJoined: (workspaceId: string) => void;
  onUseAnotherAccount: () => void;
}) {
  const styles = useAuthPageStyles();
  const [join, { loading, error }] = useJoinWorkspace();
  const submit = async () => {
    const result = await join({ variables: { input: { token } } }).catch(() => null);
    if (result?.data) onJoined(result.data.joinWorkspace.membership.workspace.id);
  };
  return (
    <div className={styles.form}>
      <Title2 as="h1">Join a Flare workspace</Title2>
      {invitedTo && <Text>{invitedTo}</Text>}
      <Text>Signed in as {email}. The invitation must be for this email address.</Text>
      <MissingToken token={token} />
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorInfo(error).message}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={loading || !token} onClick={() => void submit()}>
        {loading ? 'Joining…' : `Join as ${email}`}
      </Button>
      <Button appearance="subtle" onClick={onUseAnotherAccount}>
        Use another account
      </Button>
    </div>
  );
}

function AcceptForm({ token, invitedTo, onAccepted }: { token: string; invitedTo: string | null; onAccepted: (workspaceId: string | null) => void }) {
  const styles = useAuthPageStyles();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [accept, { loading, error }] = useAcceptInvitation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await accept({ variables: { input: { token, name, password } } }).catch(() => null);
    if (result?.data) onAccepted(result.data.acceptInvitation.workspace?.id ?? null);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Accept invitation">
      <Title2 as="h1">Join a Flare workspace</Title2>
      {invitedTo && <Text>{invitedTo}</Text>}
      <Text>New to Flare? Choose your name and a password (10+ characters). Already have an account? Enter its password.</Text>
      <MissingToken token={token} />
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorInfo(error).message}</MessageBarBody>
        </MessageBar>
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
  );
}
