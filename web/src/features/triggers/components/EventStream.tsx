import { useQuery, useSubscription } from '@apollo/client/react';
import { Badge, Button, makeStyles, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { getFragmentData, graphql } from '../../../gql';
import type { EventStream_EventFragment } from '../../../gql/graphql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { formatCount, formatDateTime } from '../../../ui/format';
import { LoadMore } from '../../../ui/LoadMore';
import { useListStyles } from '../../../ui/useListStyles';
import { RefusedRequests } from './RefusedRequests';

export const EventStream_event = graphql(`
  fragment EventStream_event on TriggerEventRecord {
    id
    accepted
    test
    authId
    receivedAt
    version
    reasons {
      code
      field
      message
    }
    payload
  }
`);

const EVENTS = graphql(`
  subscription EventStream($id: ID!) {
    triggerEvents(triggerId: $id) {
      ...EventStream_event
    }
  }
`);

const HISTORY = graphql(`
  query EventHistory($id: ID!, $accepted: Boolean, $first: Int!, $after: String) {
    triggerEventLog(triggerId: $id, accepted: $accepted, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...EventStream_event
      }
    }
  }
`);

type Received = EventStream_EventFragment;
export const PAGE_SIZE = 25;
/** Live events kept in memory beyond the loaded history (older ones are a page away). */
const MAX_LIVE = 200;
export const STATUSES = ['all', 'accepted', 'rejected', 'refused'] as const;
export type DebuggerStatus = (typeof STATUSES)[number];
const isStatus = (value: string | null): value is DebuggerStatus => (STATUSES as readonly (string | null)[]).includes(value);

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', marginBottom: tokens.spacingVerticalS },
  // Phones: the choices wrap instead of widening the page.
  choices: { flexWrap: 'wrap' },
  payload: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

/** Newest first: by time received, then by id (ids grow with arrival). */
function newestFirst(a: Received, b: Received) {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? 1 : -1;
  return BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0;
}

/** One list from what was streamed and what was loaded, each event once (by id), newest first. */
export function mergeEvents(live: readonly Received[], history: readonly Received[]): Received[] {
  const byId = new Map<string, Received>();
  for (const e of [...live, ...history]) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort(newestFirst);
}

/**
 * The event debugger: the trigger's recent events (accepted and rejected, with payload and reasons) loaded from
 * the server a page at a time, then new ones streamed in as they arrive, each shown once. The filter lives in the
 * address (`?status=rejected`), so a reload or the back button keeps it. "Refused requests" lists what the
 * ingestion endpoint refused before any event was stored (bad key, refused origin, unknown trigger).
 */
export function EventStream({ triggerId, triggerKey }: { triggerId: string; triggerKey?: string }) {
  const styles = useStyles();
  const list = useListStyles();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: DebuggerStatus = isStatus(statusParam) ? statusParam : 'all';
  const setStatus = (next: DebuggerStatus) =>
    // A new history entry, so Back returns to the previous filter; the page's other parameters (its tab) stay.
    // flushSync: the radio shows the new choice at once, not after the navigation settles.
    setParams(
      (p) => {
        const updated = new URLSearchParams(p);
        if (next === 'all') updated.delete('status');
        else updated.set('status', next);
        return updated;
      },
      { flushSync: true },
    );

  const [live, setLive] = useState<Received[]>([]);
  const [paused, setPaused] = useState(false);
  // Read in the subscription callback, which may outlive a render; written only by the Pause button.
  const pausedRef = useRef(false);
  const held = useRef<Received[]>([]);
  const togglePaused = () => {
    pausedRef.current = !pausedRef.current;
    setPaused(pausedRef.current);
    // Resuming shows what arrived while paused.
    if (!pausedRef.current && held.current.length > 0) {
      const arrived = held.current;
      held.current = [];
      setLive((current) => mergeEvents(arrived, current).slice(0, MAX_LIVE));
    }
  };
  const { error: streamError } = useSubscription(EVENTS, {
    variables: { id: triggerId },
    onData: ({ data }) => {
      const batch = getFragmentData(EventStream_event, data.data?.triggerEvents ?? []) as readonly Received[];
      if (batch.length === 0) return;
      if (pausedRef.current) held.current = mergeEvents(batch, held.current).slice(0, MAX_LIVE);
      else setLive((current) => mergeEvents(batch, current).slice(0, MAX_LIVE));
    },
  });

  const accepted = status === 'accepted' ? true : status === 'rejected' ? false : null;
  const history = useQuery(HISTORY, {
    variables: { id: triggerId, accepted, first: PAGE_SIZE },
    skip: status === 'refused',
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const loaded = getFragmentData(EventStream_event, history.data?.triggerEventLog.nodes ?? []) as readonly Received[];
  const shown = mergeEvents(
    live.filter((e) => accepted === null || e.accepted === accepted),
    loaded,
  );
  const loadedIds = new Set(loaded.map((e) => e.id));
  const total = (history.data?.triggerEventLog.totalCount ?? 0) + shown.filter((e) => !loadedIds.has(e.id)).length;

  return (
    <section aria-labelledby="event-debugger-heading">
      <div className={styles.bar}>
        <Text as="h2" id="event-debugger-heading" weight="semibold" size={400}>
          Event debugger
        </Text>
        {status !== 'refused' && (
          <Button size="small" onClick={togglePaused}>
            {paused ? 'Resume' : 'Pause'}
          </Button>
        )}
        <RadioGroup className={styles.choices} layout="horizontal" value={status} onChange={(_e, d) => setStatus(d.value as DebuggerStatus)} aria-label="Show">
          <Radio value="all" label="All events" />
          <Radio value="accepted" label="Accepted" />
          <Radio value="rejected" label="Rejected" />
          <Radio value="refused" label="Refused requests" />
        </RadioGroup>
        {streamError && <Text>Live stream unavailable: {streamError.message}</Text>}
      </div>
      {status === 'refused' ? (
        <RefusedRequests triggerKey={triggerKey} />
      ) : history.loading && !history.data && shown.length === 0 ? (
        <Loading label="Loading recent events…" />
      ) : history.error && !history.data ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} title="Could not load the recent events" />
      ) : shown.length === 0 ? (
        <Text>{paused ? 'Paused.' : status === 'all' ? 'No events yet. Waiting for events…' : `No ${status} events yet. Waiting for events…`}</Text>
      ) : (
        <>
          <Table aria-label="Received events" size="small">
            <TableHeader>
              <TableRow>
                {['Received', 'Result', 'Customer', 'Details'].map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((e) => (
                <EventRow key={e.id} event={e} />
              ))}
            </TableBody>
          </Table>
          <div className={list.footer}>
            <Text>
              Showing {shown.length} of {formatCount(total, 'event')}
            </Text>
            <LoadMore data={history.data} field="triggerEventLog" fetchMore={history.fetchMore} label="Load older events" />
          </div>
        </>
      )}
    </section>
  );
}

function EventRow({ event: e }: { event: Received }) {
  const styles = useStyles();
  return (
    <TableRow>
      <TableCell>{formatDateTime(e.receivedAt)}</TableCell>
      <TableCell>
        {e.accepted ? <Badge color="success">Accepted</Badge> : <Badge color="danger">Rejected</Badge>} {e.test && <Badge appearance="outline">Test</Badge>}
      </TableCell>
      <TableCell>
        {e.authId ?? '—'}
        {typeof e.payload.bindingId === 'string' && (
          <Text block size={200} title="bindingId: ties this event to the journey run of the same record">
            {e.payload.bindingId}
          </Text>
        )}
      </TableCell>
      <TableCell>
        <Text font="monospace" size={200}>
          {e.accepted ? JSON.stringify(e.payload.attributes ?? {}) : e.reasons.map((r) => `${r.code}: ${r.message}`).join('; ')}
        </Text>
        <details>
          <summary className={styles.summary}>Payload</summary>
          <pre className={styles.payload}>{JSON.stringify(e.payload, null, 2)}</pre>
        </details>
      </TableCell>
    </TableRow>
  );
}
