import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SET_CONSENT = graphql(`
  mutation SetConsent($input: SetConsentInput!) {
    setConsent(input: $input) {
      id
      ...ConsentTable_customer
    }
  }
`);

/** Changes one consent; the table updates from the answer and the history reloads its first page. */
export function useSetConsent() {
  return useMutation(SET_CONSENT, { refetchQueries: ['CustomerConsentHistory'] });
}
