import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CreateApiKeyDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';

const SECRET = 'flr_abcdefgh_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

describe('CreateApiKeyDialog', () => {
  it('creates a key with the chosen scopes and shows the secret once', async () => {
    const onClose = vi.fn();
    renderWithProviders(<CreateApiKeyDialog open onClose={onClose} />, [
      {
        request: { query: CreateApiKeyDocument, variables: { input: { label: 'CRM sync', scopes: ['TRIGGERS_READ', 'EVENTS_READ'] } } },
        result: {
          data: {
            createApiKey: {
              __typename: 'CreateApiKeyPayload',
              secret: SECRET,
              apiKey: {
                __typename: 'ApiKey',
                id: 'k1',
                label: 'CRM sync',
                prefix: 'flr_abcdefgh',
                scopes: ['TRIGGERS_READ', 'EVENTS_READ'],
                createdAt: '2026-11-22T10:00:00.000Z',
                lastUsedAt: null,
                revokedAt: null,
              },
            },
          },
        },
      },
    ]);
    const create = screen.getByRole('button', { name: 'Create key' });
    expect(create).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/Label/), 'CRM sync');
    await userEvent.click(screen.getByLabelText(/events:read/));
    await userEvent.click(create);
    expect(await screen.findByLabelText('API key secret')).toHaveValue(SECRET);
    expect(screen.getByText(/only time the key is shown/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('refuses to submit without a scope', async () => {
    renderWithProviders(<CreateApiKeyDialog open onClose={() => {}} />);
    await userEvent.type(screen.getByLabelText(/Label/), 'No scopes');
    await userEvent.click(screen.getByLabelText(/triggers:read/));
    expect(screen.getByText('Choose at least one scope.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create key' })).toBeDisabled();
  });
});
