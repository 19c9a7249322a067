import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { UnsavedChangesGuard, UnsavedChangesProvider, useUnsavedChanges } from './UnsavedChanges';

let discard: (() => Promise<boolean>) | null = null;

function Editor() {
  const [text, setText] = useState('');
  const { confirmDiscard } = useUnsavedChanges();
  useEffect(() => {
    discard = confirmDiscard;
  });
  return (
    <>
      <UnsavedChangesGuard dirty={text !== ''} />
      <input aria-label="Draft" value={text} onChange={(e) => setText(e.target.value)} />
      <Link to="/elsewhere">Elsewhere</Link>
    </>
  );
}

function renderEditor() {
  const router = createMemoryRouter([
    { path: '/', element: <Editor /> },
    { path: '/elsewhere', element: <p>Elsewhere page</p> },
  ]);
  render(
    <FluentProvider theme={webLightTheme}>
      <UnsavedChangesProvider>
        <RouterProvider router={router} />
      </UnsavedChangesProvider>
    </FluentProvider>,
  );
  return router;
}

describe('unsaved changes', () => {
  it('lets you leave a clean page without asking', async () => {
    const router = renderEditor();
    await expect(discard!()).resolves.toBe(true);
    fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/elsewhere'));
  });

  it('asks before leaving edits: Cancel keeps them, Leave goes', async () => {
    const router = renderEditor();
    fireEvent.change(screen.getByRole('textbox', { name: 'Draft' }), { target: { value: 'half-written' } });
    fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByText('Leave without saving?')).toBeNull());
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByRole('textbox', { name: 'Draft' })).toHaveValue('half-written');

    let asked!: Promise<boolean>;
    act(() => void (asked = discard!()));
    fireEvent.click(await screen.findByRole('button', { name: 'Leave' }));
    await expect(asked).resolves.toBe(true);
    fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/elsewhere'));
  });
});
