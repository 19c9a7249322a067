import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import { ErrorState, sectionOf } from './AsyncState';

const notFoundError = new CombinedGraphQLErrors({
  data: null,
  errors: [{ message: 'Trigger 7 was not found.', extensions: { code: 'NOT_FOUND', reason: 'TRIGGER_NOT_FOUND' } }],
});

describe('ErrorState', () => {
  it('shows a dead link as not found, with the way back to its section and no Retry', () => {
    renderWithProviders(<ErrorState error={notFoundError} onRetry={() => {}} title="Could not load this trigger" />, [], '/triggers/7');
    expect(screen.getByText('This trigger does not exist')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the trigger catalog' })).toHaveAttribute('href', '/triggers');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByText('Could not load this trigger')).toBeNull();
  });

  it('leads a missing run back to the journeys and to the catalog', () => {
    renderWithProviders(<ErrorState error={notFoundError} />, [], '/journeys/1/runs/2');
    expect(screen.getByText('This journey does not exist')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the journeys' })).toHaveAttribute('href', '/journeys');
    expect(screen.getByRole('link', { name: 'Go to the trigger catalog' })).toHaveAttribute('href', '/triggers');
  });

  it('keeps Retry for other failures', () => {
    const failure = new CombinedGraphQLErrors({ data: null, errors: [{ message: 'The database is unavailable.', extensions: { code: 'UNAVAILABLE' } }] });
    renderWithProviders(<ErrorState error={failure} onRetry={() => {}} title="Could not load this trigger" />, [], '/triggers/7');
    expect(screen.getByText('Could not load this trigger')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});

describe('sectionOf', () => {
  it('knows the sections and nothing else', () => {
    expect(sectionOf('/content/9')).toMatchObject({ path: '/content', what: 'content item' });
    expect(sectionOf('/nowhere/9')).toBeNull();
    expect(sectionOf('/')).toBeNull();
  });
});
