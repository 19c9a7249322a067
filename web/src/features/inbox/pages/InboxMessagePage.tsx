import { useQuery } from '@apollo/client/react';
import { Badge, Link, makeStyles, Tab, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TabList, Text, tokens } from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { graphql } from '../../../gql';
import { AppLink } from '../../../ui/AppLink';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { CHANNEL_LABELS } from '../../customers/components/labels';
import { headerText, htmlLinks, isSafeHref, textLinks, withLinksInNewTab, type FoundLink } from '../components/messageParts';

const INBOX_MESSAGE = graphql(`
  query InboxMessage($id: ID!) {
    inboxMessage(id: $id) {
      id
      messageId
      channel
      recipient
      fromName
      subject
      htmlBody
      textBody
      body
      title
      link
      headers
      test
      receivedAt
    }
  }
`);

/**
 * The preview's sandbox: links may open a new tab (and leave the sandbox there), nothing else — no scripts, no
 * same origin, no navigating Flare's page. Images load, so opening the message fires its open pixel, as a
 * recipient opening it would.
 */
export const PREVIEW_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

type TabId = 'html' | 'text' | 'message' | 'headers' | 'links';

const useStyles = makeStyles({
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalS },
  meta: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalL },
  metaRow: { display: 'contents' },
  metaTerm: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  metaValue: { margin: 0, overflowWrap: 'anywhere' },
  tabs: { marginBottom: tokens.spacingVerticalM },
  frame: { width: '100%', minHeight: '560px', border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: 'white' },
  pre: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace, margin: 0 },
  links: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalL },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** Who sent a captured message: a test send, Flare itself (invitations and password resets carry X-Flare-Account-Email), or a journey. */
function sentBy(m: { test: boolean; messageId?: string | null; headers: Record<string, unknown> }): string {
  if (m.test) return 'A test send';
  if (m.headers['X-Flare-Account-Email']) return 'Flare (an invitation or password reset email)';
  return m.messageId ? `A journey (message ${m.messageId})` : 'A journey';
}

/** One message of the Flare inbox: sandboxed HTML, text, headers and links, as a mail catcher shows them. */
export function InboxMessagePage() {
  const styles = useStyles();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(INBOX_MESSAGE, { variables: { id } });
  const m = data?.inboxMessage;
  const email = m?.channel === 'EMAIL';
  const [tab, setTab] = useState<TabId | null>(null);

  const back = (
    <span className={styles.back}>
      <ArrowLeft16Regular aria-hidden />
      <AppLink to="/inbox">Inbox</AppLink>
    </span>
  );
  if (loading && !data) return <Loading label="Loading the message…" />;
  if (error || !m)
    return (
      <>
        {back}
        <ErrorState error={error} onRetry={() => void refetch()} title="Could not load this message" />
      </>
    );

  const current: TabId = tab ?? (email ? (m.htmlBody ? 'html' : 'text') : 'message');
  const links: FoundLink[] = email ? (m.htmlBody ? htmlLinks(m.htmlBody) : textLinks(m.textBody)) : textLinks(m.link, m.body);
  const headers = Object.entries(m.headers);
  const tabs: { id: TabId; label: string }[] = [
    ...(email
      ? [
          { id: 'html' as const, label: 'HTML' },
          { id: 'text' as const, label: 'Text' },
        ]
      : [{ id: 'message' as const, label: 'Message' }]),
    { id: 'headers', label: `Headers (${headers.length})` },
    { id: 'links', label: `Links (${links.length})` },
  ];
  const title = m.subject || m.title || `${CHANNEL_LABELS[m.channel]} to ${m.recipient}`;
  const meta: [string, string][] = [
    ...(m.fromName ? [['From', m.fromName] as [string, string]] : []),
    ['To', m.recipient],
    ['Channel', CHANNEL_LABELS[m.channel]],
    ['Received', formatDateTime(m.receivedAt)],
    ['Sent by', sentBy(m)],
  ];

  return (
    <>
      {back}
      <PageHeader title={title} actions={m.test ? <Badge color="informative">Test</Badge> : undefined} />
      <dl className={styles.meta}>
        {meta.map(([term, value]) => (
          <div key={term} className={styles.metaRow}>
            <dt className={styles.metaTerm}>{term}</dt>
            <dd className={styles.metaValue}>{value}</dd>
          </div>
        ))}
      </dl>
      <TabList className={styles.tabs} selectedValue={current} onTabSelect={(_e, d) => setTab(d.value as TabId)} aria-label="Message parts">
        {tabs.map((t) => (
          <Tab key={t.id} id={`inbox-tab-${t.id}`} value={t.id} aria-controls="inbox-tabpanel">
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id="inbox-tabpanel" aria-labelledby={`inbox-tab-${current}`}>
        {current === 'html' &&
          (m.htmlBody ? (
            <iframe title="Email HTML" className={styles.frame} sandbox={PREVIEW_SANDBOX} srcDoc={withLinksInNewTab(m.htmlBody)} />
          ) : (
            <EmptyState title="No HTML part" />
          ))}
        {current === 'text' && (m.textBody ? <pre className={styles.pre}>{m.textBody}</pre> : <EmptyState title="No plain-text part" />)}
        {current === 'message' && (
          <dl className={styles.meta}>
            {m.title != null && (
              <>
                <dt className={styles.metaTerm}>Title</dt>
                <dd className={styles.metaValue}>{m.title}</dd>
              </>
            )}
            <dt className={styles.metaTerm}>Body</dt>
            <dd className={styles.metaValue}>
              <pre className={styles.pre}>{m.body ?? ''}</pre>
            </dd>
            {m.link && (
              <>
                <dt className={styles.metaTerm}>Link</dt>
                <dd className={styles.metaValue}>
                  <ExternalLink link={{ href: m.link, text: '', safe: isSafeHref(m.link) }} />
                </dd>
              </>
            )}
          </dl>
        )}
        {current === 'headers' &&
          (headers.length === 0 ? (
            <EmptyState title="No headers" />
          ) : (
            <Table aria-label="Headers" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Value</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {headers.map(([name, value]) => (
                  <TableRow key={name}>
                    <TableCell className={styles.mono}>{name}</TableCell>
                    <TableCell className={styles.mono}>{headerText(value)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ))}
        {current === 'links' &&
          (links.length === 0 ? (
            <EmptyState title="No links" />
          ) : (
            <>
              <Text>Each opens in a new tab. Opening a tracked link counts as a click, as it would for the recipient.</Text>
              <ul className={styles.links} aria-label="Links">
                {links.map((l) => (
                  <li key={l.href}>
                    <ExternalLink link={l} />
                  </li>
                ))}
              </ul>
            </>
          ))}
      </div>
    </>
  );
}

/** A link found in a message: opens in a new tab; anything but http(s), mailto and tel is shown as text only. */
function ExternalLink({ link }: { link: FoundLink }) {
  const styles = useStyles();
  if (!link.safe)
    return (
      <Text className={styles.mono}>
        {link.text ? `${link.text}: ` : ''}
        {link.href} (not opened from here)
      </Text>
    );
  return (
    <Link href={link.href} target="_blank" rel="noopener noreferrer">
      {link.text ? `${link.text} — ` : ''}
      <span className={styles.mono}>{link.href}</span>
    </Link>
  );
}
