import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const VALIDATE_JOURNEY = graphql(`
  mutation ValidateJourney($input: JourneyIdInput!) {
    validateJourney(input: $input) {
      valid
      problems {
        code
        message
        stepId
        field
      }
    }
  }
`);

export function useValidateJourney() {
  return useMutation(VALIDATE_JOURNEY);
}
