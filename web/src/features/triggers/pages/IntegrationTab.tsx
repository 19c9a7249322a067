import { Button, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Link20Regular, Send20Regular } from '@fluentui/react-icons';
import { useAuth } from '../../../app/auth';
import { errorInfo } from '../../../ui/errors';
import { useNotify } from '../../../ui/toast';
import { EventStream } from '../components/EventStream';
import { SnippetPanel } from '../components/SnippetPanel';
import { VerificationPanel } from '../components/VerificationPanel';
import { useSendTestEvent } from '../hooks/useSendTestEvent';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  handOff: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  link: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL, minWidth: 0 },
});

/** The address of this tab in this workspace, to send to the developer who adds the code. */
const developerLink = (triggerId: string, workspaceId: string | undefined) =>
  `${window.location.origin}/triggers/${encodeURIComponent(triggerId)}?tab=integration${workspaceId ? `&workspace=${encodeURIComponent(workspaceId)}` : ''}`;

export function IntegrationTab({ triggerId, triggerKey, triggerTitle }: { triggerId: string; triggerKey: string; triggerTitle?: string }) {
  const styles = useStyles();
  const notify = useNotify();
  const { can, viewer } = useAuth();
  const [sendTest, testing] = useSendTestEvent();
  const link = developerLink(triggerId, viewer.workspace?.id);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link);
      notify('success', 'Link copied', 'Send it to the developer: it opens this tab, where they pick or create a key and copy the code.');
    } catch {
      notify('error', 'Could not copy the link', 'Select the link shown and copy it instead.');
    }
  };
  const test = async () => {
    try {
      const result = await sendTest({ variables: { input: { triggerId } } });
      const r = result.data!.sendTestEvent;
      notify(r.accepted ? 'success' : 'error', r.accepted ? 'Test event accepted' : 'Test event rejected', r.reasons.map((x) => x.message).join(' '));
    } catch (e) {
      notify('error', 'Could not send a test event', errorInfo(e).message);
    }
  };

  return (
    <>
      <VerificationPanel triggerId={triggerId} />
      <section className={styles.section} aria-label="Integration">
        <Card className={styles.handOff}>
          <Text weight="semibold">Hand off to a developer</Text>
          <Text size={200}>
            Events reach Flare from your site, app or systems. Send this link to whoever adds the code{triggerTitle ? ` for “${triggerTitle}”` : ''}: it opens this tab, where they
            pick or create an ingestion key and copy the code.
          </Text>
          <div className={styles.row}>
            <Button icon={<Link20Regular />} onClick={() => void copyLink()}>
              Copy link for a developer
            </Button>
            <Text className={styles.link}>{link}</Text>
          </div>
        </Card>
        <SnippetPanel triggerId={triggerId} canManageKeys={can('ingestionKeys:manage')} />
        {can('triggers:write') && (
          <div className={styles.row}>
            <Button icon={<Send20Regular />} disabled={testing.loading} onClick={test}>
              Send test event
            </Button>
            <Text size={200}>
              Posts a realistic sample “{triggerKey}” event through the same pipeline, marked as a test. Test events show below but do not make the trigger ready.
            </Text>
          </div>
        )}
      </section>
      <EventStream triggerId={triggerId} triggerKey={triggerKey} />
    </>
  );
}
