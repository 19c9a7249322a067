import { Button, Dropdown, Option, TableCell, TableRow, Text } from '@fluentui/react-components';
import { graphql, getFragmentData, type FragmentType } from '../../../gql';
import type { Role } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/format';
import { ROLES } from './roles';

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
  onRoleChange: (id: string, role: Role) => void;
  onRemove: (id: string, name: string) => void;
}) {
  const m = getFragmentData(MemberRow_membership, props.membership);
  const roleLabel = ROLES.find((r) => r.value === m.role)?.label ?? m.role;
  return (
    <TableRow>
      <TableCell>
        <Text weight="semibold">{m.user.name}</Text>
      </TableCell>
      <TableCell>{m.user.email}</TableCell>
      <TableCell>
        {props.canManage ? (
          <Dropdown
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
      <TableCell>{formatDateTime(m.createdAt)}</TableCell>
      <TableCell>
        {props.canManage && (
          <Button size="small" onClick={() => props.onRemove(m.id, m.user.name)}>
            Remove
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}
