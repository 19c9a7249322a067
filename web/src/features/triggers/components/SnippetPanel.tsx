import { useQuery } from '@apollo/client/react';
import { Button, Card, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Option, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { Add20Regular, ArrowDownload20Regular, Copy20Regular, Key20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { graphql } from '../../../gql';
import type { SnippetLanguage } from '../../../gql/graphql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { CodeBlock } from '../../../ui/CodeBlock';
import { CopyField } from '../../../ui/CopyField';
import { errorInfo } from '../../../ui/errors';
import { useNotify } from '../../../ui/toast';
import { useCreateIngestionKey } from '../hooks/useCreateIngestionKey';

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
/** Languages whose code holds the key in a constant; the others read it from FLARE_INGESTION_KEY. */
const KEY_IN_CODE: ReadonlySet<SnippetLanguage> = new Set(['JAVASCRIPT', 'SWIFT', 'KOTLIN']);

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flex: '1 1 14rem', minWidth: 0 },
  keyPicker: { flex: '1 1 18rem', minWidth: 0, maxWidth: '36rem' },
  languages: { overflowX: 'auto', maxWidth: '100%' },
  code: { maxHeight: '420px' },
});

/** Secrets of keys created in this browser tab, so snippets can carry them. Never persisted: a reload forgets them. */
const secretsThisSession = new Map<string, string>();

const keyText = (k: { label: string; prefix: string }) => `${k.label} (${k.prefix})`;

/**
 * Picking or creating the ingestion key and the integration code for it. A key created here is shown once and
 * embedded in every snippet on the page until it is left; after that (the secret is stored hashed only) the
 * snippet marks where the key goes and this panel says so.
 */
