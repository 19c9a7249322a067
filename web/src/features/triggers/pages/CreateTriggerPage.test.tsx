import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TriggerKeyAvailableDocument, TriggerTitleAvailableDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CreateTriggerPage } from './CreateTriggerPage';

const answer = (title: string, available: boolean) => ({
  request: { query: TriggerTitleAvailableDocument, variables: { title, exceptTriggerId: null } },
  result: { data: { triggerTitleAvailable: available } },
});

const keyAnswer = (key: string, available: boolean) => ({
  request: { query: TriggerKeyAvailableDocument, variables: { key } },
  result: { data: { triggerKeyAvailable: available } },
});

const TAKEN = 'A visible trigger is already titled “Cart abandoned”. Choose another title.';

/** The text of what an input's aria-describedby points at (Fluent's Field puts its hint and validation message there). */
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('CreateTriggerPage title check', () => {
  it('says a title is taken on the title field as it is typed, and clears it once the title is free', async () => {
    renderWithProviders(<CreateTriggerPage />, [answer('Cart abandoned', false), answer('Cart abandoned v2', true)]);
    const title = screen.getByRole('textbox', { name: /^Title/ });
    fireEvent.change(title, { target: { value: 'Cart abandoned' } });
    await waitFor(() => expect(describedBy(title)).toContain(TAKEN), { timeout: 5000 });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    fireEvent.change(title, { target: { value: 'Cart abandoned v2' } });
    // The error goes with the change, before and after the server's answer for the new title.
    expect(screen.queryByText(TAKEN)).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled(), { timeout: 5000 });
    await waitFor(() => expect(describedBy(title)).toContain('unique in the catalog'), { timeout: 3000 });
    expect(screen.queryByText(/already titled/)).not.toBeInTheDocument();
    expect(title).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('checks again at the last step: a title taken in the meantime blocks creating and leads back to the field', async () => {
    renderWithProviders(<CreateTriggerPage />, [answer('Cart abandoned', true), answer('Cart abandoned', false)]);
    const typed = screen.getByRole('textbox', { name: /^Title/ });
    fireEvent.change(typed, { target: { value: 'Cart abandoned' } });
    expect(describedBy(typed)).toContain('Checking');
    // The typed title's answer (free) arrives.
    await waitFor(() => expect(describedBy(typed)).toContain('unique in the catalog'), { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(TAKEN);
    expect(screen.getByRole('button', { name: 'Create trigger' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Change it' }));
    const title = screen.getByRole('textbox', { name: /^Title/ });
    expect(describedBy(title)).toContain(TAKEN);
  });

  it('shows attribute problems only once Next is pressed on the attributes step', async () => {
    renderWithProviders(<CreateTriggerPage />, [answer('Order placed', true)]);
    fireEvent.change(screen.getByRole('textbox', { name: /^Title/ }), { target: { value: 'Order placed' } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled(), { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }));
    expect(screen.queryByText('Give the attribute a name.')).not.toBeInTheDocument();
    expect(screen.queryByText('Fix the attribute fields marked in red.')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Give the attribute a name.')).toBeInTheDocument();
    expect(screen.getByText('Fix the attribute fields marked in red.')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '3. Attributes' })).toHaveAttribute('aria-selected', 'true');
  });

  it('says at once when the key the title gives is taken by a hidden trigger, on the key field', async () => {
    renderWithProviders(<CreateTriggerPage />, [answer('Gift card sold', true), keyAnswer('gift_card_sold', false), keyAnswer('gift_card_sold_v2', true)]);
    fireEvent.change(screen.getByRole('textbox', { name: /^Title/ }), { target: { value: 'Gift card sold' } });
    const key = screen.getByRole('textbox', { name: /^Key/ });
    const message = 'The key “gift_card_sold” is already used by another trigger (hidden ones included). Choose another key.';
    await waitFor(() => expect(describedBy(key)).toContain(message), { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    fireEvent.change(key, { target: { value: 'gift_card_sold_v2' } });
    expect(describedBy(key)).not.toContain(message);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled(), { timeout: 5000 });
  });
});
