import { useQuery } from '@apollo/client/react';
import { Button, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { Add20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { CustomerIdentity } from '../../../gql/graphql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { FilterDropdown, SearchInput } from '../../../ui/ListFilters';
import { LoadMore } from '../../../ui/LoadMore';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotify } from '../../../ui/toast';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { useListStyles } from '../../../ui/useListStyles';
import { CustomerFormDialog } from '../components/CustomerFormDialog';
import { CustomerRow } from '../components/CustomerRow';
import { CONSENT_FILTER_LABELS, consentFilterOf, KIND_LABELS, type ConsentFilterKey } from '../components/labels';

const CUSTOMERS = graphql(`
  query Customers($filter: CustomerFilter, $after: String) {
    customers(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...CustomerRow_customer
      }
    }
  }
`);

/** Everyone journeys can reach: searched on the server as you type, filtered by kind and consent, 50 at a time. */
export function CustomersPage() {
  const navigate = useNavigate();
  const notify = useNotify();
  const { can } = useAuth();
  const styles = useListStyles();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<CustomerIdentity | null>(null);
  const [consent, setConsent] = useState<ConsentFilterKey | null>(null);
  const [creating, setCreating] = useState(false);
  const debouncedSearch = useDebouncedValue(search.trim(), 250);
  const filtered = debouncedSearch !== '' || kind !== null || consent !== null;
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(CUSTOMERS, {
    variables: { filter: { search: debouncedSearch || null, kind, consent: consentFilterOf(consent) } },
  });
  const shown = data ?? previousData;
  const writer = can('customers:write');

  return (
    <>
      <PageHeader
        title="Customers"
        description="Contacts, leads and profiles your journeys send to, with their consent."
        actions={
          writer && (
            <div className={styles.filters}>
              <Button icon={<ArrowUpload20Regular />} onClick={() => void navigate('/customers/import')}>
                Import CSV
              </Button>
              <Button appearance="primary" icon={<Add20Regular />} onClick={() => setCreating(true)}>
                New customer
              </Button>
            </div>
          )
        }
      />
      <div className={styles.filters} role="search">
        <SearchInput label="Search customers" placeholder="Email, phone, name or authId" value={search} onChange={setSearch} />
        <FilterDropdown label="Kind" anyLabel="All kinds" labels={KIND_LABELS} value={kind} onChange={setKind} />
        <FilterDropdown label="Consent" anyLabel="Any consent" labels={CONSENT_FILTER_LABELS} value={consent} onChange={setConsent} />
      </div>
      {loading && !shown && <Loading label="Loading customers…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {shown && shown.customers.totalCount === 0 && (
        <EmptyState title={filtered ? 'No customers match' : 'No customers yet'}>
          {filtered ? (
            <Text>Change the search or the filters. Search finds the start of an email, phone number, first or last name, or authId.</Text>
          ) : (
            <Text>
              Customers arrive on their own: an accepted event creates its customer from the authId and contact points it carries, and the identify call of the snippets (
              <code>POST /v1/identify</code>) adds or updates them from your app or website. You can also import a CSV file or create one here.
            </Text>
          )}
        </EmptyState>
      )}
      {shown && shown.customers.totalCount > 0 && (
        <Table aria-label="Customers" size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              {['Name', 'Email', 'Phone', 'Kind', 'authId', 'Created'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.customers.nodes.map((c) => (
              <CustomerRow key={c.id} customer={c} />
            ))}
          </TableBody>
        </Table>
      )}
      {shown && shown.customers.totalCount > 0 && (
        <div className={styles.footer}>
          <Text>
            Showing {shown.customers.nodes.length} of {shown.customers.totalCount.toLocaleString()}
          </Text>
          <LoadMore data={shown} field="customers" fetchMore={fetchMore} />
        </div>
      )}
      {creating && (
        <CustomerFormDialog
          open
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            notify('success', 'Customer created');
            void navigate(`/customers/${id}`);
          }}
        />
      )}
    </>
  );
}
