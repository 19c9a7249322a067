import { useQuery } from '@apollo/client/react';
import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { ContentChannel } from '../../../gql/graphql';
import { AppLink } from '../../../ui/AppLink';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { UnsavedChangesGuard } from '../../../ui/UnsavedChanges';
import { ChannelSection } from '../components/ChannelSection';
import { WorkspaceTimeZone } from '../../settings/components/WorkspaceTimeZone';

const CHANNEL_SETTINGS = graphql(`
  query ChannelSettings {
    channelSettings {
      channel
      ...ChannelSection_setting
    }
  }
`);

const useStyles = makeStyles({ intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '80ch' } });

/** Settings → Channels: who delivers email, text and push. Admins only; everyone else is told so. */
export function ChannelsTab() {
  const styles = useStyles();
  const { can } = useAuth();
  const admin = can('workspace:manage');
  const { data, loading, error, refetch } = useQuery(CHANNEL_SETTINGS, { skip: !admin });
  const [dirty, setDirty] = useState<Partial<Record<ContentChannel, boolean>>>({});
  // One stable callback per channel: each section reports whether its form has unsaved edits.
  const [handlers] = useState(() => {
    const report = (channel: ContentChannel) => (d: boolean) => setDirty((all) => (all[channel] === d ? all : { ...all, [channel]: d }));
    return { EMAIL: report('EMAIL'), TEXT: report('TEXT'), PUSH: report('PUSH') };
  });

  return (
    <>
      <UnsavedChangesGuard dirty={Object.values(dirty).some(Boolean)} />
      <div className={styles.intro}>
        <Text>
          Each channel is delivered by the built-in <strong>Flare inbox</strong> (the default: messages are kept and shown in <AppLink to="/inbox">Inbox</AppLink>, nothing leaves
          Flare), or by your provider: an SMTP server for email, a signed webhook for text messages and push notifications. Secrets are stored encrypted and never shown again.
        </Text>
      </div>
      {!admin && (
        <MessageBar intent="info">
          <MessageBarBody>Only workspace admins can see and change how messages are delivered.</MessageBarBody>
        </MessageBar>
      )}
      {admin && <WorkspaceTimeZone />}
      {admin && loading && !data && <Loading label="Loading channels…" />}
      {admin && error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data?.channelSettings.map((s) => (
        <ChannelSection key={s.channel} setting={s} onDirtyChange={handlers[s.channel]} />
      ))}
    </>
  );
}
