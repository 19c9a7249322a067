import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The `useInboxChannel` mutation (named so it is not mistaken for a React hook). */
const USE_INBOX_CHANNEL = graphql(`
  mutation UseInboxChannel($channel: ContentChannel!) {
    useInboxChannel(channel: $channel) {
      channel {
        ...ChannelSection_setting
      }
    }
  }
`);

export function useDeliverToInbox() {
  return useMutation(USE_INBOX_CHANNEL, { refetchQueries: ['ChannelSettings'] });
}
