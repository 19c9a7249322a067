import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);

export function useSignOut() {
  return useMutation(SIGN_OUT);
}
