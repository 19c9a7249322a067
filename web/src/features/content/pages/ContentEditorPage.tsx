import { useQuery } from '@apollo/client/react';
import { Button, Card, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotify } from '../../../ui/toast';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { UnsavedChangesGuard } from '../../../ui/UnsavedChanges';
import { SendTestDialog } from '../../channels/components/SendTestDialog';
import { CustomerPicker, type PickedCustomer } from '../../customers/components/CustomerPicker';
import { TriggerPicker, type BuilderTrigger } from '../../journeys/components/Pickers';
import { EmailPreview } from '../components/EmailPreview';
import { insertToken, type Selection } from '../components/insert-token';
import { ReadinessSummary } from '../components/ReadinessSummary';
import { SmsCounter } from '../components/SmsCounter';
import { TokenList } from '../components/TokenList';
import { useDuplicateContent } from '../hooks/useDuplicateContent';
import { useMarkContentReady } from '../hooks/useMarkContentReady';
import { useUpdateContent } from '../hooks/useUpdateContent';
import { CHANNEL_LABELS, ContentStateBadge } from './ContentListPage';

const CONTENT = graphql(`
  query ContentItem($id: ID!) {
    content(id: $id) {
      id
      channel
      name
      state
      revision
      subject
      senderName
      htmlBody
      textBody
      body
      title
      link
      liveJourneys
    }
  }
`);

const PREVIEW = graphql(`
  query PreviewContent($input: PreviewContentInput!) {
    previewContent(input: $input) {
      subject
      html
      text
      body
      title
    }
  }
`);

const READINESS = graphql(`
  query ContentReadiness($input: PreviewContentInput!) {
    contentReadiness(input: $input) {
      field
      code
      message
    }
  }
`);

type Fields = { name: string; subject: string; senderName: string; htmlBody: string; textBody: string; body: string; title: string; link: string };
const FIELD_KEYS = ['name', 'subject', 'senderName', 'htmlBody', 'textBody', 'body', 'title', 'link'] as const;

type Templated = 'subject' | 'htmlBody' | 'textBody' | 'body' | 'title';
type Channel = 'EMAIL' | 'TEXT' | 'PUSH';
/** The fields tokens go into, per channel; the first is where Insert goes before any field had focus. */
const TEMPLATED: Record<Channel, Templated[]> = { EMAIL: ['subject', 'htmlBody', 'textBody'], TEXT: ['body'], PUSH: ['title', 'body'] };
const fieldLabels = (channel: Channel): Record<keyof Fields, string> => ({
  name: 'Name',
  subject: 'Subject',
  senderName: 'Sender name',
  htmlBody: 'HTML body',
  textBody: 'Plain-text fallback',
  body: channel === 'TEXT' ? 'Message' : 'Body',
  title: 'Title',
  link: 'Link',
});
const fieldId = (field: string) => `content-field-${field}`;

