import { useQuery } from '@apollo/client/react';
import { Badge, Button, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotify } from '../../../ui/toast';
import { useCreateJourney } from '../hooks/useCreateJourney';

const JOURNEYS = graphql(`
  query Journeys {
    journeys(first: 100) {
      totalCount
      nodes {
        id
        name
        status
        publishedAt
        updatedAt
      }
    }
  }
`);

export function JourneyStatusBadge({ status }: { status: string }) {
  return status === 'LIVE' ? <Badge color="success">Live</Badge> : status === 'STOPPED' ? <Badge color="subtle">Stopped</Badge> : <Badge color="informative">Draft</Badge>;
}

export function JourneysPage() {
  const navigate = useNavigate();
  const notify = useNotify();
  const { can } = useAuth();
  const { data, loading, error, refetch } = useQuery(JOURNEYS);
  const [create, creating] = useCreateJourney();
  const newJourney = async () => {
    try {
      const result = await create({ variables: { input: { name: 'New journey', description: '' } } });
      navigate(`/journeys/${result.data!.createJourney.journey.id}`);
    } catch (e) {
      notify('error', 'Could not create the journey', errorInfo(e).message);
    }
  };
  return (
    <>
      <PageHeader title="Journeys" description="Trigger-based customer journeys." actions={can('journeys:write') && <Button appearance="primary" icon={<Add20Regular />} disabled={creating.loading} onClick={newJourney}>New journey</Button>} />
      {loading && !data && <Loading label="Loading journeys…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && data.journeys.totalCount === 0 && <EmptyState title="No journeys yet">Start one on a trigger that is ready to use.</EmptyState>}
      {data && data.journeys.totalCount > 0 && (
        <Table aria-label="Journeys" size="small">
          <TableHeader><TableRow>{['Name', 'Status', 'Published', 'Updated'].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
          <TableBody>
            {data.journeys.nodes.map((j) => (
              <TableRow key={j.id}>
                <TableCell><Link as="span"><RouterLink to={`/journeys/${j.id}`}>{j.name}</RouterLink></Link></TableCell>
                <TableCell><JourneyStatusBadge status={j.status} /></TableCell>
                <TableCell>{formatDateTime(j.publishedAt)}</TableCell>
                <TableCell>{formatDateTime(j.updatedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
