import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SIGN_IN = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        id
      }
      workspace {
        id
      }
    }
  }
`);

export function useSignIn() {
  return useMutation(SIGN_IN);
}
