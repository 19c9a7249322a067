import { Role } from '../auth/permissions.js';

/**
 * A workspace must keep at least one ADMIN: refuse the change when it would demote or remove the last one.
 * Returns a reason code, or null when the change is allowed.
 */
export function lastAdminProblem(current: Role, next: Role | 'REMOVED', adminCount: number): 'LAST_ADMIN' | null {
  return current === Role.ADMIN && next !== Role.ADMIN && adminCount <= 1 ? 'LAST_ADMIN' : null;
}

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export type InvitationState = 'VALID' | 'UNKNOWN' | 'USED' | 'REVOKED' | 'EXPIRED';

/** Whether an invitation link can still be accepted, and if not, why (used first, then revoked, then expired). */
export function invitationState(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, now: Date): InvitationState {
  if (!invitation) return 'UNKNOWN';
  if (invitation.acceptedAt) return 'USED';
  if (invitation.revokedAt) return 'REVOKED';
  if (invitation.expiresAt <= now) return 'EXPIRED';
  return 'VALID';
}

/** Resending and revoking apply to invitations not yet accepted or revoked (an expired one may be resent or revoked). */
export function invitationChangeProblem(state: InvitationState): 'INVITATION_ACCEPTED' | 'INVITATION_REVOKED' | 'INVITATION_NOT_FOUND' | null {
  switch (state) {
    case 'USED':
      return 'INVITATION_ACCEPTED';
    case 'REVOKED':
      return 'INVITATION_REVOKED';
    case 'UNKNOWN':
      return 'INVITATION_NOT_FOUND';
    case 'EXPIRED':
    case 'VALID':
      return null;
  }
}
