import { useQuery } from '@apollo/client/react';
import { Card, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useEffect, useEffectEvent, useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { graphql } from '../../../gql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { AppLink } from '../../../ui/AppLink';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { endReasonLabel, stepName, WAIT_KIND_LABELS, type LogContext } from '../components/run-labels';
import { RunLog } from '../components/RunLog';
import { RunMessage } from '../components/RunMessage';
import { runCustomerName } from '../components/RunRow';
import { RunStatusBadge } from '../components/RunStatusBadge';
import { useJourneyRunsLive } from '../hooks/useJourneyRunsLive';

const RUN = graphql(`
  query JourneyRun($id: ID!) {
    journeyRun(id: $id) {
      id
      journeyId
      customerId
      status
      stepId
      stepStartedAt
      timerAt
      waitKind
      waitTriggerId
      binding
      enteredAt
      endedAt
      endReason
      error
      goalReachedAt
      updatedAt
      customer {
        id
        authId
        email
      }
      journey {
        id
        name
        definition {
          exitTriggerIds
          steps {
            id
            type
            label
            interactionTriggerKey
            waitTriggerId
          }
        }
      }
      log {
        id
        ...RunLog_entry
      }
      messages {
        id
        stepId
        ...RunMessage_message
      }
    }
  }
`);

const RUN_TRIGGERS = graphql(`
  query JourneyRunTriggers($ids: [ID!]) {
    triggers(first: 100, filter: { ids: $ids, includeHidden: true }) {
      nodes {
        id
        title
      }
    }
  }
`);

const useStyles = makeStyles({
  // One column on a phone.
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(320px, 1fr) 2fr',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 767px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  // A status badge keeps its own width instead of stretching across the card.
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, '& > .fui-Badge': { alignSelf: 'flex-start' } },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  pair: { display: 'contents' },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** One run of a journey: where the customer is or how the run ended, its step log as sentences, and its messages. */
export function JourneyRunPage() {
  const styles = useStyles();
  const { id: journeyId = '', runId = '' } = useParams();
  // Shown from the cache at once, and always asked again: the run may have moved since it was last opened.
  const { data, loading, error, refetch } = useQuery(RUN, { variables: { id: runId }, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  const run = data?.journeyRun;
  const definition = run?.journey.definition;
  const triggerIds = definition ? [...definition.exitTriggerIds, ...definition.steps.map((s) => s.waitTriggerId).filter((x): x is string => !!x)] : [];
  const triggers = useQuery(RUN_TRIGGERS, { skip: triggerIds.length === 0, variables: { ids: triggerIds } });
  // A run that is still moving follows the server: reload it whenever the journey's runs change.
  const live = useJourneyRunsLive(journeyId, !!run && (run.status === 'ACTIVE' || run.status === 'WAITING'));
  const reload = useEffectEvent(() => void refetch());
  useEffect(() => {
    if (live.refresh > 0) reload();
  }, [live.refresh]);
  const context = useMemo<LogContext>(
    () => ({
      steps: new Map((definition?.steps ?? []).map((s) => [s.id, s])),
      triggerNames: new Map((triggers.data?.triggers.nodes ?? []).map((t) => [t.id, t.title])),
      exitTriggerIds: definition?.exitTriggerIds ?? [],
    }),
    [definition, triggers.data],
  );

  if (loading && !data) return <Loading label="Loading run…" />;
  if (error || !run)
    return (
      <>
        <ErrorState error={error} onRetry={() => void refetch()} title="Could not load this run" />
        <AppLink to={`/journeys/${journeyId}?tab=runs`}>Back to the journey’s runs</AppLink>
      </>
    );
  const who = runCustomerName(run);
  const waitTrigger = run.waitTriggerId ? context.triggerNames.get(run.waitTriggerId) : undefined;
  const facts: [string, string][] = [
    ['Step', stepName(context, run.stepId)],
    ['Since', formatDateTime(run.stepStartedAt)],
    ['Binding', run.binding ?? '—'],
    ['Entered', formatDateTime(run.enteredAt)],
    ['Ended', formatDateTime(run.endedAt)],
  ];
  if (run.status === 'WAITING') {
    facts.push(['Waiting for', run.waitKind ? `${WAIT_KIND_LABELS[run.waitKind]}${waitTrigger ? `: ${waitTrigger}` : ''}` : '—']);
    facts.push(['Until', formatDateTime(run.timerAt)]);
  }
  if (run.endReason) facts.push(['Ended because', endReasonLabel(run.endReason)]);
  if (run.goalReachedAt) facts.push(['Goal reached', formatDateTime(run.goalReachedAt)]);

  return (
    <>
      <AppLink to={`/journeys/${run.journeyId}?tab=runs`}>← {run.journey.name}: runs</AppLink>
      <PageHeader title={`Run of ${who}`} description={`In “${run.journey.name}”${run.customer?.email ? ` · ${run.customer.email}` : ''}`} />
      {run.status === 'FAILED' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>This run failed</MessageBarTitle>
            {run.error ?? 'No error was recorded.'}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.layout}>
        <div className={styles.column}>
          <Card className={styles.card} role="region" aria-label="Run">
            <Subtitle2 as="h2">Run</Subtitle2>
            <RunStatusBadge status={run.status} />
            <dl className={styles.facts}>
              {facts.map(([label, value]) => (
                <div key={label} className={styles.pair}>
                  <dt>
                    <Text size={200}>{label}</Text>
                  </dt>
                  <dd className={styles.value}>
                    <Text>{value}</Text>
                  </dd>
                </div>
              ))}
            </dl>
            {run.customer && <AppLink to={`/customers/${run.customer.id}`}>Open customer {run.customer.authId}</AppLink>}
          </Card>
          <Card className={styles.card} role="region" aria-label="Step log">
            <Subtitle2 as="h2">Step log</Subtitle2>
            <RunLog entries={run.log} context={context} />
          </Card>
        </div>
        <div className={styles.column}>
          <Card className={styles.card} role="region" aria-label="Messages">
            <Subtitle2 as="h2">Messages</Subtitle2>
            {run.messages.length === 0 ? <Text>No messages yet.</Text> : run.messages.map((m) => <RunMessage key={m.id} message={m} stepName={stepName(context, m.stepId)} />)}
          </Card>
        </div>
      </div>
    </>
  );
}
