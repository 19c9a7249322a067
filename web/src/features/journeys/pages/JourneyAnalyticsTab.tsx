import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  ProgressBar,
  Subtitle2,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { graphql } from '../../../gql';
import type { AnalyticsGranularity, JourneyAnalyticsViewFragment } from '../../../gql/graphql';
import { getFragmentData } from '../../../gql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { useNotify } from '../../../ui/toast';
import { DeliveryChart, FunnelChart, SeriesChart } from '../components/AnalyticsCharts';

export const JourneyAnalyticsView = graphql(`
  fragment JourneyAnalyticsView on JourneyAnalytics {
    journeyId
    totals {
      entered
      customers
      active
      completed
      exited
      exitedByReason {
        reason
        count
      }
      stopped
      failed
      refused
      refusedByReason {
        reason
        count
      }
      goalReached
      goalPercent
      goalTarget
    }
    tiles {
      stepId
      inflow
      processing
      processed
      exited
    }
    messages {
      stepId
      channel
      sent
      delivered
      opened
      openedHuman
      clicked
      bounced
      blocked
      failed
      held
      retrying
      deliveryRate
      openRate
      clickRate
    }
    series {
      at
      entered
      completed
      exited
      goalReached
    }
  }
`);

const ANALYTICS = graphql(`
  query JourneyAnalytics($journeyId: ID!, $range: AnalyticsRangeInput!) {
    journeyAnalytics(journeyId: $journeyId, range: $range) {
      ...JourneyAnalyticsView
    }
  }
`);

const ANALYTICS_UPDATED = graphql(`
  subscription JourneyAnalyticsUpdated($journeyId: ID!, $range: AnalyticsRangeInput!) {
    journeyAnalyticsUpdated(journeyId: $journeyId, range: $range) {
      ...JourneyAnalyticsView
    }
  }
`);

const STEP_CUSTOMERS = graphql(`
  query JourneyStepCustomersCsv($journeyId: ID!, $stepId: String!) {
    journeyStepCustomersCsv(journeyId: $journeyId, stepId: $stepId)
  }
`);

