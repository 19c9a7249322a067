import { describe, expect, it } from 'vitest';
import { ApiKeyScope, permissionsForRole, permissionsForScopes, Role } from './permissions.js';

describe('permissions', () => {
  it('gives only admins member, key and audit management', () => {
    for (const role of Object.values(Role)) {
      const perms = permissionsForRole(role);
      const admin = role === Role.ADMIN;
      expect(perms.has('members:manage')).toBe(admin);
      expect(perms.has('apiKeys:manage')).toBe(admin);
      expect(perms.has(ApiKeyScope.AUDIT_READ)).toBe(admin);
      expect(perms.has('workspace:read')).toBe(true);
    }
  });

  it('lets viewers read but never write', () => {
    const perms = permissionsForRole(Role.VIEWER);
    expect(perms.has(ApiKeyScope.TRIGGERS_READ)).toBe(true);
    expect(perms.has(ApiKeyScope.TRIGGERS_WRITE)).toBe(false);
    expect(perms.has(ApiKeyScope.JOURNEYS_WRITE)).toBe(false);
  });

  it('lets developers write triggers but not journeys', () => {
    const perms = permissionsForRole(Role.DEVELOPER);
    expect(perms.has(ApiKeyScope.TRIGGERS_WRITE)).toBe(true);
    expect(perms.has(ApiKeyScope.JOURNEYS_WRITE)).toBe(false);
  });

  it('limits API keys to their scopes', () => {
    const perms = permissionsForScopes([ApiKeyScope.TRIGGERS_READ]);
    expect([...perms].sort()).toEqual(['triggers:read', 'workspace:read']);
    expect(permissionsForScopes([ApiKeyScope.AUDIT_READ]).has(ApiKeyScope.AUDIT_READ)).toBe(true);
  });

  it('lets a write scope read what it writes, and nothing more', () => {
    expect([...permissionsForScopes([ApiKeyScope.JOURNEYS_WRITE])].sort()).toEqual(['journeys:read', 'journeys:write', 'workspace:read']);
    expect([...permissionsForScopes([ApiKeyScope.TRIGGERS_WRITE])].sort()).toEqual(['triggers:read', 'triggers:write', 'workspace:read']);
  });
});
