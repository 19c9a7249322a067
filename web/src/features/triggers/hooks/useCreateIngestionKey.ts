import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CREATE_INGESTION_KEY = graphql(`
  mutation CreateIngestionKey($input: CreateIngestionKeyInput!) {
    createIngestionKey(input: $input) {
      secret
      ingestionKey {
        id
        label
        prefix
        allowedOrigins
        state
      }
    }
  }
`);

export function useCreateIngestionKey() {
  return useMutation(CREATE_INGESTION_KEY, { refetchQueries: ['IngestionKeys'] });
}