const useStyles = makeStyles({
  // The form and its preview side by side, one under the other on a phone.
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 767px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, minWidth: 0 },
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** Edit a message and see it rendered with a sample event of the chosen trigger as you type. */
export function ContentEditorPage() {
  const styles = useStyles();
  const notify = useNotify();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CONTENT, { variables: { id } });
  const [fields, setFields] = useState<Fields | null>(null);
  const [sampleTrigger, setSampleTrigger] = useState<BuilderTrigger | null>(null);
  const [previewCustomer, setPreviewCustomer] = useState<PickedCustomer | null>(null);
  const [testing, setTesting] = useState(false);
  const [save, saving] = useUpdateContent();
  const [markReady, marking] = useMarkContentReady();
  const [duplicate, duplicating] = useDuplicateContent();
  const navigate = useNavigate();
  const item = data?.content;
  // A newly loaded revision replaces the form's fields; adjusted while rendering, as React recommends over an effect.
  const [fieldsOf, setFieldsOf] = useState<string | null>(null);
  const loaded = item ? `${item.id}:${item.revision}` : null;
  if (item && loaded !== fieldsOf) {
    setFieldsOf(loaded);
    setFields(Object.fromEntries(FIELD_KEYS.map((k) => [k, item[k] ?? ''])) as Fields);
  }
  const deferred = useDebouncedValue(fields, 300);
  // Where tokens go: the templated field focused last, and each field's last selection (kept when focus moves to Insert).
  const [target, setTarget] = useState<Templated | null>(null);
  const selections = useRef<Partial<Record<Templated, Selection>>>({});
  const caretAfterInsert = useRef<{ field: Templated; caret: number } | null>(null);
  useLayoutEffect(() => {
    const pending = caretAfterInsert.current;
    if (!pending) return;
    caretAfterInsert.current = null;
    const el = document.getElementById(fieldId(pending.field)) as HTMLInputElement | HTMLTextAreaElement | null;
    el?.focus();
    el?.setSelectionRange(pending.caret, pending.caret);
  }, [fields]);
  const readiness = useQuery(READINESS, {
    skip: !deferred || !item,
    variables: {
      input: {
        contentId: id,
        subject: deferred?.subject,
        senderName: deferred?.senderName,
        htmlBody: deferred?.htmlBody,
        textBody: deferred?.textBody,
        body: deferred?.body,
        title: deferred?.title,
        link: deferred?.link,
      },
    },
  });
  const problems = (readiness.data ?? readiness.previousData)?.contentReadiness ?? [];
  const dirty = !!item && !!fields && FIELD_KEYS.some((k) => (item[k] ?? '') !== fields[k]);
  const preview = useQuery(PREVIEW, {
    skip: !deferred || !item,
    variables: {
      input: {
        contentId: id,
        triggerId: sampleTrigger?.id ?? null,
        customerId: previewCustomer?.id ?? null,
        subject: deferred?.subject,
        htmlBody: deferred?.htmlBody,
        textBody: deferred?.textBody,
        body: deferred?.body,
        title: deferred?.title,
      },
    },
  });
  // The last rendering stays on screen (and the preview keeps its width) while the next one loads.
  const rendered = preview.error ? undefined : (preview.data ?? preview.previousData);

  if (loading && !data) return <Loading label="Loading content…" />;
  if (error || !item || !fields) return <ErrorState error={error} onRetry={() => void refetch()} title="Could not load this content" />;
  const writer = can('journeys:write');
  const editable = writer && item.liveJourneys.length === 0;
  const set = (key: keyof Fields) => (_e: unknown, d: { value: string }) => setFields({ ...fields, [key]: d.value });
  const labels = fieldLabels(item.channel);
  const templated = TEMPLATED[item.channel];
  const insertInto = target && templated.includes(target) ? target : templated[0];
  const remember = (key: Templated) => (e: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    selections.current[key] = { start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length };
  };
  /** Props of a templated field: its id, and remembering focus and cursor for Insert. */
  const tokenTarget = (key: Templated) => ({
    id: fieldId(key),
    onFocus: () => setTarget(key),
    onSelect: remember(key),
    onKeyUp: remember(key),
    onClick: remember(key),
    onBlur: remember(key),
  });
  const insert = (token: string) => {
    const key = insertInto;
    const { value, caret } = insertToken(fields[key], selections.current[key] ?? null, token);
    selections.current[key] = { start: caret, end: caret };
    caretAfterInsert.current = { field: key, caret };
    setFields({ ...fields, [key]: value });
  };
  /** A field's readiness problems, shown under it (the summary above the form links to them). */
  const problemOf = (key: keyof Fields) => {
    const mine = problems.filter((p) => p.field === key).map((p) => p.message);
    return mine.length > 0 ? { validationState: 'warning' as const, validationMessage: mine.join(' ') } : {};
  };

  const doSave = async () => {
    try {
      await save({ variables: { input: { id, baseRevision: item.revision, ...Object.fromEntries(FIELD_KEYS.map((k) => [k, fields[k] || null])), name: fields.name } } });
      notify('success', 'Saved', item.state === 'READY_TO_SEND' ? 'Edited content is a draft again.' : undefined);
    } catch (e) {
      notify('error', 'Could not save', errorInfo(e).message);
    }
  };
  const doDuplicate = async () => {
    try {
      const result = await duplicate({ variables: { input: { id } } });
      void navigate(`/content/${result.data!.duplicateContent.content.id}`);
      notify('success', 'Duplicated', 'This draft is a copy you can edit.');
    } catch (e) {
      notify('error', 'Could not duplicate', errorInfo(e).message);
    }
  };
  const doReady = async () => {
    try {
      if (dirty) await doSave();
      await markReady({ variables: { input: { id } } });
      notify('success', 'Ready to send');
    } catch (e) {
      notify('error', 'Not ready yet', errorInfo(e).message);
    }
  };

  return (
    <>
      <UnsavedChangesGuard dirty={dirty} />
      {testing && <SendTestDialog open contentId={id} channel={item.channel} name={item.name} unsaved={dirty} onClose={() => setTesting(false)} />}
      <PageHeader
        title={fields.name || 'Content'}
        description={`${CHANNEL_LABELS[item.channel]} · revision ${item.revision}`}
        actions={
          <>
            {writer && <Button onClick={() => setTesting(true)}>Send test</Button>}
            {writer && (
              <Button disabled={duplicating.loading} onClick={doDuplicate}>
                Duplicate
              </Button>
            )}
            <ContentStateBadge state={item.state} />
          </>
        }
      />
      {item.liveJourneys.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>Sent by live journeys ({item.liveJourneys.join(', ')}), so it can’t be edited. Duplicate it to write a new version for other journeys.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.layout}>
        <Card className={styles.form}>
          {readiness.data && editable && <ReadinessSummary problems={problems} labels={labels} fieldId={fieldId} />}
          <Field label="Name">
            <Input id={fieldId('name')} value={fields.name} onChange={set('name')} disabled={!editable} />
          </Field>
          {item.channel === 'EMAIL' && (
            <>
              <Field label="Subject" {...problemOf('subject')}>
                <Input {...tokenTarget('subject')} value={fields.subject} onChange={set('subject')} disabled={!editable} />
              </Field>
              <Field label="Sender name" {...problemOf('senderName')}>
                <Input id={fieldId('senderName')} value={fields.senderName} onChange={set('senderName')} disabled={!editable} />
              </Field>
              <Field label="HTML body" hint="Values are escaped; write {{ value | raw }} only for trusted markup." {...problemOf('htmlBody')}>
                <Textarea {...tokenTarget('htmlBody')} rows={8} value={fields.htmlBody} onChange={set('htmlBody')} disabled={!editable} />
              </Field>
              <Field label="Plain-text fallback" {...problemOf('textBody')}>
                <Textarea {...tokenTarget('textBody')} rows={4} value={fields.textBody} onChange={set('textBody')} disabled={!editable} />
              </Field>
            </>
          )}
          {item.channel === 'TEXT' && (
            <Field label="Message" hint={<SmsCounter text={fields.body} />} {...problemOf('body')}>
              <Textarea {...tokenTarget('body')} rows={6} value={fields.body} onChange={set('body')} disabled={!editable} />
            </Field>
          )}
          {item.channel === 'PUSH' && (
            <>
              <Field label="Title" {...problemOf('title')}>
                <Input {...tokenTarget('title')} value={fields.title} onChange={set('title')} disabled={!editable} />
              </Field>
              <Field label="Body" {...problemOf('body')}>
                <Textarea {...tokenTarget('body')} rows={3} value={fields.body} onChange={set('body')} disabled={!editable} />
              </Field>
              <Field label="Link (optional)" {...problemOf('link')}>
                <Input id={fieldId('link')} value={fields.link} onChange={set('link')} placeholder="https://shop.example.com/cart" disabled={!editable} />
              </Field>
            </>
          )}
          {editable && (
            <div className={styles.actions}>
              <Button disabled={!dirty || saving.loading} onClick={doSave}>
                Save draft
              </Button>
              <Button appearance="primary" disabled={marking.loading || (!dirty && item.state === 'READY_TO_SEND')} onClick={doReady}>
                Mark ready to send
              </Button>
            </div>
          )}
        </Card>
        <Card className={styles.preview} aria-label="Preview">
          <Field label="Preview with a sample of">
            <TriggerPicker
              choice="CUSTOM"
              selectedId={sampleTrigger?.id ?? null}
              known={new Map(sampleTrigger ? [[sampleTrigger.id, sampleTrigger]] : [])}
              placeholder="No trigger (trigger tokens stay empty)"
              emptyOption="No trigger"
              disabled={false}
              onPick={setSampleTrigger}
            />
          </Field>
          {can('customers:read') && (
            <Field label="Preview for" hint="The sample contact, or a real customer: their details fill the {{ contact.* }} tokens.">
              <CustomerPicker selected={previewCustomer} placeholder="Sample contact (Ada Lovelace)" emptyOption="Sample contact" onPick={setPreviewCustomer} />
            </Field>
          )}
          <TokenList triggerId={sampleTrigger?.id ?? null} insertInto={editable ? labels[insertInto] : null} onInsert={editable ? insert : undefined} />
          {preview.error && (
            <MessageBar intent="error">
              <MessageBarBody>{errorInfo(preview.error).message}</MessageBarBody>
            </MessageBar>
          )}
          {rendered && item.channel === 'EMAIL' && (
            <EmailPreview html={rendered.previewContent.html ?? ''} subject={rendered.previewContent.subject ?? null} text={rendered.previewContent.text ?? null} />
          )}
          {rendered && item.channel !== 'EMAIL' && (
            <>
              {item.channel === 'PUSH' && <Text weight="semibold">{rendered.previewContent.title}</Text>}
              <div role="group" aria-label="Preview body">
                <Text>{rendered.previewContent.body}</Text>
              </div>
            </>
          )}
        </Card>
      </div>
    </>
  );
}
