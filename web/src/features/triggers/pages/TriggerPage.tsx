import { useQuery } from '@apollo/client/react';
import { Button, makeStyles, MessageBar, MessageBarBody, Tab, TabList, Text, Title2, Tooltip, tokens } from '@fluentui/react-components';
import { EyeOff20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { getFragmentData, graphql } from '../../../gql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { EditTriggerDialog } from '../components/EditTriggerDialog';
import { HideTriggerDialog } from '../components/HideTriggerDialog';
import { TriggerKindIcon, TriggerStatusBadge } from '../components/TriggerBadges';
import { TriggerAttributes, TriggerDetails_trigger, TriggerOverview } from '../components/TriggerDetails';
import { WorkspaceSwitchNotice } from '../components/WorkspaceSwitchNotice';
import { formatCountdown, useCountdown } from '../hooks/useCountdown';
import { useLiveReadiness } from '../hooks/useLiveReadiness';
import { IntegrationTab } from './IntegrationTab';
import { TriggerVersionsTab } from './TriggerVersionsTab';

const TRIGGER = graphql(`
  query Trigger($id: ID!) {
    trigger(id: $id) {
      id
      liveJourneys
      ...TriggerDetails_trigger
    }
  }
`);

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  grow: { flexGrow: 1 },
  tabs: { marginBottom: tokens.spacingVerticalL },
});

const TABS = ['overview', 'attributes', 'versions', 'integration'] as const;
type TabId = (typeof TABS)[number];
const isTab = (value: string | null): value is TabId => TABS.includes(value as TabId);

/**
 * The selected tab lives in the address (`?tab=integration`), so a link can open a tab (the developer hand-off)
 * and a reload keeps it. Overview, the default, has no parameter; anything unknown shows it. Switching tabs
 * replaces the history entry and keeps the page's other parameters (the event debugger's filter).
 */
function useTabParam(): [string | null, (tab: TabId) => void, string | null] {
  const [params, setParams] = useSearchParams();
  const select = (tab: TabId) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (tab === 'overview') next.delete('tab');
        else next.set('tab', tab);
        return next;
      },
      { replace: true },
    );
  return [params.get('tab'), select, params.get('workspace')];
}

export function TriggerPage() {
  const styles = useStyles();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const [tabParam, setTab, linkWorkspace] = useTabParam();
  const [editing, setEditing] = useState(false);
  const [hiding, setHiding] = useState(false);
  const { data, loading, error, refetch } = useQuery(TRIGGER, { variables: { id } });
  useLiveReadiness();
  const trigger = data ? getFragmentData(TriggerDetails_trigger, data.trigger) : null;
  const lockedFor = useCountdown(trigger?.editLockedUntil);
  // When the countdown ends, fetch the trigger again so the edit button and version usability update.
  const [lockSeen, setLockSeen] = useState(false);
  if (lockedFor > 0 && !lockSeen) setLockSeen(true);
  if (lockedFor === 0 && lockSeen) {
    setLockSeen(false);
    void refetch();
  }

  if (loading && !data) return <Loading label="Loading trigger…" />;
  if (error || !data || !trigger) {
    const failed = <ErrorState error={error} onRetry={() => void refetch()} title="Could not load this trigger" />;
    return errorInfo(error).code === 'NOT_FOUND' ? <WorkspaceSwitchNotice workspaceId={linkWorkspace} what="trigger" otherwise={failed} /> : failed;
  }
  const editable = can('triggers:write') && !trigger.outOfBox && !trigger.hiddenAt;
  const inLiveJourneys = data.trigger.liveJourneys.length > 0;
  const tab: TabId = isTab(tabParam) && !(tabParam === 'integration' && trigger.outOfBox) ? tabParam : 'overview';
  return (
    <>
      <div className={styles.head}>
        <TriggerKindIcon kind={trigger.kind} />
        <Title2 as="h1">{trigger.title}</Title2>
        <TriggerStatusBadge status={trigger.status} hiddenAt={trigger.hiddenAt} />
        <span className={styles.grow} />
        {editable && (
          <>
            <Tooltip content={lockedFor > 0 ? 'Edited less than an hour ago' : 'Save a new version'} relationship="description">
              <Button icon={<Edit20Regular />} disabled={lockedFor > 0} onClick={() => setEditing(true)}>
                {lockedFor > 0 ? `Edit (locked ${formatCountdown(lockedFor)})` : 'Edit'}
              </Button>
            </Tooltip>
            <Tooltip content={inLiveJourneys ? 'Used by live journeys: stop them first' : 'Hide from the catalog and journeys (irreversible)'} relationship="description">
              <Button icon={<EyeOff20Regular />} disabled={inLiveJourneys} onClick={() => setHiding(true)}>
                Hide
              </Button>
            </Tooltip>
          </>
        )}
      </div>
      {trigger.hiddenAt && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>This trigger is hidden. It keeps its history but cannot be used in journeys.</MessageBarBody>
        </MessageBar>
      )}
      {inLiveJourneys && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>Used by live journeys: {data.trigger.liveJourneys.join(', ')}.</MessageBarBody>
        </MessageBar>
      )}
      {trigger.outOfBox && <Text>Out-of-box triggers are maintained by Flare and cannot be edited or hidden.</Text>}
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as TabId)}>
        <Tab value="overview">Overview</Tab>
        <Tab value="attributes">Attributes ({trigger.currentVersion.attributes.length})</Tab>
        <Tab value="versions">Versions ({trigger.latestVersion})</Tab>
        {!trigger.outOfBox && <Tab value="integration">Integration</Tab>}
      </TabList>
      {tab === 'overview' && <TriggerOverview trigger={data.trigger} />}
      {tab === 'attributes' && <TriggerAttributes trigger={data.trigger} />}
      {tab === 'versions' && <TriggerVersionsTab key={trigger.latestVersion} triggerId={trigger.id} />}
      {tab === 'integration' && <IntegrationTab triggerId={trigger.id} triggerKey={trigger.key} triggerTitle={trigger.title} />}
      {editing && <EditTriggerDialog open trigger={data.trigger} onClose={() => setEditing(false)} />}
      <HideTriggerDialog open={hiding} trigger={trigger} onClose={() => setHiding(false)} />
    </>
  );
}
