import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { createCache } from '../app/apollo';
import { ToastProvider } from '../ui/toast';
import { UnsavedChangesProvider } from '../ui/UnsavedChanges';

/** Renders with the app's providers; the GraphQL server is replaced by `mocks` (e2e covers the real one). `url` is the page's address. */
export function renderWithProviders(ui: ReactElement, mocks: MockedProviderProps['mocks'] = [], url = '/') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ToastProvider>
        <MockedProvider mocks={mocks} cache={createCache()}>
          <UnsavedChangesProvider>
            <RouterProvider router={createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [url] })} />
          </UnsavedChangesProvider>
        </MockedProvider>
      </ToastProvider>
    </FluentProvider>,
  );
}
