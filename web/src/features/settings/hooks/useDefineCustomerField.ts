import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const DEFINE_CUSTOMER_FIELD = graphql(`
  mutation DefineCustomerField($input: DefineCustomerFieldInput!) {
    defineCustomerField(input: $input) {
      name
      label
      type
      createdAt
    }
  }
`);

export function useDefineCustomerField() {
  return useMutation(DEFINE_CUSTOMER_FIELD, { refetchQueries: ['CustomerFieldsSettings'] });
}
