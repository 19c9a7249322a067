import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../../gql';
import { renderWithProviders } from '../../../test/render';
import { AuditRow, AuditRow_entry } from './AuditRow';
import { ApiKeyRow, ApiKeyRow_apiKey } from './ApiKeyRow';

const hostile = '<img src=x onerror="window.pwned=1">';

describe('user-supplied values render as text', () => {
  it('shows audit names and details verbatim, never as markup', () => {
    const entry = makeFragmentData(
      {
        id: 'a1',
        createdAt: '2026-11-22T10:00:00.000Z',
        actorType: 'USER',
        actorId: 'u1',
        actorLabel: 'ada@example.com',
        actorName: hostile,
        action: 'apiKey.create',
        targetType: 'ApiKey',
        targetId: 'k1',
        targetName: hostile,
        details: { label: hostile, prefix: hostile },
      },
      AuditRow_entry,
    );
    const { container } = renderWithProviders(
      <ul>
        <AuditRow entry={entry} />
      </ul>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('li')!.textContent).toContain(`${hostile} created API key “${hostile}”`);
    // The label equals the name the sentence shows, so only the prefix is listed below it.
    expect(screen.getByText('Prefix').nextSibling!.textContent).toBe(hostile);
    expect(screen.queryByText('Label')).toBeNull();
  });

  it('shows API key labels verbatim', () => {
    const key = makeFragmentData(
      { id: 'k1', label: hostile, prefix: 'flr_abcdefgh', scopes: ['TRIGGERS_READ'], createdAt: '2026-11-22T10:00:00.000Z', lastUsedAt: null, revokedAt: null },
      ApiKeyRow_apiKey,
    );
    const { container } = renderWithProviders(
      <table>
        <tbody>
          <ApiKeyRow apiKey={key} onRevoke={() => {}} />
        </tbody>
      </table>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(hostile)).toBeInTheDocument();
    expect(screen.getByText('Never')).toBeInTheDocument();
  });
});
