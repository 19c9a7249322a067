import { useSubscription } from '@apollo/client/react';
import { graphql } from '../../../gql';

const READINESS = graphql(`
  subscription LiveReadiness {
    triggerReadiness {
      trigger {
        id
        status
        readyAt
      }
    }
  }
`);

/** Keeps every cached trigger's status current: the cache is normalised by id, so badges update in place. */
export function useLiveReadiness(onChange?: (trigger: { id: string; status: string }) => void) {
  return useSubscription(READINESS, { onData: ({ data }) => data.data && onChange?.(data.data.triggerReadiness.trigger) });
}
