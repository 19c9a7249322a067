import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { Observable, type Subscription } from 'rxjs';

const WORKSPACE_KEY = 'flare.workspaceId';

export const storedWorkspaceId = (): string | null => localStorage.getItem(WORKSPACE_KEY);
export const storeWorkspaceId = (id: string | null) => (id ? localStorage.setItem(WORKSPACE_KEY, id) : localStorage.removeItem(WORKSPACE_KEY));

/**
 * The app's cache. A journey step's id is unique only within its journey (a duplicate keeps the ids), so steps
 * are not normalised by id but kept inside their definition; and a definition, which has no id, merges field by
 * field into its journey's, so a query selecting part of it (a run's step names) does not drop the rest.
 */
export const createCache = () =>
  new InMemoryCache({
    typePolicies: {
      JourneyStep: { keyFields: false },
      Journey: { fields: { definition: { merge: true } } },
      // One per channel in the workspace; queries selecting different parts of it (providers, policies) merge.
      ChannelSetting: { keyFields: ['channel'] },
      // The viewer has no id; a query asking for part of it (the workspace's time zone) merges into the signed-in one.
      Viewer: { merge: true },
    },
  });

/**
 * Queries and mutations over HTTP (session cookie, same origin), subscriptions over graphql-ws on the same
 * path. Both carry the chosen workspace: a header on HTTP, connectionParams on the socket.
 */
export function createApolloClient(workspaceId: string | null, origin = window.location.origin) {
  const workspaceHeader = new ApolloLink((operation, forward) => {
    if (workspaceId) operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, 'x-flare-workspace': workspaceId } }));
    return forward(operation);
  });
  const http = new HttpLink({ uri: `${origin}/graphql`, credentials: 'same-origin' });
  // The socket code loads with the first subscription; until then nothing is opened or downloaded.
  let socket: Promise<Awaited<ReturnType<typeof import('./subscriptions').createSubscriptionLink>>> | undefined;
  let disposed = false;
  const openSocket = () =>
    (socket ??= import('./subscriptions').then(({ createSubscriptionLink }) => createSubscriptionLink(`${origin.replace(/^http/, 'ws')}/graphql`, workspaceId)));
  const ws = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        let subscription: Subscription | undefined;
        let closed = false;
        openSocket().then(
          ({ link }) => {
            if (!closed && !disposed) subscription = link.request(operation).subscribe(observer);
          },
          (error: unknown) => observer.error(error),
        );
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      }),
  );
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    ws,
    workspaceHeader.concat(http),
  );
  const client = new ApolloClient({ link, cache: createCache() });
  const dispose = () => {
    disposed = true;
    void socket?.then((opened) => opened.dispose());
  };
  return { client, dispose };
}
