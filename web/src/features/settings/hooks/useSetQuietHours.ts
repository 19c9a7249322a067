import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SET_QUIET_HOURS = graphql(`
  mutation SetQuietHours($input: SetQuietHoursInput!) {
    setQuietHours(input: $input) {
      channel
      quietHours {
        start
        end
        days
        timeZoneMode
      }
    }
  }
`);

export function useSetQuietHours() {
  return useMutation(SET_QUIET_HOURS, { refetchQueries: ['ChannelPolicies'] });
}
