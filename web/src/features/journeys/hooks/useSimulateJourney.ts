import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SIMULATE_JOURNEY = graphql(`
  mutation SimulateJourney($input: SimulateJourneyInput!) {
    simulateJourney(input: $input) {
      startedAt
      endStatus
      endStepId
      endedAt
      goalReachedAt
      path {
        stepId
        kind
        at
        detail
      }
      messages {
        stepId
        channel
        contentId
        subject
        htmlBody
        textBody
        body
        title
        at
      }
      problems {
        code
        message
        stepId
        field
      }
    }
  }
`);

/** Test run: plays the journey on a virtual clock on the server; nothing is sent or stored. */
export function useSimulateJourney() {
  return useMutation(SIMULATE_JOURNEY);
}
