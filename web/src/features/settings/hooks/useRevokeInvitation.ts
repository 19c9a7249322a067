import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const REVOKE_INVITATION = graphql(`
  mutation RevokeInvitation($input: InvitationRefInput!) {
    revokeInvitation(input: $input) {
      invitation {
        id
        revokedAt
      }
    }
  }
`);

export function useRevokeInvitation() {
  return useMutation(REVOKE_INVITATION, { refetchQueries: ['PendingInvitations'] });
}
