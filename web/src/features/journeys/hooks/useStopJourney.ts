import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const STOP_JOURNEY = graphql(`
  mutation StopJourney($input: JourneyIdInput!) {
    stopJourney(input: $input) {
      journey {
        id
        status
        stoppedAt
      }
    }
  }
`);

export function useStopJourney() {
  return useMutation(STOP_JOURNEY, { refetchQueries: ['Journeys'] });
}
