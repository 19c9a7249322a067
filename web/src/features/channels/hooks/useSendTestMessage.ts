import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SEND_TEST_MESSAGE = graphql(`
  mutation SendTestMessage($input: SendTestMessageInput!) {
    sendTestMessage(input: $input) {
      outcome
      reason
      to
      provider
    }
  }
`);

/** One test send now; the outcome comes back (the Flare inbox page asks the server again when opened). */
export function useSendTestMessage() {
  return useMutation(SEND_TEST_MESSAGE);
}