const useStyles = makeStyles({
  tab: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  totals: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL },
  total: { display: 'flex', flexDirection: 'column' },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

const HOUR = 3_600_000;
/** The series' window: the last 48 hours by hour, or the last 30 days by day. */
function rangeOf(granularity: AnalyticsGranularity) {
  const now = Date.now();
  const from = granularity === 'HOUR' ? now - 47 * HOUR : now - 29 * 24 * HOUR;
  return { from: new Date(from).toISOString(), to: new Date(now + 1).toISOString(), granularity };
}
const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** The Analytics tab of a live or stopped journey: totals, funnel, goal, message delivery, time series and exports, updating live. */
export function JourneyAnalyticsTab({ journeyId, steps, stepName }: { journeyId: string; steps: { id: string }[]; stepName: (id: string) => string }) {
  const styles = useStyles();
  const notify = useNotify();
  const client = useApolloClient();
  const [granularity, setGranularity] = useState<AnalyticsGranularity>('HOUR' as AnalyticsGranularity);
  const range = useMemo(() => rangeOf(granularity), [granularity]);
  const query = useQuery(ANALYTICS, { variables: { journeyId, range } });
  const live = useSubscription(ANALYTICS_UPDATED, { variables: { journeyId, range } });
  const [exportStep, setExportStep] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const source = live.data?.journeyAnalyticsUpdated ?? query.data?.journeyAnalytics;
  if (!source) return query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <Loading label="Loading analytics…" />;
  const a: JourneyAnalyticsViewFragment = getFragmentData(JourneyAnalyticsView, source);
  const t = a.totals;

  const tiles = new Map(a.tiles.map((x) => [x.stepId, x]));
  const funnel = [
    { name: 'Entered', count: t.entered },
    ...steps.map((s) => ({ name: stepName(s.id), count: tiles.get(s.id)?.inflow ?? 0 })),
    { name: 'Goal reached', count: t.goalReached },
  ];
  const exportCsv = async () => {
    if (!exportStep) return;
    setExporting(true);
    try {
      const { data } = await client.query({ query: STEP_CUSTOMERS, variables: { journeyId, stepId: exportStep }, fetchPolicy: 'network-only' });
      download(`journey-${journeyId}-${exportStep}-customers.csv`, data?.journeyStepCustomersCsv ?? '');
    } catch (e) {
      notify('error', 'Export failed', e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  const numbers: [string, number | string][] = [
    ['Entered', t.entered],
    ['Unique customers', t.customers],
    ['Active', t.active],
    ['Completed', t.completed],
    ['Exited', t.exited],
    ['Stopped', t.stopped],
    ['Failed', t.failed],
    ['Entries refused', t.refused],
    ['Goal reached', t.goalReached],
  ];
  return (
    <div className={styles.tab}>
      <section aria-label="Totals" className={styles.totals}>
        {numbers.map(([label, value]) => (
          <div key={label} className={styles.total}>
            <Text size={200}>{label}</Text>
            <Text size={500} weight="semibold" data-testid={`total-${label}`}>
              {value}
            </Text>
          </div>
        ))}
      </section>
      {t.entered === 0 && <EmptyState title="No one has entered yet">Numbers appear here as customers enter the journey.</EmptyState>}

      <section aria-label="Goal">
        <Subtitle2>Goal</Subtitle2>
        <Field
          validationState="none"
          validationMessage={
            t.goalPercent === null || t.goalPercent === undefined
              ? 'No one has entered yet.'
              : `${t.goalPercent.toFixed(1)}% of ${t.customers} customers reached the goal${t.goalTarget !== null && t.goalTarget !== undefined ? ` (target ${t.goalTarget}%)` : ''}.`
          }
        >
          <ProgressBar
            aria-label="Goal reached against its target"
            value={Math.min(1, (t.goalPercent ?? 0) / (t.goalTarget || 100))}
            thickness="large"
            color={t.goalTarget && (t.goalPercent ?? 0) >= t.goalTarget ? 'success' : 'brand'}
          />
        </Field>
      </section>

      <section aria-label="Conversion funnel">
        <Subtitle2>Conversion funnel</Subtitle2>
        <FunnelChart stages={funnel} />
      </section>

      {a.messages.length > 0 && (
        <section aria-label="Message delivery">
          <Subtitle2>Message delivery</Subtitle2>
          <DeliveryChart messages={a.messages.map((m) => ({ name: stepName(m.stepId), sent: m.sent, delivered: m.delivered, opened: m.opened, clicked: m.clicked }))} />
          <Table size="small" aria-label="Messages">
            <TableHeader>
              <TableRow>
                {[
                  'Message',
                  'Sent',
                  'Delivered',
                  'Opened',
                  'Opened (people)',
                  'Clicked',
                  'Bounced',
                  'Blocked',
                  'Failed',
                  'Held now (quiet hours)',
                  'Retrying now',
                  'Delivery rate',
                  'Open rate',
                  'Click rate',
                ].map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {a.messages.map((m) => (
                <TableRow key={m.stepId}>
                  <TableCell>{stepName(m.stepId)}</TableCell>
                  {[m.sent, m.delivered, m.opened, m.openedHuman, m.clicked, m.bounced, m.blocked, m.failed, m.held, m.retrying].map((n, i) => (
                    <TableCell key={i}>{n}</TableCell>
                  ))}
                  <TableCell>{percent(m.deliveryRate)}</TableCell>
                  <TableCell>{percent(m.openRate)}</TableCell>
                  <TableCell>{percent(m.clickRate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}

      <section aria-label="Over time">
        <div className={styles.row}>
          <Subtitle2>Over time</Subtitle2>
          <TabList size="small" selectedValue={granularity} onTabSelect={(_e, d) => setGranularity(d.value as AnalyticsGranularity)} aria-label="Granularity">
            <Tab value="HOUR">Last 48 hours</Tab>
            <Tab value="DAY">Last 30 days</Tab>
          </TabList>
        </div>
        <SeriesChart
          points={a.series.map((p) => ({
            ...p,
            label: granularity === 'HOUR' ? new Date(p.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : new Date(p.at).toLocaleDateString(),
          }))}
        />
      </section>

      <section aria-label="Export">
        <Subtitle2>Export</Subtitle2>
        <div className={styles.row}>
          <Field label="Customers at step">
            <Dropdown placeholder="Choose a step" value={exportStep ? stepName(exportStep) : ''} onOptionSelect={(_e, d) => setExportStep(d.optionValue ?? null)}>
              {steps.map((s) => (
                <Option key={s.id} value={s.id} text={stepName(s.id)}>
                  {`${stepName(s.id)} (${tiles.get(s.id)?.processing ?? 0})`}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button disabled={!exportStep || exporting} onClick={() => void exportCsv()}>
            {exporting ? 'Exporting…' : 'Download CSV'}
          </Button>
        </div>
      </section>
    </div>
  );
}
