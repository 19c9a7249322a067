import { Badge, makeStyles, TableCell, TableRow, Text, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { AppLink } from '../../../ui/AppLink';
import { formatDateTime } from '../../../ui/format';
import { CHANNEL_LABELS } from '../../customers/components/labels';

export const InboxRow_message = graphql(`
  fragment InboxRow_message on InboxMessage {
    id
    channel
    recipient
    fromName
    subject
    title
    body
    textBody
    test
    receivedAt
  }
`);

const useStyles = makeStyles({
  row: { cursor: 'pointer' },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, maxWidth: '60ch', minWidth: 0 },
  preview: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

const preview = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 140);

/**
 * One captured message. Its subject (or title, or start of the body) is a real link — the row's only tab stop,
 * opened with Enter — and a click anywhere else on the row opens it too.
 */
export function InboxRow(props: { message: FragmentType<typeof InboxRow_message> }) {
  const m = getFragmentData(InboxRow_message, props.message);
  const styles = useStyles();
  const navigate = useNavigate();
  const to = `/inbox/${m.id}`;
  const openFromRow = (event: MouseEvent) => {
    if (event.defaultPrevented || (event.target as HTMLElement).closest('a, button')) return;
    if (window.getSelection()?.toString()) return;
    void navigate(to);
  };
  const headline = m.subject || m.title || preview(m.body) || '(no subject)';
  const rest = m.channel === 'EMAIL' ? preview(m.textBody) : m.title ? preview(m.body) : '';
  return (
    <TableRow className={styles.row} onClick={openFromRow}>
      <TableCell data-label="To">{m.recipient}</TableCell>
      <TableCell>
        <div className={styles.message}>
          <span>
            <AppLink to={to}>{headline}</AppLink>{' '}
            {m.test && (
              <Badge appearance="outline" color="informative">
                Test
              </Badge>
            )}
          </span>
          {rest && (
            <Text size={200} className={styles.preview}>
              {rest}
            </Text>
          )}
        </div>
      </TableCell>
      <TableCell data-label="Channel">{CHANNEL_LABELS[m.channel]}</TableCell>
      <TableCell data-label="Received">{formatDateTime(m.receivedAt)}</TableCell>
    </TableRow>
  );
}
