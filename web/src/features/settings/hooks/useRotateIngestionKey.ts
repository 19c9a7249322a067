import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const ROTATE_INGESTION_KEY = graphql(`
  mutation RotateIngestionKey($input: RotateIngestionKeyInput!) {
    rotateIngestionKey(input: $input) {
      secret
      ingestionKey {
        id
        prefix
      }
    }
  }
`);

export function useRotateIngestionKey() {
  return useMutation(ROTATE_INGESTION_KEY, { refetchQueries: ['IngestionKeysSettings'] });
}
