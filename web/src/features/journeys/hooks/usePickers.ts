import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { getFragmentData, graphql } from '../../../gql';
import type { ContentChannel } from '../../../gql/graphql';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';

export const BuilderTriggerFields = graphql(`
  fragment BuilderTriggerFields on Trigger {
    id
    title
    versions {
      number
      usableNow
      attributes {
        name
        type
        comparators
      }
    }
  }
`);

export const BuilderContentFields = graphql(`
  fragment BuilderContentFields on ContentItem {
    id
    name
    channel
    state
  }
`);

const TRIGGER_OPTIONS = graphql(`
  query TriggerOptions($filter: TriggerFilter) {
    triggers(first: 20, filter: $filter) {
      nodes {
        ...BuilderTriggerFields
      }
    }
  }
`);

const CHANNEL_CONTENT = graphql(`
  query ChannelContentOptions($channel: ContentChannel!, $search: String) {
    contents(first: 20, filter: { channel: $channel, search: $search }) {
      nodes {
        ...BuilderContentFields
      }
    }
  }
`);

/** What a trigger picker offers: those a journey may use (ready, visible, not interactions), or custom ones. */
export type TriggerChoice = 'JOURNEY' | 'CUSTOM';

/** Triggers searched by title or key as the marketer types. */
export function useTriggerSearch(choice: TriggerChoice) {
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 250);
  const filter = choice === 'JOURNEY' ? { usableAsStart: true, search: debounced } : { kind: ['CUSTOM' as const], search: debounced };
  const { data, loading } = useQuery(TRIGGER_OPTIONS, { variables: { filter } });
  return { options: getFragmentData(BuilderTriggerFields, data?.triggers.nodes ?? []), loading, setSearch };
}

/** Content of one channel, searched by name. */
export function useChannelContentSearch(channel: ContentChannel) {
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 250);
  const { data, loading } = useQuery(CHANNEL_CONTENT, { variables: { channel, search: debounced } });
  return { options: getFragmentData(BuilderContentFields, data?.contents.nodes ?? []), loading, setSearch };
}
