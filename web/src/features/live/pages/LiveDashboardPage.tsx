import { useQuery } from '@apollo/client/react';
import { Badge, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { graphql } from '../../../gql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { LoadMore } from '../../../ui/LoadMore';
import { TriggerStatusBadge } from '../../triggers/components/TriggerBadges';
import { useLiveReadiness } from '../../triggers/hooks/useLiveReadiness';

const CUSTOM_TRIGGERS = graphql(`
  query LiveDashboard($after: String) {
    triggers(first: 100, after: $after, filter: { kind: [CUSTOM] }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        key
        title
        status
        readyAt
      }
    }
  }
`);

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: tokens.spacingHorizontalM },
  // Items keep their own width: the status badge is not stretched across the card.
  card: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  summary: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', marginBottom: tokens.spacingVerticalM },
});

/** Every custom trigger's readiness, updating as events arrive (no reload). */
export function LiveDashboardPage() {
  const styles = useStyles();
  const { data, loading, error, refetch, fetchMore } = useQuery(CUSTOM_TRIGGERS);
  const [lastChange, setLastChange] = useState<string | null>(null);
  const live = useLiveReadiness((t) => setLastChange(`${t.id}:${t.status}`));
  const nodes = data?.triggers.nodes ?? [];
  const ready = nodes.filter((n) => n.status === 'READY_TO_USE').length;
  return (
    <>
      <PageHeader title="Live dashboard" description="Which triggers are ready to use. Updates as events arrive." />
      <div className={styles.summary}>
        <Badge color={live.error ? 'danger' : 'success'}>{live.error ? 'Live updates unavailable' : 'Live'}</Badge>
        {data && (
          <Text aria-live="polite">
            {ready} of {nodes.length} ready to use
          </Text>
        )}
        {lastChange && <Text size={200}>Last change {formatDateTime(new Date().toISOString())}</Text>}
      </div>
      {loading && !data && <Loading label="Loading triggers…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && nodes.length === 0 && <EmptyState title="No custom triggers yet">Create one in Triggers; it appears here.</EmptyState>}
      <div className={styles.grid} role="list" aria-label="Trigger readiness">
        {nodes.map((t) => (
          <Card key={t.id} className={styles.card} role="listitem" aria-label={t.title}>
            <Link to={`/triggers/${t.id}`}>
              <Text weight="semibold">{t.title}</Text>
            </Link>
            <Text font="monospace" size={200}>
              {t.key}
            </Text>
            <TriggerStatusBadge status={t.status} />
            {t.readyAt && <Text size={200}>Ready since {formatDateTime(t.readyAt)}</Text>}
          </Card>
        ))}
      </div>
      <LoadMore data={data} field="triggers" fetchMore={fetchMore} />
    </>
  );
}
