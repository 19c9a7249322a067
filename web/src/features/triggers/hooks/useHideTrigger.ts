import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const HIDE_TRIGGER = graphql(`
  mutation HideTrigger($input: HideTriggerInput!) {
    hideTrigger(input: $input) {
      trigger {
        id
        hiddenAt
      }
    }
  }
`);

export function useHideTrigger() {
  return useMutation(HIDE_TRIGGER, { refetchQueries: ['Trigger', 'Triggers'] });
}
