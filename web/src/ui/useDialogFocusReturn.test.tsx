import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useDialogFocusReturn } from './useDialogFocusReturn';

/** A page button that opens a dialog whose only button is replaced once pressed (Create key → Done). */
function Page() {
  useDialogFocusReturn();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Create API key</button>
      {open && (
        <div role="dialog" aria-label="Create API key" tabIndex={-1}>
          {created ? (
            <button key="done" onClick={() => setOpen(false)}>
              Done
            </button>
          ) : (
            <button key="create" onClick={() => setCreated(true)}>
              Create key
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** What Fluent's focus manager sends when the focused element is gone. */
const lostFocus = () => act(() => void window.dispatchEvent(new Event('tabster:restorer:restore-focus')));
const afterRestore = () => act(() => new Promise((resolve) => setTimeout(resolve, 80)));

describe('focus return around dialogs', () => {
  it('keeps the focus in a dialog that is still open when its focused button is replaced', async () => {
    render(<Page />);
    screen.getByRole('button', { name: 'Create API key' }).focus();
    act(() => screen.getByRole('button', { name: 'Create API key' }).click());
    screen.getByRole('button', { name: 'Create key' }).focus();
    act(() => screen.getByRole('button', { name: 'Create key' }).click());
    lostFocus();
    await afterRestore();
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
  });

  it('gives the focus back to the opener once the dialog is gone', async () => {
    render(<Page />);
    screen.getByRole('button', { name: 'Create API key' }).focus();
    act(() => screen.getByRole('button', { name: 'Create API key' }).click());
    screen.getByRole('button', { name: 'Create key' }).focus();
    act(() => screen.getByRole('button', { name: 'Create key' }).click());
    screen.getByRole('button', { name: 'Done' }).focus();
    act(() => screen.getByRole('button', { name: 'Done' }).click());
    lostFocus();
    await afterRestore();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create API key' }));
  });
});