export function SnippetPanel({ triggerId, canManageKeys }: { triggerId: string; canManageKeys: boolean }) {
  const styles = useStyles();
  const notify = useNotify();
  const keys = useQuery(KEYS, { skip: !canManageKeys });
  const [keyId, setKeyId] = useState<string | null>(null);
  const [language, setLanguage] = useState<SnippetLanguage>('JAVASCRIPT');
  const [creatingOpen, setCreatingOpen] = useState(false);
  const [label, setLabel] = useState('Web site');
  const [origin, setOrigin] = useState('');
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const [createKey, creating] = useCreateIngestionKey();
  const activeKeys = keys.data?.ingestionKeys.filter((k) => k.state === 'ACTIVE' || k.state === 'EXPIRING') ?? [];
  const chosen = activeKeys.find((k) => k.id === keyId) ?? activeKeys[0] ?? null;
  const secret = (chosen && secretsThisSession.get(chosen.id)) || null;
  const snippet = useQuery(SNIPPET, { variables: { id: triggerId, language, keyId: chosen?.id ?? '', secret }, skip: !chosen });
  // Only the code for the key and language on screen, never an earlier answer while the new one loads.
  const shown = !snippet.loading && snippet.data ? snippet.data.trigger.snippet : null;
  const formOpen = creatingOpen || (keys.data !== undefined && activeKeys.length === 0);

  if (!canManageKeys) {
    return (
      <MessageBar layout="multiline" intent="info">
        <MessageBarBody>
          <MessageBarTitle>A developer or admin sets up the key</MessageBarTitle>
          Choosing or creating an ingestion key, which the integration code needs, takes the Developer or Admin role. Copy the link for a developer above and send it to someone
          with that role: they open this tab, pick or create a key and copy the code.
        </MessageBarBody>
      </MessageBar>
    );
  }

  const create = async () => {
    try {
      const result = await createKey({ variables: { input: { label: label.trim(), allowedOrigins: origin.trim() ? [origin.trim()] : [] } } });
      const made = result.data!.createIngestionKey;
      secretsThisSession.set(made.ingestionKey.id, made.secret);
      setCreated({ id: made.ingestionKey.id, secret: made.secret });
      setKeyId(made.ingestionKey.id);
      setCreatingOpen(false);
      notify('success', 'Key created', 'It is in the code below; copy it now, it is not shown again.');
    } catch (e) {
      notify('error', 'Could not create the key', errorInfo(e).message);
    }
  };
  const copy = async () => {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.code);
      notify('success', 'Code copied', shown.keyIncluded ? 'It includes the key.' : undefined);
    } catch {
      notify('error', 'Could not copy', 'Select the code and copy it instead.');
    }
  };
  const download = () => {
    if (!shown) return;
    const url = URL.createObjectURL(new Blob([shown.code], { type: 'text/plain' }));
    Object.assign(document.createElement('a'), { href: url, download: shown.filename }).click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      {keys.loading && <Loading label="Loading ingestion keys…" />}
      {keys.error && <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />}
      {keys.data && (
        <Card className={styles.card}>
          <div className={styles.row}>
            {activeKeys.length > 0 ? (
              <Field className={styles.keyPicker} label="Ingestion key">
                <Dropdown value={chosen ? keyText(chosen) : ''} selectedOptions={chosen ? [chosen.id] : []} onOptionSelect={(_e, d) => setKeyId(d.optionValue ?? null)}>
                  {activeKeys.map((k) => (
                    <Option key={k.id} value={k.id} text={keyText(k)}>
                      {keyText(k)}
                      {k.allowedOrigins.length ? ` · ${k.allowedOrigins.join(', ')}` : ' · server-side'}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            ) : (
              <Text>No ingestion key yet: create one to get the code.</Text>
            )}
            {!formOpen && (
              <Button icon={<Add20Regular />} onClick={() => setCreatingOpen(true)}>
                Create a new key
              </Button>
            )}
          </div>
          {formOpen && (
            <div className={styles.row} role="group" aria-label="New ingestion key">
              <Field className={styles.grow} label="New key label" required>
                <Input value={label} maxLength={100} onChange={(_e, d) => setLabel(d.value)} />
              </Field>
              <Field className={styles.grow} label="Allowed browser origin (optional, for web pages)">
                <Input placeholder="https://shop.example.com" value={origin} onChange={(_e, d) => setOrigin(d.value)} />
              </Field>
              <Button appearance="primary" icon={<Key20Regular />} onClick={() => void create()} disabled={creating.loading || !label.trim()}>
                {creating.loading ? 'Creating…' : 'Create key'}
              </Button>
              {activeKeys.length > 0 && <Button onClick={() => setCreatingOpen(false)}>Cancel</Button>}
            </div>
          )}
          {created && chosen?.id === created.id && (
            <MessageBar layout="multiline" intent="warning">
              <MessageBarBody>
                <MessageBarTitle>New key, shown once</MessageBarTitle>
                It is in the code below in every language until you leave this page. Store it safely now; Flare keeps only a fingerprint.
                <CopyField label="Ingestion key secret" value={created.secret} />
              </MessageBarBody>
            </MessageBar>
          )}
        </Card>
      )}
      {chosen && (
        <>
          <TabList className={styles.languages} selectedValue={language} onTabSelect={(_e, d) => setLanguage(d.value as SnippetLanguage)} aria-label="Snippet language">
            {LANGUAGES.map((l) => (
              <Tab key={l.value} value={l.value}>
                {l.label}
              </Tab>
            ))}
          </TabList>
          {snippet.loading && <Loading label="Generating the code…" />}
          {snippet.error && <ErrorState error={snippet.error} onRetry={() => void snippet.refetch()} />}
          {shown && (
            <>
              <Text>{shown.instructions}</Text>
              {!shown.keyIncluded && (
                <MessageBar layout="multiline" intent="info">
                  <MessageBarBody>
                    <MessageBarTitle>Add the key yourself</MessageBarTitle>
                    {KEY_IN_CODE.has(language) ? (
                      <>
                        Replace <code>{chosen.prefix}_PASTE-THE-REST-OF-THE-KEY</code> in the code with the full key {chosen.prefix}_…, shown once when it was created.
                      </>
                    ) : (
                      <>
                        The code reads the key from the environment variable <code>FLARE_INGESTION_KEY</code>: set it to the full key {chosen.prefix}_…, shown once when it was
                        created.
                      </>
                    )}{' '}
                    Flare cannot show it again; without it, create a new key here and the code will include it.
                  </MessageBarBody>
                </MessageBar>
              )}
              <CodeBlock label="Snippet code" className={styles.code}>
                {shown.code}
              </CodeBlock>
              <div className={styles.row}>
                <Button appearance="primary" icon={<Copy20Regular />} onClick={() => void copy()}>
                  Copy code
                </Button>
                <Button icon={<ArrowDownload20Regular />} onClick={download}>
                  Download {shown.filename}
                </Button>
              </div>
              <MessageBar layout="multiline" intent="warning">
                <MessageBarBody>{shown.securityAdvice.join(' ')}</MessageBarBody>
              </MessageBar>
            </>
          )}
        </>
      )}
    </>
  );
}
