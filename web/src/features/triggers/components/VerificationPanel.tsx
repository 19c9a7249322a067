import { useSubscription } from '@apollo/client/react';
import { Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { graphql } from '../../../gql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { formatDateTime } from '../../../ui/format';
import { TriggerStatusBadge } from './TriggerBadges';

const WATCH = graphql(`
  subscription WatchVerification($id: ID!) {
    triggerVerification(triggerId: $id) {
      status
      readyAt
      validCount
      invalidCount
      firstEventAt
      lastEventAt
      recentRejections {
        at
        reasons {
          code
          field
          message
        }
      }
    }
  }
`);

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  // Four counters in a row on a wide screen, two by two on a phone; each keeps its label and value together.
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 9.5rem), max-content))',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    justifyContent: 'start',
  },
});

/** Live: changes the moment events arrive, without reloading. */
export function VerificationPanel({ triggerId }: { triggerId: string }) {
  const styles = useStyles();
  const { data, loading, error } = useSubscription(WATCH, { variables: { id: triggerId } });
  if (loading && !data) return <Loading label="Connecting to live verification…" />;
  if (error) return <ErrorState title="Live verification unavailable" error={error} />;
  const v = data!.triggerVerification;
  return (
    <Card className={styles.card} aria-label="Verification">
      <Text weight="semibold">
        Verification <TriggerStatusBadge status={v.status} />
      </Text>
      {v.status === 'AWAITING_FIRST_EVENT' && <Text>Waiting for the first valid event. Send one with a snippet below, from your site or server.</Text>}
      <div className={styles.grid}>
        <Text>
          Valid events: <strong aria-label="Valid events">{v.validCount}</strong>
        </Text>
        <Text>
          Rejected: <strong aria-label="Rejected events">{v.invalidCount}</strong>
        </Text>
        <Text>First event: {formatDateTime(v.firstEventAt)}</Text>
        <Text>Last event: {formatDateTime(v.lastEventAt)}</Text>
      </div>
      {v.recentRejections.length > 0 && (
        <>
          <Text weight="semibold">Recent rejections</Text>
          <ul>
            {v.recentRejections.slice(0, 5).map((r, i) => (
              <li key={i}>
                {formatDateTime(r.at)}: {r.reasons.map((x) => `${x.code}${x.field ? ` (${x.field})` : ''}: ${x.message}`).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
