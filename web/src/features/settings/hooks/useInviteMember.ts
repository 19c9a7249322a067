import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const INVITE_MEMBER = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      inviteUrl
      emailSent
      invitation {
        id
        email
      }
    }
  }
`);

export function useInviteMember() {
  return useMutation(INVITE_MEMBER, { refetchQueries: ['Members', 'PendingInvitations'] });
}
