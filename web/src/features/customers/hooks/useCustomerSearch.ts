import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { getFragmentData, graphql } from '../../../gql';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';

export const CustomerPicker_customer = graphql(`
  fragment CustomerPicker_customer on Customer {
    id
    kind
    authId
    firstName
    lastName
    email
  }
`);

const CUSTOMER_OPTIONS = graphql(`
  query CustomerOptions($search: String) {
    customers(first: 20, filter: { search: $search }) {
      nodes {
        ...CustomerPicker_customer
      }
    }
  }
`);

/** Customers searched on the server (email, phone, name or authId prefix) as the person types. */
export function useCustomerSearch(skip = false) {
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const { data, loading } = useQuery(CUSTOMER_OPTIONS, { variables: { search: debounced || null }, skip });
  return { options: getFragmentData(CustomerPicker_customer, data?.customers.nodes ?? []), loading, setSearch };
}
