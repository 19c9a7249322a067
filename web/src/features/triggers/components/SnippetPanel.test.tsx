import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreateIngestionKeyDocument, IngestionKeysDocument, TriggerSnippetDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { SnippetPanel } from './SnippetPanel';

const SECRET = 'fik_Nw0key00_s3cretS3cretS3cretS3cret99';
const key = (id: string, prefix: string, label: string) => ({ __typename: 'IngestionKey', id, label, prefix, state: 'ACTIVE', allowedOrigins: [] as string[] });
const OLD = key('k0', 'fik_0ldkey00', 'Old site');
const NEW = key('k1', 'fik_Nw0key00', 'Web site');

const keys = (list: ReturnType<typeof key>[]) => ({ request: { query: IngestionKeysDocument }, result: { data: { ingestionKeys: list } } });
const snippet = (keyId: string, secret: string | null, code: string) => ({
  request: { query: TriggerSnippetDocument, variables: { id: 't1', language: 'JAVASCRIPT', keyId, secret } },
  result: {
    data: {
      trigger: {
        __typename: 'Trigger',
        id: 't1',
        snippet: { __typename: 'Snippet', filename: 'flare-cart.js', code, instructions: 'Load this script.', securityAdvice: ['Protect the key.'], keyIncluded: Boolean(secret) },
      },
    },
  },
});
const createKey = {
  request: { query: CreateIngestionKeyDocument, variables: { input: { label: 'Web site', allowedOrigins: [] } } },
  result: { data: { createIngestionKey: { __typename: 'IngestionKeySecretPayload', secret: SECRET, ingestionKey: NEW } } },
};

let copied: string[];
beforeEach(() => {
  copied = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async (text: string) => void copied.push(text)) } });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('SnippetPanel', () => {
  it('copies code holding the key just created, never the placeholder of the key shown before', async () => {
    renderWithProviders(<SnippetPanel triggerId="t1" canManageKeys />, [
      keys([OLD]),
      snippet('k0', null, 'var FLARE_INGESTION_KEY = "fik_0ldkey00_PASTE-THE-REST-OF-THE-KEY";'),
      createKey,
      keys([NEW, OLD]),
      snippet('k1', SECRET, `var FLARE_INGESTION_KEY = "${SECRET}";`),
    ]);
    // An existing key: its secret is not retrievable, so the code says where it goes, and so does the page.
    expect(await screen.findByText(/PASTE-THE-REST-OF-THE-KEY";/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('Add the key yourself')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Create a new key' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Snippet code' })).toHaveTextContent(SECRET), { timeout: 5000 });
    expect(screen.getByRole('textbox', { name: 'Ingestion key secret' })).toHaveValue(SECRET);
    expect(screen.queryByText('Add the key yourself')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(copied).toHaveLength(1), { timeout: 5000 });
    expect(copied[0]).toContain(SECRET);
    expect(copied[0]).not.toContain('PASTE-THE-REST');
  });

  it('offers creating a key at once when the workspace has none', async () => {
    renderWithProviders(<SnippetPanel triggerId="t1" canManageKeys />, [keys([]), createKey, keys([NEW]), snippet('k1', SECRET, `key = "${SECRET}"`)]);
    expect(await screen.findByText(/No ingestion key yet/, {}, { timeout: 5000 })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Snippet code' })).toHaveTextContent(SECRET), { timeout: 5000 });
  });

  it('tells a member without the key permission who can set it up, with no key controls', () => {
    renderWithProviders(<SnippetPanel triggerId="t1" canManageKeys={false} />);
    expect(screen.getByText('A developer or admin sets up the key')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Create/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Ingestion key' })).not.toBeInTheDocument();
  });
});
