import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      accepted
    }
  }
`);

export function useRequestPasswordReset() {
  return useMutation(REQUEST_PASSWORD_RESET);
}
