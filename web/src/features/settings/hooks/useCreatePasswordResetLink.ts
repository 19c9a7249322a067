import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CREATE_PASSWORD_RESET_LINK = graphql(`
  mutation CreatePasswordResetLink($input: CreatePasswordResetLinkInput!) {
    createPasswordResetLink(input: $input) {
      resetUrl
      expiresAt
    }
  }
`);

export function useCreatePasswordResetLink() {
  return useMutation(CREATE_PASSWORD_RESET_LINK);
}
