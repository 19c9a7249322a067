import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CHANGE_MEMBER_ROLE = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      membership {
        id
        role
      }
    }
  }
`);

export function useChangeMemberRole() {
  return useMutation(CHANGE_MEMBER_ROLE);
}
