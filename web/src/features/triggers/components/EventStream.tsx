import { useSubscription } from '@apollo/client/react';
import { Badge, Button, makeStyles, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { graphql } from '../../../gql';
import type { EventStreamSubscription } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/format';

const EVENTS = graphql(`
  subscription EventStream($id: ID!) {
    triggerEvents(triggerId: $id) {
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
  }
`);

type Received = EventStreamSubscription['triggerEvents'][number];
const MAX_SHOWN = 100;

const useStyles = makeStyles({ bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' } });

/** The live debugger: events as they arrive, with reasons for rejections. Pause keeps the list still. */
export function EventStream({ triggerId }: { triggerId: string }) {
  const styles = useStyles();
  const [events, setEvents] = useState<Received[]>([]);
  const [paused, setPaused] = useState(false);
  // Read in the subscription callback, which may outlive a render; written only by the Pause button.
  const pausedRef = useRef(false);
  const togglePaused = () => {
    pausedRef.current = !pausedRef.current;
    setPaused(pausedRef.current);
  };
  const [show, setShow] = useState<'all' | 'accepted' | 'rejected'>('all');
  const { error } = useSubscription(EVENTS, {
    variables: { id: triggerId },
    onData: ({ data }) => {
      const batch = data.data?.triggerEvents ?? [];
      if (!pausedRef.current) setEvents((current) => [...[...batch].reverse(), ...current].slice(0, MAX_SHOWN));
    },
  });
  const shown = events.filter((e) => show === 'all' || (show === 'accepted') === e.accepted);
  return (
    <section aria-label="Live events">
      <div className={styles.bar}>
        <Text weight="semibold">Live events</Text>
        <Button size="small" onClick={togglePaused}>
          {paused ? 'Resume' : 'Pause'}
        </Button>
        <RadioGroup layout="horizontal" value={show} onChange={(_e, d) => setShow(d.value as typeof show)} aria-label="Show">
          <Radio value="all" label="All" />
          <Radio value="accepted" label="Accepted" />
          <Radio value="rejected" label="Rejected" />
        </RadioGroup>
        {error && <Text>Live stream unavailable: {error.message}</Text>}
      </div>
      {shown.length === 0 ? (
        <Text>{paused ? 'Paused.' : 'Waiting for events…'}</Text>
      ) : (
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
              <TableRow key={e.id}>
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
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
