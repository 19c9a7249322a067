import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../../gql';
import { renderWithProviders } from '../../../test/render';
import { AuditRow, AuditRow_entry } from './AuditRow';
import { auditDiff, lineDiff } from './audit-diff';
import { actionLabel, auditSentenceText, type AuditEntryWords } from './audit-words';

const entry = (over: Partial<AuditEntryWords>): AuditEntryWords => ({
  actorType: 'USER',
  actorLabel: 'ada@example.com',
  actorName: 'Ada',
  action: 'trigger.create',
  targetType: 'Trigger',
  targetId: '7d1e8a3c-0000-4000-8000-000000000001',
  targetName: 'Cart abandoned',
  details: {},
  ...over,
});

describe('audit entries as sentences', () => {
  it('names the actor, the verb and the object with its name at the time', () => {
    expect(auditSentenceText(entry({}))).toBe('Ada created trigger “Cart abandoned”');
    expect(auditSentenceText(entry({ actorName: null }))).toBe('ada@example.com created trigger “Cart abandoned”');
    expect(auditSentenceText(entry({ action: 'trigger.hide' }))).toBe('Ada hid trigger “Cart abandoned”');
    expect(
      auditSentenceText(entry({ actorType: 'API_KEY', actorLabel: 'ERP (flr_abc)', actorName: null, action: 'journey.publish', targetType: 'Journey', targetName: 'Welcome' })),
    ).toBe('API key ERP (flr_abc) published journey “Welcome”');
    expect(auditSentenceText(entry({ actorType: 'SYSTEM', actorLabel: 'Flare', actorName: null, action: 'trigger.ready' }))).toBe(
      'Flare marked ready to use trigger “Cart abandoned”',
    );
    expect(auditSentenceText(entry({ action: 'content.create', targetType: 'Content', targetName: 'Reminder', details: { channel: 'TEXT' } }))).toBe(
      'Ada created text message “Reminder”',
    );
    expect(auditSentenceText(entry({ action: 'member.roleChange', targetType: 'Membership', targetName: 'Grace' }))).toBe('Ada changed the role of member “Grace”');
    expect(auditSentenceText(entry({ action: 'session.signIn', targetType: 'User' }))).toBe('Ada signed in');
    // Customers are never named in the log.
    expect(auditSentenceText(entry({ action: 'customer.erase', targetType: 'Customer', targetName: null }))).toBe('Ada erased a customer');
    expect(auditSentenceText(entry({ action: 'channelPolicy.quietHours', targetType: 'Channel', targetId: 'EMAIL', targetName: null }))).toBe(
      'Ada changed the quiet hours of channel “Email”',
    );
  });

  it('shows a failed sign-in as someone trying, with the address they typed', () => {
    const failed = entry({
      actorType: 'SYSTEM',
      actorLabel: 'Flare',
      actorName: null,
      action: 'user.signInFailed',
      targetType: 'User',
      targetName: 'Ada',
      details: { email: 'ada@example.com', reason: 'WRONG_PASSWORD', ip: '10.0.0.1' },
    });
    expect(auditSentenceText(failed)).toBe('Someone tried to sign in as “ada@example.com” (wrong password)');
    expect(auditSentenceText({ ...failed, action: 'user.sign_in_failed' })).toBe('Someone tried to sign in as “ada@example.com” (wrong password)');
    expect(actionLabel('user.signInFailed', 'User')).toBe('Failed sign-in');
  });

  it('says what people did to their own account, and what an admin did to someone else’s', () => {
    const own = entry({ actorId: 'u1', targetId: 'u1', targetType: 'User', targetName: 'Ada' });
    expect(auditSentenceText({ ...own, action: 'user.passwordChange' })).toBe('Ada changed their password');
    expect(auditSentenceText({ ...own, action: 'user.passwordResetRequest' })).toBe('Ada asked for a password reset');
    expect(auditSentenceText({ ...own, action: 'user.passwordResetRequest', targetId: 'u2', targetName: 'Grace' })).toBe('Ada created a password reset link for user “Grace”');
    expect(auditSentenceText(entry({ action: 'invitation.revoke', targetType: 'Invitation', targetName: 'grace@example.com' }))).toBe(
      'Ada revoked an invitation for “grace@example.com”',
    );
  });

  it('still reads well for an action it does not know', () => {
    expect(auditSentenceText(entry({ action: 'user.passwordResetRequested', targetType: 'User', targetName: 'Ada' }))).toBe('Ada: user password reset requested — user “Ada”');
    expect(auditSentenceText(entry({ action: 'report.schedule_export', targetType: 'ScheduledReport', targetName: 'Weekly' }))).toBe(
      'Ada: report schedule export — scheduled report “Weekly”',
    );
    expect(actionLabel('report.schedule_export', 'ScheduledReport')).toBe('Report schedule export (scheduled report)');
    expect(actionLabel('trigger.create', 'Trigger')).toBe('Created (trigger)');
  });
});

