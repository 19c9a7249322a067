import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { graphql } from '../../../gql';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';

const TITLE_AVAILABLE = graphql(`
  query TriggerTitleAvailable($title: String!, $exceptTriggerId: ID) {
    triggerTitleAvailable(title: $title, exceptTriggerId: $exceptTriggerId)
  }
`);

const KEY_AVAILABLE = graphql(`
  query TriggerKeyAvailable($key: String!) {
    triggerKeyAvailable(key: $key)
  }
`);

export const titleTakenMessage = (title: string) => `A visible trigger is already titled “${title.trim()}”. Choose another title.`;
export const keyTakenMessage = (key: string) => `The key “${key.trim()}” is already used by another trigger (hidden ones included). Choose another key.`;

/**
 * Asks the server, shortly after typing stops, whether `value` is free. `taken` is true only while the value
 * shown is one found taken, so it clears as soon as the value changes. `recheck` asks again now (before
 * saving); `markTaken` records a refusal the server gave on save. Values that `worthAsking` rejects are not sent.
 */
function useServerCheck(
  value: string,
  ask: (value: string) => Promise<boolean | null>,
  normalise: (value: string) => string,
  worthAsking: (value: string) => boolean,
  delayMs: number,
) {
  const settled = useDebouncedValue(value.trim(), delayMs);
  /** Answers by normalised value, so a late answer for an earlier value never stands for the current one. */
  const [answers, setAnswers] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const remember = useCallback((candidate: string, available: boolean) => setAnswers((prev) => new Map(prev).set(normalise(candidate), available)), [normalise]);
  const check = useCallback(
    async (candidate: string) => {
      const available = await ask(candidate);
      if (available !== null) remember(candidate, available);
      return available;
    },
    [ask, remember],
  );

  useEffect(() => {
    // `check` sets state only in the server's answer callback (after an await), never synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (settled && worthAsking(settled)) void check(settled);
  }, [check, settled, worthAsking]);

  const current = normalise(value);
  const askable = current !== '' && worthAsking(value.trim());
  return {
    taken: askable && answers.get(current) === false,
    checking: askable && !answers.has(current),
    recheck: () => (askable ? check(value.trim()) : Promise.resolve(null)),
    markTaken: (taken: string) => remember(taken, false),
  };
}

const normaliseTitle = (title: string) => title.trim().toLowerCase();
const normaliseKey = (key: string) => key.trim();
const always = () => true;
const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const wellFormedKey = (key: string) => KEY.test(key);

/** Whether a title is free among the workspace's visible triggers (trimmed, case ignored, as the server's rule). */
export function useTitleAvailability(title: string, exceptTriggerId: string | null = null, delayMs = 350) {
  const client = useApolloClient();
  const ask = useCallback(
    async (candidate: string) => {
      try {
        const { data } = await client.query({ query: TITLE_AVAILABLE, variables: { title: candidate, exceptTriggerId }, fetchPolicy: 'network-only' });
        return data?.triggerTitleAvailable ?? null;
      } catch {
        return null; // the server still enforces the rule when saving
      }
    },
    [client, exceptTriggerId],
  );
  return useServerCheck(title, ask, normaliseTitle, always, delayMs);
}

/** Whether a well-formed key is free: no trigger of the workspace, hidden ones included, has it. */
export function useKeyAvailability(key: string, delayMs = 350) {
  const client = useApolloClient();
  const ask = useCallback(
    async (candidate: string) => {
      try {
        const { data } = await client.query({ query: KEY_AVAILABLE, variables: { key: candidate }, fetchPolicy: 'network-only' });
        return data?.triggerKeyAvailable ?? null;
      } catch {
        return null;
      }
    },
    [client],
  );
  return useServerCheck(key, ask, normaliseKey, wellFormedKey, delayMs);
}
