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

const JOURNEY_TRIGGERS = graphql(`
  query JourneyTriggerOptions($search: String) {
    triggers(first: 20, filter: { usableAsStart: true, search: $search }) {
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

/** Triggers a journey may use (ready, visible, not interactions), searched by title as the marketer types. */
export function useJourneyTriggerSearch() {
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 250);
  const { data, loading } = useQuery(JOURNEY_TRIGGERS, { variables: { search: debounced } });
  return { options: getFragmentData(BuilderTriggerFields, data?.triggers.nodes ?? []), loading, setSearch };
}

/** Content of one channel, searched by name. */
export function useChannelContentSearch(channel: ContentChannel) {
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 250);
  const { data, loading } = useQuery(CHANNEL_CONTENT, { variables: { channel, search: debounced } });
  return { options: getFragmentData(BuilderContentFields, data?.contents.nodes ?? []), loading, setSearch };
}
