import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuditLogDocument, AuditLogFiltersDocument } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { AuditLogTab, auditFilterOf } from './AuditLogTab';

const filters = {
  data: {
    auditLogActions: [
      { __typename: 'AuditAction', action: 'trigger.create', targetType: 'Trigger' },
      { __typename: 'AuditAction', action: 'trigger.hide', targetType: 'Trigger' },
      { __typename: 'AuditAction', action: 'user.signInFailed', targetType: 'User' },
    ],
    members: {
      __typename: 'MembershipConnection',
      nodes: [{ __typename: 'Membership', id: 'm1', user: { __typename: 'User', id: 'u1', name: 'Ada', email: 'ada@example.com' } }],
    },
  },
};

const entry = (id: string, name: string) => ({
  __typename: 'AuditEntry',
  id,
  createdAt: '2026-03-01T10:00:00.000Z',
  actorType: 'USER',
  actorId: 'u1',
  actorLabel: 'ada@example.com',
  actorName: 'Ada',
  action: 'trigger.create',
  targetType: 'Trigger',
  targetId: id,
  targetName: name,
  details: {},
});

const page = (nodes: ReturnType<typeof entry>[]) => ({
  data: { auditLog: { __typename: 'AuditEntryConnection', totalCount: nodes.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes } },
});

const none = { actorId: null, targetType: null, action: null, from: null, to: null };

describe('AuditLogTab', () => {
  it('reads who, what and when from the address, asks the server for them, and clears them', async () => {
    const filtered = { actorId: 'u1', targetType: 'Trigger', action: null, from: new Date(2026, 2, 1).toISOString(), to: new Date(2026, 2, 3).toISOString() };
    renderWithProviders(
      <AuditLogTab />,
      [
        { request: { query: AuditLogFiltersDocument }, result: filters },
        { request: { query: AuditLogDocument, variables: { filter: filtered } }, result: page([entry('t1', 'Cart abandoned')]) },
        { request: { query: AuditLogDocument, variables: { filter: none } }, result: page([entry('t1', 'Cart abandoned'), entry('t2', 'Order placed')]) },
      ],
      '/settings/audit?who=u1&what=Trigger&from=2026-03-01&to=2026-03-02',
    );
    expect(await screen.findByText('1 entry', { exact: false })).toBeInTheDocument();
    expect(screen.getByText((_t, el) => el?.tagName === 'LI' && el.textContent.startsWith('Ada created trigger “Cart abandoned”'))).toBeInTheDocument();
    expect(await screen.findByRole('combobox', { name: 'Who' })).toHaveDisplayValue(/Ada/);
    expect(screen.getByRole('combobox', { name: 'What' })).toHaveDisplayValue('Triggers');
    expect(screen.getByLabelText('From')).toHaveValue('2026-03-01');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('2 entries', { exact: false })).toBeInTheDocument();
    expect(screen.getByLabelText('From')).toHaveValue('');
  });

  it('turns a day range into the instants that include both days, and ignores a malformed day', () => {
    const f = auditFilterOf(new URLSearchParams('from=2026-03-01&to=2026-03-01&action=trigger.hide'));
    expect(f).toEqual({ actorId: null, targetType: null, action: 'trigger.hide', from: new Date(2026, 2, 1).toISOString(), to: new Date(2026, 2, 2).toISOString() });
    expect(auditFilterOf(new URLSearchParams('from=yesterday')).from).toBeNull();
  });
});
