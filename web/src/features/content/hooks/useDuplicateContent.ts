import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const DUPLICATE_CONTENT = graphql(`
  mutation DuplicateContent($input: DuplicateContentInput!) {
    duplicateContent(input: $input) {
      content {
        id
      }
    }
  }
`);

export function useDuplicateContent() {
  return useMutation(DUPLICATE_CONTENT, { refetchQueries: ['Contents'] });
}
