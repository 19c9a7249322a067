import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CREATE_WORKSPACE = graphql(`
  mutation CreateWorkspace($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) {
      workspace {
        id
        name
      }
    }
  }
`);

export function useCreateWorkspace() {
  return useMutation(CREATE_WORKSPACE);
}
