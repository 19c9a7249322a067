import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const IMPORT_CUSTOMERS = graphql(`
  mutation ImportCustomers($input: ImportCustomersInput!) {
    importCustomers(input: $input) {
      accepted
      created
      updated
      refused {
        row
        field
        reason
        message
      }
    }
  }
`);

/** One import call: a batch of at most 1,000 mapped rows (or a dry run of the preview). */
export function useImportCustomers() {
  return useMutation(IMPORT_CUSTOMERS);
}
