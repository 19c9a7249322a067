import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';

function Asking() {
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState('none');
  return (
    <FluentProvider theme={webLightTheme}>
      <button onClick={() => setOpen(true)}>Remove</button>
      <p>Answer: {answer}</p>
      <ConfirmDialog
        open={open}
        title="Remove it?"
        confirmLabel="Remove now"
        onConfirm={() => (setAnswer('removed'), setOpen(false))}
        onCancel={() => (setAnswer('kept'), setOpen(false))}
      >
        It cannot be undone.
      </ConfirmDialog>
    </FluentProvider>
  );
}

describe('ConfirmDialog', () => {
  it('focuses its first button and stays reachable while open, however slowly it is answered', async () => {
    render(<Asking />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove it?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    // Fluent's focus manager revisits what is hidden 250 ms after a change: the open dialog must not be among it.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(dialog).not.toHaveAttribute('aria-hidden');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove now' }));
    expect(await screen.findByText('Answer: removed')).toBeInTheDocument();
  });
});
