import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { Badge, Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { graphql } from '../../../gql';
import type { AuditFilter } from '../../../gql/graphql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { formatCount } from '../../../ui/format';
import { FilterDropdown } from '../../../ui/ListFilters';
import { LoadMore } from '../../../ui/LoadMore';
import { useNotify } from '../../../ui/toast';
import { AuditRow } from '../components/AuditRow';
import { actionLabel, targetTypeLabel } from '../components/audit-words';

const AUDIT_LOG = graphql(`
  query AuditLog($filter: AuditFilter, $after: String) {
    auditLog(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AuditRow_entry
      }
    }
  }
`);

const AUDIT_FILTERS = graphql(`
  query AuditLogFilters {
    auditLogActions {
      action
      targetType
    }
    members(first: 100) {
      nodes {
        id
        user {
          id
          name
          email
        }
      }
    }
  }
`);

const AUDIT_CSV = graphql(`
  query AuditLogCsv($filter: AuditFilter) {
    auditLogCsv(filter: $filter)
  }
`);

const AUDIT_APPENDED = graphql(`
  subscription AuditEntryAppended {
    auditEntryAppended {
      id
      ...AuditRow_entry
    }
  }
`);

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', marginBottom: tokens.spacingVerticalM },
  date: { width: '11rem', maxWidth: '100%' },
  list: { margin: 0, padding: 0 },
  footer: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', marginTop: tokens.spacingVerticalM },
});

const PARAMS = ['who', 'what', 'action', 'from', 'to'] as const;
type Param = (typeof PARAMS)[number];

/** `YYYY-MM-DD` (the reader's day) → the instant it starts; `to` is the start of the day after, so the range includes it. */
function dayStart(day: string, plusDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

/** The page's filters, read from its address so a filtered log can be shared and survives a reload. */
export function auditFilterOf(params: URLSearchParams): AuditFilter {
  return {
    actorId: params.get('who') || null,
    targetType: params.get('what') || null,
    action: params.get('action') || null,
    from: dayStart(params.get('from') ?? ''),
    to: dayStart(params.get('to') ?? '', 1),
  };
}

/** Newest first, filtered on the server by who, what and when; new entries appear at the top while unfiltered. */
export function AuditLogTab() {
  const styles = useStyles();
  const notify = useNotify();
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const filter = auditFilterOf(params);
  const filtered = PARAMS.some((p) => params.get(p));
  const { data, previousData, loading, error, refetch, fetchMore, updateQuery } = useQuery(AUDIT_LOG, { variables: { filter } });
  const shown = data ?? previousData;
  const options = useQuery(AUDIT_FILTERS);
  const [exporting, setExporting] = useState(false);
  const live = useSubscription(AUDIT_APPENDED, {
    onData: ({ data: incoming }) => {
      const entry = incoming.data?.auditEntryAppended;
      // A filtered view is refetched rather than guessed at.
      if (!entry || filtered) return;
      updateQuery((_unsafe, { complete, previousData }) => {
        if (!complete || previousData.auditLog.nodes.some((n) => n.id === entry.id)) return undefined;
        const { auditLog } = previousData;
        return { auditLog: { ...auditLog, totalCount: auditLog.totalCount + 1, nodes: [entry, ...auditLog.nodes] } };
      });
    },
  });

  const set = (key: Param, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key === 'what') next.delete('action');
        return next;
      },
      { replace: true },
    );

  const actions = options.data?.auditLogActions ?? [];
  const what = params.get('what');
  const typeLabels = Object.fromEntries(actions.map((a) => [a.targetType, targetTypeLabel(a.targetType)]));
  const actionLabels = Object.fromEntries(actions.filter((a) => !what || a.targetType === what).map((a) => [a.action, actionLabel(a.action, a.targetType)]));
  // A chosen filter is shown before (or without) the options listing it.
  if (what && !typeLabels[what]) typeLabels[what] = targetTypeLabel(what);
  const action = params.get('action');
  if (action && !actionLabels[action]) actionLabels[action] = actionLabel(action, what ?? '');
  const who = params.get('who');
  const memberLabels: Record<string, string> = Object.fromEntries((options.data?.members.nodes ?? []).map((m) => [m.user.id, m.user.name || m.user.email]));
  if (who && !memberLabels[who]) memberLabels[who] = 'Someone no longer a member';

  const download = async () => {
    setExporting(true);
    try {
      const result = await client.query({ query: AUDIT_CSV, variables: { filter }, fetchPolicy: 'no-cache' });
      const csv = result.data?.auditLogCsv ?? '';
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
    } catch (e) {
      notify('error', 'Could not export the audit log', errorInfo(e).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section aria-label="Audit log">
      <div className={styles.toolbar} role="search" aria-label="Filter the audit log">
        <Field label="Who">
          <FilterDropdown label="Who" anyLabel="Anyone" labels={memberLabels} value={who} onChange={(v) => set('who', v)} />
        </Field>
        <Field label="What">
          <FilterDropdown label="What" anyLabel="Everything" labels={typeLabels} value={what} onChange={(v) => set('what', v)} />
        </Field>
        <Field label="Action">
          <FilterDropdown label="Action" anyLabel="Any action" labels={actionLabels} value={action} onChange={(v) => set('action', v)} />
        </Field>
        <Field label="From">
          <Input className={styles.date} type="date" value={params.get('from') ?? ''} max={params.get('to') ?? undefined} onChange={(_e, d) => set('from', d.value)} />
        </Field>
        <Field label="To">
          <Input className={styles.date} type="date" value={params.get('to') ?? ''} min={params.get('from') ?? undefined} onChange={(_e, d) => set('to', d.value)} />
        </Field>
        {filtered && <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>Clear filters</Button>}
        <Button icon={<ArrowDownload20Regular />} disabled={exporting} onClick={() => void download()}>
          {exporting ? 'Exporting…' : 'Export CSV'}
        </Button>
        <Badge color={live.error ? 'danger' : 'success'}>{live.error ? 'Live updates unavailable' : 'Live'}</Badge>
      </div>
      {loading && !shown && <Loading label="Loading audit log…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {shown && shown.auditLog.totalCount === 0 && (
        <EmptyState title={filtered ? 'No entries match' : 'Nothing recorded yet'}>{filtered ? 'Change or clear the filters.' : undefined}</EmptyState>
      )}
      {shown && shown.auditLog.totalCount > 0 && (
        <ul className={styles.list} aria-label="Audit entries">
          {shown.auditLog.nodes.map((entry) => (
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      {shown && shown.auditLog.totalCount > 0 && (
        <div className={styles.footer}>
          <Text>
            Showing {shown.auditLog.nodes.length} of {formatCount(shown.auditLog.totalCount, 'entry', 'entries')}
          </Text>
          <LoadMore data={shown} field="auditLog" fetchMore={fetchMore} label="Load older entries" />
        </div>
      )}
    </section>
  );
}
