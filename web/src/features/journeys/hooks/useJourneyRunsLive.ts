import { useSubscription } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { graphql } from '../../../gql';

const RUNS_UPDATED = graphql(`
  subscription JourneyRunUpdated($journeyId: ID!) {
    journeyRunUpdated(journeyId: $journeyId) {
      journey {
        id
        stepCounts {
          stepId
          entered
          waiting
          passedOn
          exited
        }
        ...RunSummary_journey
      }
    }
  }
`);

/**
 * While a live or stopped journey is open: its run and step counts follow the server (the cache updates the
 * journey in place), and `refresh` counts the changes after the first answer so lists can reload their first page.
 */
export function useJourneyRunsLive(journeyId: string, enabled: boolean) {
  const [refresh, setRefresh] = useState(0);
  const answers = useRef(0);
  const { error } = useSubscription(RUNS_UPDATED, {
    variables: { journeyId },
    skip: !enabled,
    onData: () => {
      answers.current += 1;
      if (answers.current > 1) setRefresh((n) => n + 1);
    },
  });
  return { refresh, error };
}
