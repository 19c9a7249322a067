import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SET_SMTP_CHANNEL = graphql(`
  mutation SetSmtpChannel($input: SetSmtpChannelInput!) {
    setSmtpChannel(input: $input) {
      channel {
        ...ChannelSection_setting
      }
    }
  }
`);

export function useSetSmtpChannel() {
  return useMutation(SET_SMTP_CHANNEL, { refetchQueries: ['ChannelSettings'] });
}
