import { useQuery } from '@apollo/client/react';
import { Button, Card, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { CustomerConsentHistoryQuery, CustomerJourneyRunsQuery, CustomerTimelineQuery } from '../../../gql/graphql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { FilterDropdown } from '../../../ui/ListFilters';
import { LoadMore } from '../../../ui/LoadMore';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotify } from '../../../ui/toast';
import { ConsentHistory } from '../components/ConsentHistory';
import { ConsentTable } from '../components/ConsentTable';
import { CustomerFormDialog } from '../components/CustomerFormDialog';
import { CustomerIdentity } from '../components/CustomerIdentity';
import { CustomerJourneyRuns } from '../components/CustomerJourneyRuns';
import { CustomerTimeline } from '../components/CustomerTimeline';
import { CustomFieldValues } from '../components/CustomFieldValues';
import { DeviceList } from '../components/DeviceList';
import { EraseCustomerDialog } from '../components/EraseCustomerDialog';
import { fullName, KIND_LABELS } from '../components/labels';
import { useEraseCustomer } from '../hooks/useEraseCustomer';

const CUSTOMER = graphql(`
  query Customer($id: ID!) {
    customer(id: $id) {
      id
      kind
      authId
      firstName
      lastName
      email
      erasedAt
      fields
      ...CustomerIdentity_customer
      ...CustomerFormDialog_customer
      ...ConsentTable_customer
      ...DeviceList_customer
    }
    customerFields {
      name
      label
      type
    }
  }
`);

const CONSENT_HISTORY = graphql(`
  query CustomerConsentHistory($id: ID!, $after: String) {
    customer(id: $id) {
      id
      consentHistory(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...ConsentHistory_change
        }
      }
    }
  }
`);

const TIMELINE = graphql(`
  query CustomerTimeline($id: ID!, $accepted: Boolean, $after: String) {
    customer(id: $id) {
      id
      timeline(first: 20, after: $after, accepted: $accepted) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...CustomerTimeline_event
        }
      }
    }
  }
`);

const JOURNEY_RUNS = graphql(`
  query CustomerJourneyRuns($id: ID!, $after: String) {
    customer(id: $id) {
      id
      journeyRuns(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...CustomerJourneyRuns_run
        }
      }
    }
  }
`);

const RESULT_LABELS = { ACCEPTED: 'Accepted', REJECTED: 'Rejected' } as const;

const useStyles = makeStyles({
  // One column on a phone.
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(320px, 1fr) 2fr',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 767px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} role="region" aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {children}
    </Card>
  );
}

type History = CustomerConsentHistoryQuery['customer']['consentHistory'];
type Timeline = CustomerTimelineQuery['customer']['timeline'];
type Runs = CustomerJourneyRunsQuery['customer']['journeyRuns'];
type PageUpdate<T> = { variables: { after: string | null | undefined }; updateQuery: (prev: { page: T }, result: { fetchMoreResult: { page: T } }) => { page: T } };

