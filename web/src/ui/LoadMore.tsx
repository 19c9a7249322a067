import { Button } from '@fluentui/react-components';
import { useState } from 'react';

type Page = { pageInfo: { hasNextPage: boolean; endCursor?: string | null }; nodes: readonly unknown[] };
type FetchMore<Q> = (options: { variables: { after: string | null | undefined }; updateQuery: (prev: Q, result: { fetchMoreResult: Q }) => Q }) => Promise<unknown>;

/** Under a cursor-paginated list: fetches the next page of `data[field]` and appends its nodes. Hidden on the last page. */
export function LoadMore<K extends string, Q extends Record<K, Page>>(props: { data: Q | undefined; field: K; fetchMore: FetchMore<Q>; label?: string }) {
  const [busy, setBusy] = useState(false);
  const page = props.data?.[props.field];
  if (!page?.pageInfo.hasNextPage) return null;
  const more = async () => {
    setBusy(true);
    try {
      await props.fetchMore({
        variables: { after: page.pageInfo.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => ({
          ...prev,
          [props.field]: { ...fetchMoreResult[props.field], nodes: [...prev[props.field].nodes, ...fetchMoreResult[props.field].nodes] },
        }),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button disabled={busy} onClick={() => void more()}>
      {props.label ?? 'Load more'}
    </Button>
  );
}
