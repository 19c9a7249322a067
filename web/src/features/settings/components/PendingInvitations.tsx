import { useQuery } from '@apollo/client/react';
import { Button, makeStyles, mergeClasses, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { graphql } from '../../../gql';
import { ErrorState } from '../../../ui/AsyncState';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorInfo } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { useNotify } from '../../../ui/toast';
import { useResendInvitation } from '../hooks/useResendInvitation';
import { useRevokeInvitation } from '../hooks/useRevokeInvitation';
import { OneTimeLinkDialog } from './OneTimeLinkDialog';
import { ROLES } from './roles';
import { useMembersTableStyles } from './useMembersTableStyles';

const PENDING_INVITATIONS = graphql(`
  query PendingInvitations {
    pendingInvitations {
      id
      email
      role
      createdAt
      expiresAt
    }
  }
`);

const useStyles = makeStyles({ section: { marginTop: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

/** Invitations not yet accepted (admins): resend renews the link for 7 days and emails it again; revoke ends the link at once. */
export function PendingInvitations() {
  const styles = useStyles();
  const table = useMembersTableStyles();
  const notify = useNotify();
  const { data, error, refetch } = useQuery(PENDING_INVITATIONS, { fetchPolicy: 'cache-and-network' });
  const [resend, resendState] = useResendInvitation();
  const [revoke, revokeState] = useRevokeInvitation();
  const [revoking, setRevoking] = useState<{ id: string; email: string } | null>(null);
  const [resent, setResent] = useState<{ url: string; message: string } | null>(null);
  // When the list was read: an invitation past its expiry then shows as expired (resend renews it).
  const [now] = useState(() => Date.now());

  const onResend = async (id: string) => {
    try {
      const result = await resend({ variables: { input: { invitationId: id } } });
      const r = result.data!.resendInvitation;
      setResent({
        url: r.inviteUrl,
        message: `${r.emailSent ? `The invitation was emailed again to ${r.invitation.email}.` : `No email could be sent: send this link to ${r.invitation.email} yourself.`} The new link works until ${formatDateTime(r.invitation.expiresAt)}; the previous link no longer works.`,
      });
    } catch (e) {
      notify('error', 'Could not resend the invitation', errorInfo(e).message);
    }
  };
  const confirmRevoke = async () => {
    if (!revoking) return;
    try {
      await revoke({ variables: { input: { invitationId: revoking.id } } });
      notify('success', `Invitation for ${revoking.email} revoked`);
    } catch (e) {
      notify('error', 'Could not revoke the invitation', errorInfo(e).message);
    }
    setRevoking(null);
  };

  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const invitations = data?.pendingInvitations ?? [];
  return (
    <section className={styles.section} aria-labelledby="pending-invitations-title">
      <Subtitle2 as="h2" id="pending-invitations-title">
        Pending invitations
      </Subtitle2>
      {data && invitations.length === 0 && <Text>No pending invitations.</Text>}
      {invitations.length > 0 && (
        <div className={table.scroll}>
          <Table aria-label="Pending invitations" className={table.table}>
            <TableHeader className={table.header}>
              <TableRow>
                <TableHeaderCell>Email</TableHeaderCell>
                <TableHeaderCell>Role</TableHeaderCell>
                <TableHeaderCell>Expires</TableHeaderCell>
                <TableHeaderCell className={table.actions}>
                  <span className={table.hidden}>Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody className={table.body}>
              {invitations.map((i) => (
                <TableRow key={i.id} className={table.row}>
                  <TableCell className={mergeClasses(table.cell, table.wrap)} data-label="Email">
                    {i.email}
                  </TableCell>
                  <TableCell className={table.cell} data-label="Role">
                    {ROLES.find((r) => r.value === i.role)?.label ?? i.role}
                  </TableCell>
                  <TableCell className={table.cell} data-label="Expires">
                    {new Date(i.expiresAt).getTime() <= now ? `Expired ${formatDateTime(i.expiresAt)}` : formatDateTime(i.expiresAt)}
                  </TableCell>
                  <TableCell className={mergeClasses(table.cell, table.actions)}>
                    <div className={table.buttons}>
                      <Button size="small" disabled={resendState.loading} onClick={() => void onResend(i.id)} aria-label={`Resend invitation to ${i.email}`}>
                        Resend
                      </Button>
                      <Button size="small" onClick={() => setRevoking({ id: i.id, email: i.email })} aria-label={`Revoke invitation to ${i.email}`}>
                        Revoke
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this invitation?"
        confirmLabel="Revoke"
        busy={revokeState.loading}
        onConfirm={() => void confirmRevoke()}
        onCancel={() => setRevoking(null)}
      >
        The link sent to <strong>{revoking?.email}</strong> stops working at once. You can invite them again later.
      </ConfirmDialog>
      <OneTimeLinkDialog link={resent} title="Invitation sent again" label="Invitation link" onClose={() => setResent(null)} />
    </section>
  );
}
