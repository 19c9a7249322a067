import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CREATE_TRIGGER = graphql(`
  mutation CreateTrigger($input: CreateTriggerInput!) {
    createTrigger(input: $input) {
      trigger {
        id
        key
      }
    }
  }
`);

export function useCreateTrigger() {
  return useMutation(CREATE_TRIGGER, { refetchQueries: ['Triggers'] });
}
