import { Badge, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { interactionLabel } from './labels';
import { CHANNEL_LABELS, MESSAGE_STATUS_COLORS, MESSAGE_STATUS_LABELS, messageReasonLabel } from './run-labels';

export const RunMessage_message = graphql(`
  fragment RunMessage_message on JourneyMessage {
    id
    stepId
    channel
    recipient
    senderName
    subject
    htmlBody
    textBody
    body
    title
    link
    status
    reason
    reasonDetail
    interactions
    createdAt
    sentAt
  }
`);

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  pair: { display: 'contents' },
  value: { margin: 0, overflowWrap: 'anywhere' },
  preview: { width: '100%', height: '360px', border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, fontFamily: tokens.fontFamilyBase },
});

/**
 * One message a run sent or tried to. Everything is rendered as text, except the email's HTML, which is shown
 * only inside an iframe sandboxed to nothing (no scripts, no same origin, no forms, no navigation).
 */
export function RunMessage(props: { message: FragmentType<typeof RunMessage_message>; stepName: string }) {
  const styles = useStyles();
  const m = getFragmentData(RunMessage_message, props.message);
  const facts: [string, string][] = [
    ['Step', props.stepName],
    ['To', m.recipient ?? 'No address'],
  ];
  if (m.channel === 'EMAIL') {
    if (m.senderName) facts.push(['From', m.senderName]);
    facts.push(['Subject', m.subject ?? '—']);
  }
  if (m.channel === 'PUSH') {
    facts.push(['Title', m.title ?? '—']);
    if (m.link) facts.push(['Link', m.link]);
  }
  // The frequency-cap window reached, or until when quiet hours hold it.
  if (m.reason && m.reasonDetail) facts.push([m.reason === 'QUIET_HOURS' ? 'Held' : 'Detail', m.reasonDetail]);
  facts.push(['Queued', formatDateTime(m.createdAt)], ['Sent', formatDateTime(m.sentAt)]);
  if (m.interactions.length > 0) facts.push(['Interactions', m.interactions.map(interactionLabel).join(', ')]);
  const heading = `${CHANNEL_LABELS[m.channel]}${m.channel === 'EMAIL' && m.subject ? `: ${m.subject}` : ''}`;
  return (
    <Card className={styles.card} role="article" aria-label={heading}>
      <div className={styles.head}>
        <Text weight="semibold" as="h3">
          {heading}
        </Text>
        <Badge appearance="tint" color={MESSAGE_STATUS_COLORS[m.status]}>
          {MESSAGE_STATUS_LABELS[m.status]}
          {m.reason ? `: ${messageReasonLabel(m.reason)}` : ''}
        </Badge>
      </div>
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
      {m.channel === 'EMAIL' && m.htmlBody && <iframe className={styles.preview} title={`Email preview: ${m.subject ?? 'no subject'}`} sandbox="" srcDoc={m.htmlBody} />}
      {m.channel === 'EMAIL' && m.textBody && (
        <details>
          <summary>Plain text version</summary>
          <pre className={styles.text}>{m.textBody}</pre>
        </details>
      )}
      {m.channel !== 'EMAIL' && m.body && <pre className={styles.text}>{m.body}</pre>}
    </Card>
  );
}
