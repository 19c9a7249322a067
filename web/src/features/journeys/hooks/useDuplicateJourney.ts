import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const DUPLICATE_JOURNEY = graphql(`
  mutation DuplicateJourney($input: DuplicateJourneyInput!) {
    duplicateJourney(input: $input) {
      journey {
        id
      }
    }
  }
`);

export function useDuplicateJourney() {
  return useMutation(DUPLICATE_JOURNEY, { refetchQueries: ['Journeys'] });
}
