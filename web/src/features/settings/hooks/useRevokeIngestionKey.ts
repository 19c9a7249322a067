import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const REVOKE_INGESTION_KEY = graphql(`
  mutation RevokeIngestionKey($input: RevokeIngestionKeyInput!) {
    revokeIngestionKey(input: $input) {
      ingestionKey {
        id
        state
        revokedAt
      }
    }
  }
`);

export function useRevokeIngestionKey() {
  return useMutation(REVOKE_INGESTION_KEY, { refetchQueries: ['IngestionKeysSettings'] });
}
