import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const UPDATE_TRIGGER = graphql(`
  mutation UpdateTrigger($input: UpdateTriggerInput!) {
    updateTrigger(input: $input) {
      trigger {
        id
        ...TriggerDetails_trigger
      }
      version {
        id
        number
        breaking
      }
    }
  }
`);

export function useUpdateTrigger() {
  return useMutation(UPDATE_TRIGGER, { refetchQueries: ['Trigger', 'Triggers'] });
}
