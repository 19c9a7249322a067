import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const ACCEPT_INVITATION = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      user {
        id
      }
      workspace {
        id
      }
    }
  }
`);

export function useAcceptInvitation() {
  return useMutation(ACCEPT_INVITATION);
}
