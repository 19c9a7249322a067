import { describe, expect, it } from 'vitest';
import { auditSentenceText, type AuditEntryWords } from './audit-words';

/** The entries invitations, passwords and sign-ins write (api/src/accounts, api/src/workspaces), as the audit log reads them. */
const entry = (over: Partial<AuditEntryWords>): AuditEntryWords => ({
  actorType: 'USER',
  actorLabel: 'ada@example.com',
  actorName: 'Ada',
  action: 'user.passwordChange',
  targetType: 'User',
  targetId: 'u1',
  targetName: 'Ada',
  details: {},
  ...over,
});

describe('account entries in words', () => {
  it('reads password changes, reset links and resets', () => {
    expect(auditSentenceText(entry({}))).toBe('Ada changed the password of user “Ada”');
    expect(auditSentenceText(entry({ actorType: 'SYSTEM', actorLabel: 'Flare', actorName: null, action: 'user.passwordResetRequest', details: { via: 'EMAIL' } }))).toBe(
      'Flare created a password reset link for user “Ada”',
    );
    expect(auditSentenceText(entry({ actorLabel: 'bob@example.com', actorName: 'Bob', action: 'user.passwordResetRequest', details: { via: 'ADMIN_LINK' } }))).toBe(
      'Bob created a password reset link for user “Ada”',
    );
    expect(auditSentenceText(entry({ action: 'user.passwordReset' }))).toBe('Ada reset the password of user “Ada”');
  });

  it('reads failed sign-ins, resent and revoked invitations', () => {
    expect(
      auditSentenceText(
        entry({ actorType: 'SYSTEM', actorLabel: 'Flare', actorName: null, action: 'user.signInFailed', details: { email: 'ada@example.com', reason: 'WRONG_PASSWORD' } }),
      ),
    ).toBe('Someone tried to sign in as “ada@example.com” (wrong password)');
    expect(auditSentenceText(entry({ action: 'invitation.resend', targetType: 'Invitation', targetName: 'new@example.com' }))).toBe(
      'Ada resent an invitation for “new@example.com”',
    );
    expect(auditSentenceText(entry({ action: 'invitation.revoke', targetType: 'Invitation', targetName: 'new@example.com' }))).toBe(
      'Ada revoked an invitation for “new@example.com”',
    );
  });
});
