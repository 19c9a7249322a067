import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The signing secret comes back only when one was made (first save, or rotating): show it once. */
const SET_WEBHOOK_CHANNEL = graphql(`
  mutation SetWebhookChannel($input: SetWebhookChannelInput!) {
    setWebhookChannel(input: $input) {
      signingSecret
      channel {
        ...ChannelSection_setting
      }
    }
  }
`);

export function useSetWebhookChannel() {
  return useMutation(SET_WEBHOOK_CHANNEL, { refetchQueries: ['ChannelSettings'] });
}
