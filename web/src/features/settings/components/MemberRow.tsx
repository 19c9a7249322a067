import { Button, Dropdown, mergeClasses, Option, TableCell, TableRow, Text } from '@fluentui/react-components';
import { graphql, getFragmentData, type FragmentType } from '../../../gql';
import type { Role } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/format';
import { ROLES } from './roles';
import { useMembersTableStyles } from './useMembersTableStyles';

export const MemberRow_membership = graphql(`
  fragment MemberRow_membership on Membership {
    id
    role
    createdAt
    user {
      id
      name
      email
    }
  }
`);

export function MemberRow(props: {
  membership: FragmentType<typeof MemberRow_membership>;
  canManage: boolean;
  /** The signed-in user's own row: no reset link (the Account page changes one's own password). */
  isSelf: boolean;
  onRoleChange: (id: string, role: Role) => void;
  onRemove: (id: string, name: string) => void;
  onResetLink: (id: string, name: string) => void;
}) {
  const styles = useMembersTableStyles();
  const m = getFragmentData(MemberRow_membership, props.membership);
  const roleLabel = ROLES.find((r) => r.value === m.role)?.label ?? m.role;
  return (
    <TableRow className={styles.row}>
      <TableCell className={mergeClasses(styles.cell, styles.wrap)} data-label="Name">
        <Text weight="semibold">{m.user.name}</Text>
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, styles.wrap)} data-label="Email">
        {m.user.email}
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, styles.role)} data-label="Role">
        {props.canManage ? (
          <Dropdown
            className={styles.roleDropdown}
            aria-label={`Role of ${m.user.email}`}
            value={roleLabel}
            selectedOptions={[m.role]}
            onOptionSelect={(_e, d) => d.optionValue && d.optionValue !== m.role && props.onRoleChange(m.id, d.optionValue as Role)}
          >
            {ROLES.map((r) => (
              <Option key={r.value} value={r.value}>
                {r.label}
              </Option>
            ))}
          </Dropdown>
        ) : (
          roleLabel
        )}
      </TableCell>
      <TableCell className={styles.cell} data-label="Joined">
        {formatDateTime(m.createdAt)}
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, styles.actions)}>
        {props.canManage && (
          <div className={styles.buttons}>
            {!props.isSelf && (
              <Button size="small" onClick={() => props.onResetLink(m.id, m.user.name)} aria-label={`Password reset link for ${m.user.email}`}>
                Reset link
              </Button>
            )}
            <Button size="small" onClick={() => props.onRemove(m.id, m.user.name)} aria-label={`Remove ${m.user.email}`}>
              Remove
            </Button>
          </div>
        )}
      </TableCell>
    </TableRow>
  );
}
