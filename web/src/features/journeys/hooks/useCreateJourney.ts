import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CREATE_JOURNEY = graphql(`
  mutation CreateJourney($input: CreateJourneyInput!) {
    createJourney(input: $input) {
      journey {
        id
      }
    }
  }
`);

export function useCreateJourney() {
  return useMutation(CREATE_JOURNEY, { refetchQueries: ['Journeys'] });
}
