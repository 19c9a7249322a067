import { useQuery } from '@apollo/client/react';
import { Button, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { getFragmentData, graphql } from '../../../gql';
import type { Role } from '../../../gql/graphql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorInfo } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { LoadMore } from '../../../ui/LoadMore';
import { useNotify } from '../../../ui/toast';
import { InviteMemberDialog } from '../components/InviteMemberDialog';
import { MemberRow, MemberRow_membership } from '../components/MemberRow';
import { OneTimeLinkDialog } from '../components/OneTimeLinkDialog';
import { PendingInvitations } from '../components/PendingInvitations';
import { useMembersTableStyles } from '../components/useMembersTableStyles';
import { useCreatePasswordResetLink } from '../hooks/useCreatePasswordResetLink';
import { useChangeMemberRole } from '../hooks/useChangeMemberRole';
import { useRemoveMember } from '../hooks/useRemoveMember';

const MEMBERS = graphql(`
  query Members($after: String) {
    members(first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...MemberRow_membership
      }
    }
  }
`);

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, justifyContent: 'space-between', alignItems: 'center', marginBottom: tokens.spacingVerticalM },
});

export function MembersTab() {
  const styles = useStyles();
  const table = useMembersTableStyles();
  const notify = useNotify();
  const { can, viewer } = useAuth();
  const canManage = can('members:manage');
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(MEMBERS);
  const [changeRole] = useChangeMemberRole();
  const [remove, removeState] = useRemoveMember();
  const [createResetLink] = useCreatePasswordResetLink();
  const [resetLink, setResetLink] = useState<{ url: string; message: string } | null>(null);

  const onResetLink = async (membershipId: string, name: string) => {
    try {
      const result = await createResetLink({ variables: { input: { membershipId } } });
      const link = result.data!.createPasswordResetLink;
      setResetLink({
        url: link.resetUrl,
        message: `Give this link to ${name} yourself (it is not emailed). It sets a new password once, until ${formatDateTime(link.expiresAt)}, and is not shown again.`,
      });
    } catch (e) {
      notify('error', 'Could not create a reset link', errorInfo(e).message);
    }
  };

  const onRoleChange = async (membershipId: string, role: Role) => {
    try {
      await changeRole({ variables: { input: { membershipId, role } } });
      notify('success', 'Role changed');
    } catch (e) {
      notify('error', 'Could not change the role', errorInfo(e).message);
    }
  };
  const confirmRemove = async () => {
    if (!removing) return;
    try {
      await remove({ variables: { input: { membershipId: removing.id } } });
      notify('success', `${removing.name} removed`);
    } catch (e) {
      notify('error', 'Could not remove the member', errorInfo(e).message);
    }
    setRemoving(null);
  };

  return (
    <section aria-label="Members">
      <div className={styles.toolbar}>
        <Text>{data ? `${data.members.totalCount} member${data.members.totalCount === 1 ? '' : 's'}` : ' '}</Text>
        {canManage && (
          <Button appearance="primary" icon={<PersonAdd20Regular />} onClick={() => setInviting(true)}>
            Invite member
          </Button>
        )}
      </div>
      {loading && !data && <Loading label="Loading members…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && (
        <div className={table.scroll}>
          <Table aria-label="Members table" className={table.table}>
            <TableHeader className={table.header}>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Email</TableHeaderCell>
                <TableHeaderCell className={table.role}>Role</TableHeaderCell>
                <TableHeaderCell>Joined</TableHeaderCell>
                <TableHeaderCell className={table.actions}>
                  <span className={table.hidden}>Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody className={table.body}>
              {data.members.nodes.map((m) => (
                <MemberRow
                  key={m.id}
                  membership={m}
                  canManage={canManage}
                  isSelf={getFragmentData(MemberRow_membership, m).user.id === viewer.user?.id}
                  onRoleChange={onRoleChange}
                  onRemove={(id, name) => setRemoving({ id, name })}
                  onResetLink={(id, name) => void onResetLink(id, name)}
                />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <LoadMore data={data} field="members" fetchMore={fetchMore} label="Load more members" />
      {canManage && <PendingInvitations />}
      <InviteMemberDialog open={inviting} onClose={() => setInviting(false)} />
      <OneTimeLinkDialog link={resetLink} title="Password reset link" label="Password reset link" onClose={() => setResetLink(null)} />
      <ConfirmDialog
        open={removing !== null}
        title="Remove this member?"
        confirmLabel="Remove"
        busy={removeState.loading}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      >
        <strong>{removing?.name}</strong> loses access to this workspace. You can invite them again later.
      </ConfirmDialog>
    </section>
  );
}
