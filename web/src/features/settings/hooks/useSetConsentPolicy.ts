import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const SET_CONSENT_POLICY = graphql(`
  mutation SetConsentPolicy($input: SetConsentPolicyInput!) {
    setConsentPolicy(input: $input) {
      channel
      model
    }
  }
`);

export function useSetConsentPolicy() {
  return useMutation(SET_CONSENT_POLICY, { refetchQueries: ['ConsentPolicies'] });
}
