import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const UPDATE_JOURNEY = graphql(`
  mutation UpdateJourney($input: UpdateJourneyInput!) {
    updateJourney(input: $input) {
      journey {
        id
        revision
        name
      }
    }
  }
`);

export function useSaveJourney() {
  return useMutation(UPDATE_JOURNEY, { refetchQueries: ['JourneyBuilder'], awaitRefetchQueries: true });
}
