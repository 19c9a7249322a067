import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const UPSERT_CUSTOMER = graphql(`
  mutation UpsertCustomer($input: UpsertCustomerInput!) {
    upsertCustomer(input: $input) {
      created
      customer {
        id
        ...CustomerRow_customer
        ...CustomerIdentity_customer
        ...CustomerFormDialog_customer
      }
    }
  }
`);

/** Creates or edits a customer; the list refetches so a new one shows where it belongs. */
export function useUpsertCustomer() {
  return useMutation(UPSERT_CUSTOMER, { refetchQueries: ['Customers'] });
}
