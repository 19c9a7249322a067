import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const REMOVE_MEMBER = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removedMembershipId
    }
  }
`);

export function useRemoveMember() {
  return useMutation(REMOVE_MEMBER, { refetchQueries: ['Members'] });
}
