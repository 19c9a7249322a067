import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const MARK_CONTENT_READY = graphql(`
  mutation MarkContentReady($input: MarkContentReadyInput!) {
    markContentReady(input: $input) {
      content {
        id
        state
        revision
      }
    }
  }
`);

export function useMarkContentReady() {
  return useMutation(MARK_CONTENT_READY, { refetchQueries: ['Contents'] });
}
