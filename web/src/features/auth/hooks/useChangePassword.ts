import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      signedOutSessions
    }
  }
`);

export function useChangePassword() {
  return useMutation(CHANGE_PASSWORD);
}
