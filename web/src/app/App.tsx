import { ApolloProvider } from '@apollo/client/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, createRoutesFromElements, Navigate, Route, RouterProvider, Routes } from 'react-router-dom';
import { ErrorState, Loading } from '../ui/AsyncState';
import { ToastProvider } from '../ui/toast';
import { UnsavedChangesProvider } from '../ui/UnsavedChanges';
import { createApolloClient, storedWorkspaceId, storeWorkspaceId } from './apollo';
import { RequireViewer } from './auth';
import { NotFoundPage } from './NotFoundPage';

/**
 * A page loaded on demand: each route's code is its own chunk (plus the chunks it shares with other pages), so
 * signing in or opening the catalog never downloads the journey builder, the charts or the content editor.
 * Pages keep named exports; this picks one out of the loaded module.
 */
function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] as M[K] & ComponentType<any> })));
}

/** A route's element: the page, with a labelled spinner (named after the page) while its chunk loads. */
function page(label: string, element: ReactNode) {
  return <Suspense fallback={<Loading label={`Loading ${label}…`} />}>{element}</Suspense>;
}

// The signed-in shell (navigation, workspace switcher, user menu): not needed to sign in.
const Layout = lazyPage(() => import('./Layout'), 'Layout');
// Pages per feature, in the order of the navigation.
const SignInPage = lazyPage(() => import('../features/auth/pages/SignInPage'), 'SignInPage');
const AcceptInvitationPage = lazyPage(() => import('../features/auth/pages/AcceptInvitationPage'), 'AcceptInvitationPage');
const ForgotPasswordPage = lazyPage(() => import('../features/auth/pages/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('../features/auth/pages/ResetPasswordPage'), 'ResetPasswordPage');
const AccountPage = lazyPage(() => import('../features/auth/pages/AccountPage'), 'AccountPage');
const TriggersPage = lazyPage(() => import('../features/triggers/pages/TriggersPage'), 'TriggersPage');
const CreateTriggerPage = lazyPage(() => import('../features/triggers/pages/CreateTriggerPage'), 'CreateTriggerPage');
const TriggerPage = lazyPage(() => import('../features/triggers/pages/TriggerPage'), 'TriggerPage');
const JourneysPage = lazyPage(() => import('../features/journeys/pages/JourneysPage'), 'JourneysPage');
const JourneyBuilderPage = lazyPage(() => import('../features/journeys/pages/JourneyBuilderPage'), 'JourneyBuilderPage');
const JourneyRunPage = lazyPage(() => import('../features/journeys/pages/JourneyRunPage'), 'JourneyRunPage');
const ContentListPage = lazyPage(() => import('../features/content/pages/ContentListPage'), 'ContentListPage');
const ContentEditorPage = lazyPage(() => import('../features/content/pages/ContentEditorPage'), 'ContentEditorPage');
const CustomersPage = lazyPage(() => import('../features/customers/pages/CustomersPage'), 'CustomersPage');
const CustomerPage = lazyPage(() => import('../features/customers/pages/CustomerPage'), 'CustomerPage');
const ImportCustomersPage = lazyPage(() => import('../features/customers/pages/ImportCustomersPage'), 'ImportCustomersPage');
const InboxPage = lazyPage(() => import('../features/inbox/pages/InboxPage'), 'InboxPage');
const InboxMessagePage = lazyPage(() => import('../features/inbox/pages/InboxMessagePage'), 'InboxMessagePage');
const LiveDashboardPage = lazyPage(() => import('../features/live/pages/LiveDashboardPage'), 'LiveDashboardPage');
const SettingsPage = lazyPage(() => import('../features/settings/pages/SettingsPage'), 'SettingsPage');

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
          <Route path="/accept-invitation" element={page('the invitation', <AcceptInvitationPage onAccepted={enterWorkspace} />)} />
          <Route path="/forgot-password" element={page('the password reset', <ForgotPasswordPage />)} />
          <Route path="/reset-password" element={page('the password reset', <ResetPasswordPage />)} />
          <Route
            path="*"
            element={
              <RequireViewer
                loading={<Loading label="Loading Flare…" />}
                signedOut={page('sign-in', <SignInPage onSignedIn={enterWorkspace} />)}
                failed={(message, retry) => <ErrorState title="Flare could not load" error={new Error(message)} onRetry={retry} />}
              >
                <Suspense fallback={<Loading label="Loading Flare…" />}>
                  <Layout onSwitchWorkspace={enterWorkspace} onSignedOut={() => enterWorkspace(null)}>
                    <Routes>
                      <Route path="/" element={<Navigate to="/triggers" replace />} />
                      <Route path="/triggers" element={page('triggers', <TriggersPage />)} />
                      <Route path="/triggers/new" element={page('the new trigger form', <CreateTriggerPage />)} />
                      <Route path="/triggers/:id" element={page('the trigger', <TriggerPage />)} />
                      <Route path="/journeys" element={page('journeys', <JourneysPage />)} />
                      <Route path="/journeys/:id" element={page('the journey', <JourneyBuilderPage />)} />
                      <Route path="/journeys/:id/runs/:runId" element={page('the journey run', <JourneyRunPage />)} />
                      <Route path="/content" element={page('content', <ContentListPage />)} />
                      <Route path="/content/:id" element={page('the content editor', <ContentEditorPage />)} />
                      <Route path="/customers/import" element={page('the customer import', <ImportCustomersPage />)} />
                      <Route path="/customers" element={page('customers', <CustomersPage />)} />
                      <Route path="/customers/:id" element={page('the customer', <CustomerPage />)} />
                      <Route path="/inbox" element={page('the inbox', <InboxPage />)} />
                      <Route path="/inbox/:id" element={page('the message', <InboxMessagePage />)} />
                      <Route path="/live" element={page('the live dashboard', <LiveDashboardPage />)} />
                      <Route path="/settings" element={page('settings', <SettingsPage />)} />
                      <Route path="/settings/:tab" element={page('settings', <SettingsPage />)} />
                      <Route path="/account" element={page('your account', <AccountPage />)} />
                      <Route path="*" element={<NotFoundPage />} />
                    </Routes>
                  </Layout>
                </Suspense>
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
