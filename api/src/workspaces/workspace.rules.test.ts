import { describe, expect, it } from 'vitest';
import { Role } from '../auth/permissions.js';
import { lastAdminProblem } from './workspace.rules.js';

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
