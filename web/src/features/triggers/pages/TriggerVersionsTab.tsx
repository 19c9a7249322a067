import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Dropdown, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { graphql } from '../../../gql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { formatDateTime } from '../../../ui/format';

const VERSIONS = graphql(`
  query TriggerVersions($id: ID!) {
    trigger(id: $id) {
      id
      key
      versions {
        id
        number
        title
        createdAt
        authorLabel
        breaking
        usableFrom
        usableNow
        jsonSchema
        changes {
          summary
          breaking
        }
      }
    }
  }
`);

const DIFF = graphql(`
  query TriggerVersionDiff($id: ID!, $from: Int!, $to: Int!) {
    triggerVersionDiff(triggerId: $id, from: $from, to: $to) {
      breaking
      changes {
        kind
        summary
        breaking
      }
    }
  }
`);

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  diff: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', marginBottom: tokens.spacingVerticalM },
});

function download(name: string, value: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** History, newest first, with a diff between any two versions and each version's JSON Schema. */
export function TriggerVersionsTab({ triggerId }: { triggerId: string }) {
  const styles = useStyles();
  const { data, loading, error, refetch } = useQuery(VERSIONS, { variables: { id: triggerId } });
  const versions = data?.trigger.versions ?? [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const pair = from !== null && to !== null && from !== to ? { from: Math.min(from, to), to: Math.max(from, to) } : null;
  const diff = useQuery(DIFF, { variables: { id: triggerId, from: pair?.from ?? 1, to: pair?.to ?? 1 }, skip: !pair });

  if (loading && !data) return <Loading label="Loading versions…" />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const numbers = versions.map((v) => v.number);
  return (
    <>
      {numbers.length > 1 && (
        <div className={styles.diff}>
          <Text weight="semibold">Compare</Text>
          {(
            [
              ['From', from, setFrom],
              ['To', to, setTo],
            ] as const
          ).map(([label, value, set]) => (
            <Dropdown
              key={label}
              aria-label={`${label} version`}
              placeholder={label}
              value={value ? `v${value}` : ''}
              selectedOptions={value ? [String(value)] : []}
              onOptionSelect={(_e, d) => set(Number(d.optionValue))}
            >
              {numbers.map((n) => (
                <Option key={n} value={String(n)}>{`v${n}`}</Option>
              ))}
            </Dropdown>
          ))}
        </div>
      )}
      {pair && diff.data && (
        <Card aria-label="Version differences">
          <Text weight="semibold">
            v{pair.from} → v{pair.to} {diff.data.triggerVersionDiff.breaking && <Badge color="danger">Breaking for event senders</Badge>}
          </Text>
          {diff.data.triggerVersionDiff.changes.length === 0 ? (
            <Text>No differences.</Text>
          ) : (
            <ul>
              {diff.data.triggerVersionDiff.changes.map((c, i) => (
                <li key={i}>
                  {c.summary}
                  {c.breaking ? ' — breaking' : ''}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {versions.length === 0 && <EmptyState title="No versions" />}
      <div className={styles.list}>
        {versions.map((v) => (
          <Card key={v.id} aria-label={`Version ${v.number}`}>
            <div className={styles.head}>
              <Text weight="semibold">v{v.number}</Text>
              <Text>
                {formatDateTime(v.createdAt)} by {v.authorLabel}
              </Text>
              {v.breaking && <Badge color="danger">Breaking</Badge>}
              {v.usableNow ? <Badge color="success">Usable</Badge> : <Badge color="warning">Usable from {formatDateTime(v.usableFrom)}</Badge>}
              <Button size="small" icon={<ArrowDownload20Regular />} onClick={() => download(`${data!.trigger.key}.v${v.number}.schema.json`, v.jsonSchema)}>
                JSON Schema
              </Button>
            </div>
            {v.changes.length === 0 ? (
              <Text>{v.number === 1 ? 'Created.' : 'No changes recorded.'}</Text>
            ) : (
              <ul>
                {v.changes.map((c, i) => (
                  <li key={i}>{c.summary}</li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
