import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SET_FREQUENCY_CAP = graphql(`
  mutation SetFrequencyCap($input: SetFrequencyCapInput!) {
    setFrequencyCap(input: $input) {
      channel
      frequencyCap {
        per24h
        per7d
        per30d
      }
    }
  }
`);

export function useSetFrequencyCap() {
  return useMutation(SET_FREQUENCY_CAP, { refetchQueries: ['ChannelPolicies'] });
}
