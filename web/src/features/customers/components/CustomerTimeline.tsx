import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { AppLink } from '../../../ui/AppLink';

export const CustomerTimeline_event = graphql(`
  fragment CustomerTimeline_event on TriggerEventRecord {
    id
    accepted
    occurredAt
    triggerKey
    version
    test
    trigger {
      id
      title
    }
    reasons {
      code
      field
      message
    }
  }
`);

/** The customer's events, newest first: what happened, on which trigger, and why an event was refused. */
export function CustomerTimeline(props: { events: readonly FragmentType<typeof CustomerTimeline_event>[] }) {
  const events = getFragmentData(CustomerTimeline_event, props.events);
  return (
    <Table aria-label="Timeline" size="small">
      <TableHeader>
        <TableRow>
          {['When', 'Trigger', 'Result', 'Why refused'].map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((e) => (
          <TableRow key={e.id}>
            <TableCell>{formatDateTime(e.occurredAt)}</TableCell>
            <TableCell>
              {e.trigger ? <AppLink to={`/triggers/${e.trigger.id}`}>{e.trigger.title}</AppLink> : <Text font="monospace">{e.triggerKey}</Text>}
              {e.version !== null && e.version !== undefined && <Text size={200}> · v{e.version}</Text>}
              {e.test && <Text size={200}> · test</Text>}
            </TableCell>
            <TableCell>
              <Badge appearance="tint" color={e.accepted ? 'success' : 'danger'}>
                {e.accepted ? 'Accepted' : 'Rejected'}
              </Badge>
            </TableCell>
            <TableCell>
              {e.reasons.length === 0
                ? '—'
                : e.reasons.map((r, i) => (
                    <div key={i}>
                      <Text font="monospace" size={200}>
                        {r.code}
                      </Text>{' '}
                      {r.message}
                    </div>
                  ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
