import { ApolloProvider } from '@apollo/client/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createBrowserRouter, createRoutesFromElements, Navigate, Route, RouterProvider, Routes } from 'react-router-dom';
import { AcceptInvitationPage } from '../features/auth/pages/AcceptInvitationPage';
import { SignInPage } from '../features/auth/pages/SignInPage';
import { ContentEditorPage } from '../features/content/pages/ContentEditorPage';
import { ContentListPage } from '../features/content/pages/ContentListPage';
import { ImportCustomersPage } from '../features/customers/pages/ImportCustomersPage';
import { CustomerPage } from '../features/customers/pages/CustomerPage';
import { CustomersPage } from '../features/customers/pages/CustomersPage';
import { JourneyBuilderPage } from '../features/journeys/pages/JourneyBuilderPage';
import { JourneyRunPage } from '../features/journeys/pages/JourneyRunPage';
import { JourneysPage } from '../features/journeys/pages/JourneysPage';
import { InboxMessagePage } from '../features/inbox/pages/InboxMessagePage';
import { InboxPage } from '../features/inbox/pages/InboxPage';
import { LiveDashboardPage } from '../features/live/pages/LiveDashboardPage';
import { SettingsPage } from '../features/settings/pages/SettingsPage';
import { CreateTriggerPage } from '../features/triggers/pages/CreateTriggerPage';
import { TriggerPage } from '../features/triggers/pages/TriggerPage';
import { TriggersPage } from '../features/triggers/pages/TriggersPage';
import { ErrorState, Loading } from '../ui/AsyncState';
import { ToastProvider } from '../ui/toast';
import { UnsavedChangesProvider } from '../ui/UnsavedChanges';
import { createApolloClient, storedWorkspaceId, storeWorkspaceId } from './apollo';
import { RequireViewer } from './auth';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

/** Providers, the Apollo client for the chosen workspace, and routes. */
export function App({ origin }: { origin?: string }) {
  // A new client per workspace (and per sign-in): fresh cache, and a socket that authenticates anew.
  const [apollo, setApollo] = useState(() => createApolloClient(storedWorkspaceId(), origin));
  useEffect(() => apollo.dispose, [apollo]);

  const enterWorkspace = (id: string | null) => {
    storeWorkspaceId(id);
    setApollo(createApolloClient(id, origin));
  };
  // A data router (created once; its callbacks use only state setters) so pages can ask before unsaved edits are lost.
  const [router] = useState(() =>
    createBrowserRouter(
      createRoutesFromElements(
        <>
          <Route path="/accept-invitation" element={<AcceptInvitationPage onAccepted={enterWorkspace} />} />
          <Route
            path="*"
            element={
              <RequireViewer
                loading={<Loading label="Loading Flare…" />}
                signedOut={<SignInPage onSignedIn={enterWorkspace} />}
                failed={(message, retry) => <ErrorState title="Flare could not load" error={new Error(message)} onRetry={retry} />}
              >
                <Layout onSwitchWorkspace={enterWorkspace} onSignedOut={() => enterWorkspace(null)}>
                  <Routes>
                    <Route path="/" element={<Navigate to="/triggers" replace />} />
                    <Route path="/triggers" element={<TriggersPage />} />
                    <Route path="/triggers/new" element={<CreateTriggerPage />} />
                    <Route path="/triggers/:id" element={<TriggerPage />} />
                    <Route path="/journeys" element={<JourneysPage />} />
                    <Route path="/journeys/:id" element={<JourneyBuilderPage />} />
                    <Route path="/journeys/:id/runs/:runId" element={<JourneyRunPage />} />
                    <Route path="/content" element={<ContentListPage />} />
                    <Route path="/content/:id" element={<ContentEditorPage />} />
                    <Route path="/customers/import" element={<ImportCustomersPage />} />
                    <Route path="/customers" element={<CustomersPage />} />
                    <Route path="/customers/:id" element={<CustomerPage />} />
                    <Route path="/inbox" element={<InboxPage />} />
                    <Route path="/inbox/:id" element={<InboxMessagePage />} />
                    <Route path="/live" element={<LiveDashboardPage />} />
                    <Route path="/settings" element={<SettingsPage />} />
                    <Route path="/settings/:tab" element={<SettingsPage />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Routes>
                </Layout>
              </RequireViewer>
            }
          />
        </>,
      ),
    ),
  );

  return (
    <FluentProvider theme={webLightTheme}>
      <ToastProvider>
        <ApolloProvider client={apollo.client}>
          <UnsavedChangesProvider>
            <RouterProvider router={router} />
          </UnsavedChangesProvider>
        </ApolloProvider>
      </ToastProvider>
    </FluentProvider>
  );
}
