import { useSubscription } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { graphql } from '../../../gql';
import type { AnalyticsGranularity } from '../../../gql/graphql';
import type { MessageOpens } from '../components/StepTile';

const MESSAGES_UPDATED = graphql(`
  subscription JourneyCanvasMessages($journeyId: ID!, $range: AnalyticsRangeInput!) {
    journeyAnalyticsUpdated(journeyId: $journeyId, range: $range) {
      journeyId
      messages {
        stepId
        channel
        delivered
        opened
        openRate
      }
    }
  }
`);

/** The series is not read here: a one-hour window keeps its part of the answer short. */
const lastHour = () => {
  const now = Date.now();
  const granularity: AnalyticsGranularity = 'HOUR';
  return { from: new Date(now - 3_600_000).toISOString(), to: new Date(now).toISOString(), granularity };
};

/**
 * While a live or stopped journey's canvas is shown: each email and push step's unique opens of its delivered
 * messages, by step id. One subscription for the whole canvas, answered at once and again whenever the journey's
 * runs or messages change (the per-message figures count since the journey went live, whatever the range).
 */
export function useMessageOpens(journeyId: string, enabled: boolean): ReadonlyMap<string, MessageOpens> | null {
  const [range] = useState(lastHour);
  const { data } = useSubscription(MESSAGES_UPDATED, { variables: { journeyId, range }, skip: !enabled });
  return useMemo(() => {
    const messages = data?.journeyAnalyticsUpdated.messages;
    if (!messages) return null;
    return new Map(messages.filter((m) => m.channel !== 'TEXT').map((m) => [m.stepId, { opened: m.opened, delivered: m.delivered, openRate: m.openRate ?? null }]));
  }, [data]);
}
