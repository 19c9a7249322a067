import { Role } from '../auth/permissions.js';

/**
 * A workspace must keep at least one ADMIN: refuse the change when it would demote or remove the last one.
 * Returns a reason code, or null when the change is allowed.
 */
export function lastAdminProblem(current: Role, next: Role | 'REMOVED', adminCount: number): 'LAST_ADMIN' | null {
  return current === Role.ADMIN && next !== Role.ADMIN && adminCount <= 1 ? 'LAST_ADMIN' : null;
}

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
