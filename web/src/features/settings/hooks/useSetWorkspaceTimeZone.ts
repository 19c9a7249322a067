import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SET_WORKSPACE_TIME_ZONE = graphql(`
  mutation SetWorkspaceTimeZone($input: SetWorkspaceTimeZoneInput!) {
    setWorkspaceTimeZone(input: $input) {
      id
      timeZone
    }
  }
`);

export function useSetWorkspaceTimeZone() {
  return useMutation(SET_WORKSPACE_TIME_ZONE, { refetchQueries: ['ChannelPolicies'] });
}
