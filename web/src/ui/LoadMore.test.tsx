import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LoadMore } from './LoadMore';

type Q = { items: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string }[] } };
const page = (ids: string[], hasNextPage: boolean): Q => ({ items: { totalCount: 3, pageInfo: { hasNextPage, endCursor: ids.at(-1) ?? null }, nodes: ids.map((id) => ({ id })) } });

describe('LoadMore', () => {
  it('asks for the page after the last cursor and appends its nodes', async () => {
    const first = page(['a', 'b'], true);
    let merged: Q | undefined;
    let askedAfter: string | null | undefined;
    render(
      <FluentProvider theme={webLightTheme}>
        <LoadMore<'items', Q>
          data={first}
          field="items"
          fetchMore={async ({ variables, updateQuery }) => {
            askedAfter = variables.after;
            merged = updateQuery(first, { fetchMoreResult: page(['c'], false) });
          }}
        />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(merged).toBeDefined());
    expect(askedAfter).toBe('b');
    expect(merged!.items.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(merged!.items.pageInfo.hasNextPage).toBe(false);
  });

  it('shows nothing on the last page', () => {
    render(<LoadMore<'items', Q> data={page(['a'], false)} field="items" fetchMore={async () => {}} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
