import { useQuery } from '@apollo/client/react';
import { createContext, useContext, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';
import { isUnauthenticated } from '../ui/errors';

const VIEWER = graphql(`
  query Viewer {
    viewer {
      kind
      role
      permissions
      user {
        id
        email
        name
      }
      workspace {
        id
        name
      }
      memberships {
        id
        role
        workspace {
          id
          name
        }
      }
    }
  }
`);

export type CurrentViewer = ViewerQuery['viewer'];

type AuthState = { viewer: CurrentViewer; can: (permission: string) => boolean; refetch: () => Promise<unknown> };

const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside <RequireViewer>');
  return state;
}

/** Loads the viewer; renders `signedOut` when there is no session, `children` with the viewer otherwise. */
export function RequireViewer({
  children,
  signedOut,
  loading,
  failed,
}: {
  children: ReactNode;
  signedOut: ReactNode;
  loading: ReactNode;
  failed: (message: string, retry: () => void) => ReactNode;
}) {
  const { data, error, loading: busy, refetch } = useQuery(VIEWER, { fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true });
  if (busy && !data) return <>{loading}</>;
  if (error && isUnauthenticated(error)) return <>{signedOut}</>;
  if (error || !data) return <>{failed(error?.message ?? 'Could not load your account.', () => void refetch())}</>;
  const viewer = data.viewer;
  const state: AuthState = { viewer, can: (p) => viewer.permissions.includes(p), refetch };
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}
