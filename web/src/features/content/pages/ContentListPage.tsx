import { useQuery } from '@apollo/client/react';
import { Badge, Button, Link, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { ContentChannel } from '../../../gql/graphql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotify } from '../../../ui/toast';
import { useCreateContent } from '../hooks/useCreateContent';

const CONTENTS = graphql(`
  query Contents {
    contents(first: 100) {
      totalCount
      nodes {
        id
        name
        channel
        state
        updatedAt
        liveJourneys
      }
    }
  }
`);

export const CHANNEL_LABELS: Record<ContentChannel, string> = { EMAIL: 'Email', TEXT: 'Text message', PUSH: 'Push notification' };

export function ContentStateBadge({ state }: { state: string }) {
  return state === 'READY_TO_SEND' ? <Badge color="success">Ready to send</Badge> : <Badge color="informative">Draft</Badge>;
}

export function ContentListPage() {
  const navigate = useNavigate();
  const notify = useNotify();
  const { can } = useAuth();
  const { data, loading, error, refetch } = useQuery(CONTENTS);
  const [create] = useCreateContent();
  const newContent = async (channel: ContentChannel) => {
    try {
      const result = await create({ variables: { input: { channel, name: `New ${CHANNEL_LABELS[channel].toLowerCase()}` } } });
      navigate(`/content/${result.data!.createContent.content.id}`);
    } catch (e) {
      notify('error', 'Could not create content', errorInfo(e).message);
    }
  };
  return (
    <>
      <PageHeader
        title="Content"
        description="Emails, text messages and push notifications journeys send. Personalise with {{ trigger.attribute }} and {{ contact.firstName }}."
        actions={can('journeys:write') && (
          <Menu>
            <MenuTrigger disableButtonEnhancement><Button appearance="primary" icon={<Add20Regular />}>New content</Button></MenuTrigger>
            <MenuPopover>
              <MenuList>
                {(Object.keys(CHANNEL_LABELS) as ContentChannel[]).map((c) => <MenuItem key={c} onClick={() => void newContent(c)}>{CHANNEL_LABELS[c]}</MenuItem>)}
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
      />
      {loading && !data && <Loading label="Loading content…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && data.contents.totalCount === 0 && <EmptyState title="No content yet">Create the messages your journeys send.</EmptyState>}
      {data && data.contents.totalCount > 0 && (
        <Table aria-label="Content" size="small">
          <TableHeader><TableRow>{['Name', 'Channel', 'State', 'Sent by live journeys', 'Updated'].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
          <TableBody>
            {data.contents.nodes.map((c) => (
              <TableRow key={c.id}>
                <TableCell><Link as="span"><RouterLink to={`/content/${c.id}`}>{c.name}</RouterLink></Link></TableCell>
                <TableCell>{CHANNEL_LABELS[c.channel]}</TableCell>
                <TableCell><ContentStateBadge state={c.state} /></TableCell>
                <TableCell>{c.liveJourneys.join(', ') || '—'}</TableCell>
                <TableCell>{formatDateTime(c.updatedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
