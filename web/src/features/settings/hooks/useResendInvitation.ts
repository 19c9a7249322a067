import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const RESEND_INVITATION = graphql(`
  mutation ResendInvitation($input: InvitationRefInput!) {
    resendInvitation(input: $input) {
      inviteUrl
      emailSent
      invitation {
        id
        email
        expiresAt
      }
    }
  }
`);

export function useResendInvitation() {
  return useMutation(RESEND_INVITATION);
}
