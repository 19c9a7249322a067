import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CREATE_CONTENT = graphql(`
  mutation CreateContent($input: CreateContentInput!) {
    createContent(input: $input) {
      content {
        id
      }
    }
  }
`);

export function useCreateContent() {
  return useMutation(CREATE_CONTENT, { refetchQueries: ['Contents'] });
}
