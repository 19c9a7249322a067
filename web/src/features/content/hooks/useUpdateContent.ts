import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const UPDATE_CONTENT = graphql(`
  mutation UpdateContent($input: UpdateContentInput!) {
    updateContent(input: $input) {
      content {
        id
        state
        revision
        name
        subject
        senderName
        htmlBody
        textBody
        body
        title
        link
      }
    }
  }
`);

export function useUpdateContent() {
  return useMutation(UPDATE_CONTENT);
}
