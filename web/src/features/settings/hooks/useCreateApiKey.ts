import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CREATE_API_KEY = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        ...ApiKeyRow_apiKey
      }
    }
  }
`);

export function useCreateApiKey() {
  return useMutation(CREATE_API_KEY, { refetchQueries: ['ApiKeys'] });
}
