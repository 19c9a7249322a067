import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const ERASE_CUSTOMER = graphql(`
  mutation EraseCustomer($input: EraseCustomerInput!) {
    eraseCustomer(input: $input) {
      id
    }
  }
`);

/** Erases a customer; the page reloads it (now without personal data) and its consent history. */
export function useEraseCustomer() {
  return useMutation(ERASE_CUSTOMER, { refetchQueries: ['Customer', 'CustomerConsentHistory', 'CustomerTimeline'], awaitRefetchQueries: true });
}