describe('audit details as a readable diff', () => {
  it('shows changed fields as before → after, lists as added and removed lines, and other details as facts', () => {
    expect(
      auditDiff({ changes: { name: { before: 'Cart', after: 'Cart v2' }, subject: { before: null, after: 'Hi' } }, state: 'DRAFT', revision: 2 }, { action: 'content.update' }),
    ).toEqual([
      { kind: 'change', field: 'Name', before: 'Cart', after: 'Cart v2' },
      { kind: 'change', field: 'Subject', before: '(empty)', after: 'Hi' },
      { kind: 'fact', field: 'State', value: 'DRAFT' },
      { kind: 'fact', field: 'Revision', value: '2' },
    ]);
    expect(auditDiff({ from: ['https://a.example', 'https://b.example'], to: ['https://b.example', 'https://c.example'] }, { action: 'ingestionKey.origins' })).toEqual([
      {
        kind: 'lines',
        field: 'Allowed origins',
        lines: [
          { kind: 'removed', text: 'https://a.example' },
          { kind: 'added', text: 'https://c.example' },
        ],
      },
    ]);
    expect(auditDiff({ from: 'MARKETER', to: 'ADMIN' }, { action: 'member.roleChange' })).toEqual([{ kind: 'change', field: 'Role', before: 'MARKETER', after: 'ADMIN' }]);
    expect(auditDiff({ version: 3, breaking: false, changes: ['Added attribute “coupon”'] })).toEqual([
      { kind: 'lines', field: 'Changes', lines: [{ kind: 'same', text: 'Added attribute “coupon”' }] },
      { kind: 'fact', field: 'Version', value: '3' },
      { kind: 'fact', field: 'Breaking', value: 'No' },
    ]);
    expect(auditDiff({ settings: { host: 'smtp.example', port: 25 } })).toEqual([{ kind: 'fact', field: 'Settings', value: 'Host: smtp.example; Port: 25' }]);
  });

  it('diffs long text line by line, keeping unchanged lines', () => {
    expect(lineDiff(['<p>Hi</p>', '<p>Old</p>', '<p>Bye</p>'], ['<p>Hi</p>', '<p>New</p>', '<p>Bye</p>'])).toEqual([
      { kind: 'same', text: '<p>Hi</p>' },
      { kind: 'added', text: '<p>New</p>' },
      { kind: 'removed', text: '<p>Old</p>' },
      { kind: 'same', text: '<p>Bye</p>' },
    ]);
  });

  it('renders the diff in the row as text with insertions and deletions, never raw JSON', () => {
    const data = makeFragmentData(
      {
        id: 'e1',
        createdAt: '2026-11-22T10:00:00.000Z',
        actorType: 'USER',
        actorId: 'u1',
        actorLabel: 'ada@example.com',
        actorName: 'Ada',
        action: 'content.update',
        targetType: 'Content',
        targetId: 'c1',
        targetName: 'Cart v2',
        details: { changes: { name: { before: 'Cart', after: 'Cart v2' }, htmlBody: { before: '<p>Hi</p>\n<p>Old</p>', after: '<p>Hi</p>\n<p>New</p>' } }, revision: 2 },
      },
      AuditRow_entry,
    );
    const { container } = renderWithProviders(
      <ul>
        <AuditRow entry={data} />
      </ul>,
    );
    const row = container.querySelector('li')!;
    expect(row.textContent).toContain('Ada updated content “Cart v2”');
    const name = screen.getByText('Name').nextSibling as HTMLElement;
    expect(within(name).getByText('Cart').tagName).toBe('DEL');
    expect(within(name).getByText('Cart v2').tagName).toBe('INS');
    expect(screen.getByText('+ <p>New</p>').tagName).toBe('INS');
    expect(screen.getByText('− <p>Old</p>').tagName).toBe('DEL');
    expect(container.querySelector('p')).toBeNull();
    expect(row.textContent).not.toContain('{');
  });
});
