import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';

/**
 * The WebSocket side of the Apollo link: loaded on the first subscription (apollo.ts), so signing in does not
 * download graphql-ws.
 */
export function createSubscriptionLink(url: string, workspaceId: string | null) {
  const client = createClient({
    url,
    connectionParams: () => (workspaceId ? { workspaceId } : {}),
    lazy: true,
    retryAttempts: 20,
    shouldRetry: () => true,
  });
  return { link: new GraphQLWsLink(client), dispose: () => void client.dispose() };
}
