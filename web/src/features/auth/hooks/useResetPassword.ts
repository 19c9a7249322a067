import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const RESET_PASSWORD = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      email
    }
  }
`);

export function useResetPassword() {
  return useMutation(RESET_PASSWORD);
}
