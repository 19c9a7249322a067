import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const JOIN_WORKSPACE = graphql(`
  mutation JoinWorkspace($input: JoinWorkspaceInput!) {
    joinWorkspace(input: $input) {
      membership {
        id
        workspace {
          id
        }
      }
    }
  }
`);

/** Accepts an invitation as the signed-in user (it must be addressed to their email). */
export function useJoinWorkspace() {
  return useMutation(JOIN_WORKSPACE);
}
