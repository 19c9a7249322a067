import { useQuery } from '@apollo/client/react';
import { Button, Card, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, Copy20Regular, Send20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { SnippetLanguage } from '../../../gql/graphql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { CopyField } from '../../../ui/CopyField';
import { errorInfo } from '../../../ui/errors';
import { useNotify } from '../../../ui/toast';
import { EventStream } from '../components/EventStream';
import { VerificationPanel } from '../components/VerificationPanel';
import { useCreateIngestionKey } from '../hooks/useCreateIngestionKey';
import { useSendTestEvent } from '../hooks/useSendTestEvent';

const KEYS = graphql(`
  query IngestionKeys {
    ingestionKeys {
      id
      label
      prefix
      state
      allowedOrigins
    }
  }
`);

const SNIPPET = graphql(`
  query TriggerSnippet($id: ID!, $language: SnippetLanguage!, $keyId: ID!, $secret: String) {
    trigger(id: $id) {
      id
      snippet(language: $language, ingestionKeyId: $keyId, ingestionKeySecret: $secret) {
        filename
        code
        instructions
        securityAdvice
        keyIncluded
      }
    }
  }
`);

const LANGUAGES: { value: SnippetLanguage; label: string }[] = [
  { value: 'JAVASCRIPT', label: 'Web (JavaScript)' },
  { value: 'NODE', label: 'Node.js' },
  { value: 'PYTHON', label: 'Python' },
  { value: 'CSHARP', label: 'C#' },
  { value: 'SWIFT', label: 'iOS (Swift)' },
  { value: 'KOTLIN', label: 'Android (Kotlin)' },
  { value: 'CURL', label: 'curl' },
];

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre',
    overflowX: 'auto',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    maxHeight: '420px',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
});

/** Secrets of keys created in this browser tab, so snippets can carry them. Never persisted. */
const secretsThisSession = new Map<string, string>();

export function IntegrationTab({ triggerId, triggerKey }: { triggerId: string; triggerKey: string }) {
  const styles = useStyles();
  const notify = useNotify();
  const { can } = useAuth();
  const keys = useQuery(KEYS, { skip: !can('ingestionKeys:manage') });
  const [keyId, setKeyId] = useState<string | null>(null);
  const [language, setLanguage] = useState<SnippetLanguage>('JAVASCRIPT');
  const [label, setLabel] = useState('Web site');
  const [origin, setOrigin] = useState('');
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const [createKey, creating] = useCreateIngestionKey();
  const [sendTest, testing] = useSendTestEvent();
  const activeKeys = keys.data?.ingestionKeys.filter((k) => k.state === 'ACTIVE' || k.state === 'EXPIRING') ?? [];
  const chosen = keyId ?? activeKeys[0]?.id ?? null;
  const snippet = useQuery(SNIPPET, { variables: { id: triggerId, language, keyId: chosen ?? '', secret: (chosen && secretsThisSession.get(chosen)) || null }, skip: !chosen });

  const create = async () => {
    try {
      const result = await createKey({ variables: { input: { label, allowedOrigins: origin.trim() ? [origin.trim()] : [] } } });
      const created = result.data!.createIngestionKey;
      secretsThisSession.set(created.ingestionKey.id, created.secret);
      setNewSecret(created.secret);
      setKeyId(created.ingestionKey.id);
    } catch (e) {
      notify('error', 'Could not create the key', errorInfo(e).message);
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
  const download = () => {
    const s = snippet.data!.trigger.snippet;
    const url = URL.createObjectURL(new Blob([s.code], { type: 'text/plain' }));
    Object.assign(document.createElement('a'), { href: url, download: s.filename }).click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <VerificationPanel triggerId={triggerId} />
      <section className={styles.section} aria-label="Integration">
        {!can('ingestionKeys:manage') && (
          <MessageBar>
            <MessageBarBody>Ask a developer or admin for an ingestion key to see the integration code.</MessageBarBody>
          </MessageBar>
        )}
        {keys.loading && <Loading label="Loading ingestion keys…" />}
        {keys.error && <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />}
        {keys.data && (
          <Card>
            <div className={styles.row}>
              <Field label="Ingestion key">
                <Dropdown
                  placeholder="No key yet"
                  value={activeKeys.find((k) => k.id === chosen) ? `${activeKeys.find((k) => k.id === chosen)!.label} (${activeKeys.find((k) => k.id === chosen)!.prefix})` : ''}
                  selectedOptions={chosen ? [chosen] : []}
                  onOptionSelect={(_e, d) => setKeyId(d.optionValue ?? null)}
                >
                  {activeKeys.map((k) => (
                    <Option key={k.id} value={k.id} text={`${k.label} (${k.prefix})`}>
                      {k.label} ({k.prefix}){k.allowedOrigins.length ? ` · ${k.allowedOrigins.join(', ')}` : ' · server-side'}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label="New key label">
                <Input value={label} onChange={(_e, d) => setLabel(d.value)} />
              </Field>
              <Field label="Allowed browser origin (optional)">
                <Input placeholder="https://shop.example.com" value={origin} onChange={(_e, d) => setOrigin(d.value)} />
              </Field>
              <Button onClick={create} disabled={creating.loading || !label.trim()}>
                Create key
              </Button>
            </div>
            {newSecret && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  New key, shown once; the snippets on this page include it until you leave. <CopyField label="Ingestion key secret" value={newSecret} />
                </MessageBarBody>
              </MessageBar>
            )}
          </Card>
        )}
        {chosen && (
          <>
            <TabList selectedValue={language} onTabSelect={(_e, d) => setLanguage(d.value as SnippetLanguage)} aria-label="Snippet language">
              {LANGUAGES.map((l) => (
                <Tab key={l.value} value={l.value}>
                  {l.label}
                </Tab>
              ))}
            </TabList>
            {snippet.error && <ErrorState error={snippet.error} />}
            {snippet.data && (
              <>
                <Text>{snippet.data.trigger.snippet.instructions}</Text>
                {!snippet.data.trigger.snippet.keyIncluded && (
                  <Text size={200}>
                    The key itself is not shown again: server snippets read it from FLARE_INGESTION_KEY; for web and mobile snippets paste it where marked, or create a new key
                    here.
                  </Text>
                )}
                <pre className={styles.code} aria-label="Snippet code">
                  {snippet.data.trigger.snippet.code}
                </pre>
                <div className={styles.row}>
                  <Button icon={<Copy20Regular />} onClick={() => void navigator.clipboard?.writeText(snippet.data.trigger.snippet.code).then(() => notify('success', 'Copied'))}>
                    Copy
                  </Button>
                  <Button icon={<ArrowDownload20Regular />} onClick={download}>
                    Download {snippet.data.trigger.snippet.filename}
                  </Button>
                </div>
                <MessageBar intent="warning">
                  <MessageBarBody>{snippet.data.trigger.snippet.securityAdvice.join(' ')}</MessageBarBody>
                </MessageBar>
              </>
            )}
          </>
        )}
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
