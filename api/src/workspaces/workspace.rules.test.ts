import { describe, expect, it } from 'vitest';
import { Role } from '../auth/permissions.js';
import { invitationChangeProblem, invitationState, lastAdminProblem } from './workspace.rules.js';

describe('lastAdminProblem', () => {
  it('refuses demoting or removing the only admin', () => {
    expect(lastAdminProblem(Role.ADMIN, Role.VIEWER, 1)).toBe('LAST_ADMIN');
    expect(lastAdminProblem(Role.ADMIN, 'REMOVED', 1)).toBe('LAST_ADMIN');
  });

  it('allows it when another admin remains, or when the member is not an admin', () => {
    expect(lastAdminProblem(Role.ADMIN, Role.VIEWER, 2)).toBeNull();
    expect(lastAdminProblem(Role.MARKETER, 'REMOVED', 1)).toBeNull();
    expect(lastAdminProblem(Role.ADMIN, Role.ADMIN, 1)).toBeNull();
  });
});

describe('invitationState', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  const open = { acceptedAt: null, revokedAt: null, expiresAt: new Date('2026-01-11T00:00:00Z') };
  it('tells an open link from an unknown, used, revoked or expired one', () => {
    expect(invitationState(open, now)).toBe('VALID');
    expect(invitationState(null, now)).toBe('UNKNOWN');
    expect(invitationState({ ...open, acceptedAt: now }, now)).toBe('USED');
    expect(invitationState({ ...open, revokedAt: now }, now)).toBe('REVOKED');
    expect(invitationState({ ...open, expiresAt: now }, now)).toBe('EXPIRED');
  });
  it('reports a used link as used even when it was revoked or has expired since', () => {
    expect(invitationState({ acceptedAt: now, revokedAt: now, expiresAt: new Date(0) }, now)).toBe('USED');
    expect(invitationState({ acceptedAt: null, revokedAt: now, expiresAt: new Date(0) }, now)).toBe('REVOKED');
  });
});

describe('invitationChangeProblem', () => {
  it('resends or revokes open and expired invitations only', () => {
    expect(invitationChangeProblem('VALID')).toBeNull();
    expect(invitationChangeProblem('EXPIRED')).toBeNull();
    expect(invitationChangeProblem('USED')).toBe('INVITATION_ACCEPTED');
    expect(invitationChangeProblem('REVOKED')).toBe('INVITATION_REVOKED');
    expect(invitationChangeProblem('UNKNOWN')).toBe('INVITATION_NOT_FOUND');
  });
});
