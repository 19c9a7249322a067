import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SEND_TEST_EVENT = graphql(`
  mutation SendTestEvent($input: SendTestEventInput!) {
    sendTestEvent(input: $input) {
      accepted
      reasons {
        code
        message
      }
    }
  }
`);

export function useSendTestEvent() {
  return useMutation(SEND_TEST_EVENT);
}
