import { useQuery } from '@apollo/client/react';
import { Button, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { Role } from '../../../gql/graphql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorInfo } from '../../../ui/errors';
import { LoadMore } from '../../../ui/LoadMore';
import { useNotify } from '../../../ui/toast';
import { InviteMemberDialog } from '../components/InviteMemberDialog';
import { MemberRow } from '../components/MemberRow';
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

const useStyles = makeStyles({ toolbar: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: tokens.spacingVerticalM } });

export function MembersTab() {
  const styles = useStyles();
  const notify = useNotify();
  const { can } = useAuth();
  const canManage = can('members:manage');
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(MEMBERS);
  const [changeRole] = useChangeMemberRole();
  const [remove, removeState] = useRemoveMember();

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
        <Table aria-label="Members table">
          <TableHeader>
            <TableRow>
              {['Name', 'Email', 'Role', 'Joined', ''].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.members.nodes.map((m) => (
              <MemberRow key={m.id} membership={m} canManage={canManage} onRoleChange={onRoleChange} onRemove={(id, name) => setRemoving({ id, name })} />
            ))}
          </TableBody>
        </Table>
      )}
      <LoadMore data={data} field="members" fetchMore={fetchMore} label="Load more members" />
      <InviteMemberDialog open={inviting} onClose={() => setInviting(false)} />
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