/** One customer, as the APSIS profile view shows them: identity, custom fields, consent and its history, devices. */
export function CustomerPage() {
  const styles = useStyles();
  const notify = useNotify();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CUSTOMER, { variables: { id } });
  const history = useQuery(CONSENT_HISTORY, { variables: { id } });
  const [result, setResult] = useState<keyof typeof RESULT_LABELS | null>(null);
  const timeline = useQuery(TIMELINE, { variables: { id, accepted: result === null ? null : result === 'ACCEPTED' } });
  const journeyRuns = useQuery(JOURNEY_RUNS, { variables: { id }, skip: !can('journeys:read') });
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [erase, erased] = useEraseCustomer();

  if (loading && !data) return <Loading label="Loading customer…" />;
  if (error || !data)
    return (
      <>
        <ErrorState error={error} onRetry={() => void refetch()} title="Could not load this customer" />
        <RouterLink to="/customers">Back to customers</RouterLink>
      </>
    );
  const c = data.customer;
  const writer = can('customers:write') && !c.erasedAt;
  const title = c.erasedAt ? 'Erased customer' : (fullName(c) ?? c.email ?? c.authId);

  // LoadMore pages a top-level field; these lists hang under the customer, so each page is handed over and put back.
  const connection = history.data?.customer.consentHistory;
  const moreHistory = (o: PageUpdate<History>) =>
    history.fetchMore({
      variables: o.variables,
      updateQuery: (prev, { fetchMoreResult: next }) => ({
        ...prev,
        customer: { ...prev.customer, consentHistory: o.updateQuery({ page: prev.customer.consentHistory }, { fetchMoreResult: { page: next.customer.consentHistory } }).page },
      }),
    });
  const events = (timeline.data ?? timeline.previousData)?.customer.timeline;
  const moreEvents = (o: PageUpdate<Timeline>) =>
    timeline.fetchMore({
      variables: o.variables,
      updateQuery: (prev, { fetchMoreResult: next }) => ({
        ...prev,
        customer: { ...prev.customer, timeline: o.updateQuery({ page: prev.customer.timeline }, { fetchMoreResult: { page: next.customer.timeline } }).page },
      }),
    });
  const runs = journeyRuns.data?.customer.journeyRuns;
  const moreRuns = (o: PageUpdate<Runs>) =>
    journeyRuns.fetchMore({
      variables: o.variables,
      updateQuery: (prev, { fetchMoreResult: next }) => ({
        ...prev,
        customer: { ...prev.customer, journeyRuns: o.updateQuery({ page: prev.customer.journeyRuns }, { fetchMoreResult: { page: next.customer.journeyRuns } }).page },
      }),
    });

  return (
    <>
      <PageHeader
        title={title}
        description={`${KIND_LABELS[c.kind]} · authId ${c.authId}`}
        actions={
          writer && (
            <div className={styles.actions}>
              <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button icon={<Delete20Regular />} onClick={() => setErasing(true)}>
                Erase
              </Button>
            </div>
          )
        }
      />
      {c.erasedAt && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Erased {formatDateTime(c.erasedAt)}</MessageBarTitle>
            Personal data was removed and the customer’s events and messages anonymised; aggregate counts are kept.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <div className={styles.column}>
          <Section title="Identity">
            <CustomerIdentity customer={c} />
          </Section>
          <Section title="Custom fields">
            {data.customerFields.length === 0 && Object.keys(c.fields).length === 0 ? (
              <Text>
                No custom fields are defined. <RouterLink to="/settings/customer-fields">Define them in Settings</RouterLink>.
              </Text>
            ) : (
              <CustomFieldValues fields={c.fields} definitions={data.customerFields} />
            )}
          </Section>
          <Section title="Devices">
            <DeviceList customer={c} />
          </Section>
        </div>
        <div className={styles.column}>
          <Section title="Timeline">
            <FilterDropdown label="Events" anyLabel="All events" labels={RESULT_LABELS} value={result} onChange={setResult} />
            {timeline.loading && !events && <Loading label="Loading events…" />}
            {timeline.error && <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />}
            {events && events.totalCount === 0 && (
              <EmptyState title={result ? 'No events match' : 'No events yet'}>
                {result ? 'Show all events instead.' : 'Events that name this customer’s authId, accepted or rejected, appear here newest first.'}
              </EmptyState>
            )}
            {events && events.totalCount > 0 && (
              <>
                <CustomerTimeline events={events.nodes} />
                <div className={styles.footer}>
                  <Text>
                    Showing {events.nodes.length} of {events.totalCount}
                  </Text>
                  <LoadMore data={{ page: events }} field="page" fetchMore={moreEvents} label="Load more events" />
                </div>
              </>
            )}
          </Section>
          {can('journeys:read') && (
            <Section title="Journeys">
              {journeyRuns.loading && !runs && <Loading label="Loading journeys…" />}
              {journeyRuns.error && <ErrorState error={journeyRuns.error} onRetry={() => void journeyRuns.refetch()} />}
              {runs && runs.totalCount === 0 && <EmptyState title="Not in any journey yet">Journeys this customer enters are listed here, newest first.</EmptyState>}
              {runs && runs.totalCount > 0 && (
                <>
                  <CustomerJourneyRuns runs={runs.nodes} />
                  <div className={styles.footer}>
                    <Text>
                      Showing {runs.nodes.length} of {runs.totalCount}
                    </Text>
                    <LoadMore data={{ page: runs }} field="page" fetchMore={moreRuns} label="Load more journeys" />
                  </div>
                </>
              )}
            </Section>
          )}
          <Section title="Consent">
            <ConsentTable customer={c} canChange={writer} />
          </Section>
          <Section title="Consent history">
            {history.loading && !connection && <Loading label="Loading consent history…" />}
            {history.error && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
            {connection && connection.totalCount === 0 && <EmptyState title="No consent changes yet">Changes made here, by identify calls or imports are listed here.</EmptyState>}
            {connection && connection.totalCount > 0 && (
              <>
                <ConsentHistory changes={connection.nodes} />
                <div className={styles.footer}>
                  <Text>
                    Showing {connection.nodes.length} of {connection.totalCount}
                  </Text>
                  <LoadMore data={{ page: connection }} field="page" fetchMore={moreHistory} label="Load more changes" />
                </div>
              </>
            )}
          </Section>
        </div>
      </div>
      {erasing && (
        <EraseCustomerDialog
          open
          authId={c.authId}
          busy={erased.loading}
          onCancel={() => setErasing(false)}
          onConfirm={(confirmAuthId) =>
            void erase({ variables: { input: { id: c.id, confirmAuthId } } }).then(
              () => {
                setErasing(false);
                notify('success', 'Customer erased', 'Personal data was removed.');
              },
              (e: unknown) => notify('error', 'Could not erase the customer', errorInfo(e).message),
            )
          }
        />
      )}
      {editing && (
        <CustomerFormDialog
          open
          customer={c}
          fieldDefinitions={data.customerFields}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            notify('success', 'Customer saved');
          }}
        />
      )}
    </>
  );
}
