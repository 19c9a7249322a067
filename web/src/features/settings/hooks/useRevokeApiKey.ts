import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const REVOKE_API_KEY = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        ...ApiKeyRow_apiKey
      }
    }
  }
`);

export function useRevokeApiKey() {
  return useMutation(REVOKE_API_KEY, { refetchQueries: ['ApiKeys'] });
}
