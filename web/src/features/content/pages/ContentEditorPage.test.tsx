import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import { ContentItemDocument, ContentReadinessDocument, PersonalisationTokensDocument, PreviewContentDocument, ViewerDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { insertToken } from '../components/insert-token';
import { ContentEditorPage } from './ContentEditorPage';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'MARKETER',
  permissions: ['workspace:read', 'journeys:read', 'journeys:write'],
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
};

const email = {
  __typename: 'ContentItem',
  id: 'c1',
  channel: 'EMAIL',
  name: 'Cart reminder',
  state: 'DRAFT',
  revision: 1,
  subject: 'Your cart',
  senderName: '',
  htmlBody: '<p>Hello there</p>',
  textBody: 'Hello there',
  body: null,
  title: null,
  link: null,
  liveJourneys: [],
};

const problem = (field: string, message: string) => ({ __typename: 'ContentProblem', field, code: 'FIELD_REQUIRED', message });

function renderEditor(problems = [problem('senderName', 'Sender name is required.')]) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Routes>
        <Route path="/content/:id" element={<ContentEditorPage />} />
      </Routes>
    </RequireViewer>,
    [
      { request: { query: ViewerDocument }, result: { data: { viewer } } },
      { request: { query: ContentItemDocument, variables: { id: 'c1' } }, result: { data: { content: email } } },
      {
        request: { query: PersonalisationTokensDocument, variables: () => true },
        result: {
          data: {
            personalisationTokens: [
              { __typename: 'PersonalisationToken', token: '{{ contact.firstName }}', label: 'First name', source: 'CONTACT' },
              { __typename: 'PersonalisationToken', token: '{{ contact.city }}', label: 'City', source: 'CONTACT' },
            ],
          },
        },
        maxUsageCount: 20,
      },
      {
        request: { query: PreviewContentDocument, variables: () => true },
        result: { data: { previewContent: { __typename: 'ContentPreview', subject: 'Your cart', html: '<p>Hello there</p>', text: 'Hello there', body: null, title: null } } },
        maxUsageCount: 20,
      },
      { request: { query: ContentReadinessDocument, variables: () => true }, result: { data: { contentReadiness: problems } }, maxUsageCount: 20 },
    ],
    '/content/c1',
  );
}

describe('inserting a token', () => {
  it('puts it in place of the selection, or at the cursor, with the cursor after it', () => {
    expect(insertToken('Hello there', { start: 6, end: 6 }, '{{ contact.firstName }}')).toEqual({ value: 'Hello {{ contact.firstName }}there', caret: 29 });
    expect(insertToken('Hello there', { start: 6, end: 11 }, '{{ x }}')).toEqual({ value: 'Hello {{ x }}', caret: 13 });
    expect(insertToken('Hi', null, '{{ x }}')).toEqual({ value: 'Hi{{ x }}', caret: 9 });
    // A stale selection beyond the text goes to the end instead of cutting the text.
    expect(insertToken('Hi', { start: 40, end: 50 }, '{{ x }}')).toEqual({ value: 'Hi{{ x }}', caret: 9 });
  });

  it('inserts at the cursor of the field last focused, not at the end, and leaves the cursor after the token', async () => {
    renderEditor();
    const body = await screen.findByLabelText<HTMLTextAreaElement>('HTML body');
    await userEvent.click(body);
    // Put the cursor after "<p>Hello " (9 characters) with the keyboard.
    await userEvent.keyboard('{Home}');
    body.setSelectionRange(9, 9);
    fireEvent.keyUp(body, { key: 'ArrowRight' });
    const insert = await screen.findByRole('button', { name: 'Insert {{ contact.firstName }} into HTML body' });
    await userEvent.click(insert);
    expect(body.value).toBe('<p>Hello {{ contact.firstName }}there</p>');
    await waitFor(() => expect(body).toHaveFocus());
    expect(body.selectionStart).toBe(9 + '{{ contact.firstName }}'.length);
    expect(body.selectionEnd).toBe(body.selectionStart);

    // Then the subject gets the next token at its own cursor, with the Insert button pressed by keyboard.
    const subject = screen.getByLabelText<HTMLInputElement>('Subject');
    await userEvent.click(subject);
    subject.setSelectionRange(4, 4);
    fireEvent.select(subject);
    const cityInsert = await screen.findByRole('button', { name: 'Insert {{ contact.city }} into Subject' });
    cityInsert.focus();
    await userEvent.keyboard('{Enter}');
    expect(subject.value).toBe('Your{{ contact.city }} cart');
    await waitFor(() => expect(subject).toHaveFocus());
    expect(subject.selectionStart).toBe(4 + '{{ contact.city }}'.length);
  });
});

describe('readiness problems', () => {
  it('shows each problem under its field and a summary whose links move focus to the field', async () => {
    renderEditor([problem('senderName', 'Sender name is required.'), problem('subject', 'The subject uses an unknown token.')]);
    const summary = await screen.findByLabelText('Readiness problems');
    expect(within(summary).getByText('2 problems to fix before this can be sent')).toBeInTheDocument();
    const sender = screen.getByLabelText('Sender name');
    expect(sender).toHaveAccessibleDescription(expect.stringContaining('Sender name is required.'));
    expect(screen.getByLabelText('Subject')).toHaveAccessibleDescription(expect.stringContaining('The subject uses an unknown token.'));
    await userEvent.click(within(summary).getByRole('button', { name: 'Sender name' }));
    expect(sender).toHaveFocus();
  });

  it('says "1 problem", never "1 problem(s)"', async () => {
    renderEditor([problem('senderName', 'Sender name is required.')]);
    expect(await screen.findByText('1 problem to fix before this can be sent')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('(s)');
  });
});

describe('email preview widths', () => {
  it('switches the sandboxed preview between desktop and phone widths', async () => {
    renderEditor([]);
    const frame = await screen.findByTitle('Email preview, desktop width');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame.style.width).toBe('1024px');
    const phone = screen.getByRole('button', { name: 'Phone (375 px)' });
    expect(phone).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(phone);
    expect(phone).toHaveAttribute('aria-pressed', 'true');
    const narrow = screen.getByTitle('Email preview, phone width');
    expect(narrow.style.width).toBe('375px');
    expect(narrow).toHaveAttribute('sandbox', '');
  });
});
