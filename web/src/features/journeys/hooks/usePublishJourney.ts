import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const PUBLISH_JOURNEY = graphql(`
  mutation PublishJourney($input: JourneyIdInput!) {
    publishJourney(input: $input) {
      journey {
        id
        status
        publishedAt
      }
    }
  }
`);

export function usePublishJourney() {
  return useMutation(PUBLISH_JOURNEY, { refetchQueries: ['Journeys', 'JourneyBuilder'] });
}
