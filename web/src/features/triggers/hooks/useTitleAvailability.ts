import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { graphql } from '../../../gql';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';

const TITLE_AVAILABLE = graphql(`
  query TriggerTitleAvailable($title: String!, $exceptTriggerId: ID) {
    triggerTitleAvailable(title: $title, exceptTriggerId: $exceptTriggerId)
  }
`);

/** The server's uniqueness form of a title (trimmed, case ignored). */
const normalise = (title: string) => title.trim().toLowerCase();

export const titleTakenMessage = (title: string) => `A visible trigger is already titled “${title.trim()}”. Choose another title.`;

/**
 * Checks on the server, shortly after typing stops, whether `title` is free among the workspace's visible
 * triggers. `taken` is true only while the title shown is the one found taken, so it clears as soon as the title
 * changes. `recheck` asks again now (before creating); `markTaken` records a refusal the server gave on save.
 */
export function useTitleAvailability(title: string, exceptTriggerId: string | null = null, delayMs = 350) {
  const client = useApolloClient();
  const settled = useDebouncedValue(title.trim(), delayMs);
  /** Answers by normalised title, so a late answer for an earlier title never stands for the current one. */
  const [answers, setAnswers] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const remember = useCallback((candidate: string, available: boolean) => setAnswers((prev) => new Map(prev).set(normalise(candidate), available)), []);

  const ask = useCallback(
    async (candidate: string): Promise<boolean | null> => {
      try {
        const { data } = await client.query({ query: TITLE_AVAILABLE, variables: { title: candidate, exceptTriggerId }, fetchPolicy: 'network-only' });
        if (!data) return null;
        remember(candidate, data.triggerTitleAvailable);
        return data.triggerTitleAvailable;
      } catch {
        return null; // the server still enforces the rule when saving
      }
    },
    [client, exceptTriggerId, remember],
  );

  useEffect(() => {
    // `ask` sets state only in the server's answer callback (after an await), never synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (settled) void ask(settled);
  }, [ask, settled]);

  const current = normalise(title);
  return {
    taken: current !== '' && answers.get(current) === false,
    checking: current !== '' && !answers.has(current),
    recheck: () => (current ? ask(title.trim()) : Promise.resolve(null)),
    markTaken: (taken: string) => remember(taken, false),
  };
}
