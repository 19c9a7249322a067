import { registerEnumType } from 'type-graphql';

/** Roles a member holds in a workspace. */
export enum Role {
  ADMIN = 'ADMIN',
  MARKETER = 'MARKETER',
  DEVELOPER = 'DEVELOPER',
  VIEWER = 'VIEWER',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'A member’s role in a workspace; decides which operations they may run.',
  valuesConfig: {
    ADMIN: { description: 'Everything, including members, API keys and the audit log.' },
    MARKETER: { description: 'Defines triggers, builds and publishes journeys and content.' },
    DEVELOPER: { description: 'Defines triggers and integrates them (keys, snippets, events); reads journeys.' },
    VIEWER: { description: 'Reads everything in the workspace, changes nothing.' },
  },
});

/** Scopes a partner API key can carry. */
export enum ApiKeyScope {
  TRIGGERS_READ = 'triggers:read',
  TRIGGERS_WRITE = 'triggers:write',
  JOURNEYS_READ = 'journeys:read',
  JOURNEYS_WRITE = 'journeys:write',
  EVENTS_READ = 'events:read',
  AUDIT_READ = 'audit:read',
  CUSTOMERS_READ = 'customers:read',
  CUSTOMERS_WRITE = 'customers:write',
}
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What a partner API key may do. Values are sent and shown as `triggers:read` style strings in docs.',
  valuesConfig: {
    TRIGGERS_READ: { description: 'Read trigger definitions, versions and verification status (`triggers:read`).' },
    TRIGGERS_WRITE: { description: 'Create, edit and hide triggers (`triggers:write`); includes `triggers:read`.' },
    JOURNEYS_READ: { description: 'Read journeys and content (`journeys:read`).' },
    JOURNEYS_WRITE: { description: 'Create, edit, publish and stop journeys and content (`journeys:write`); includes `journeys:read`.' },
    EVENTS_READ: { description: 'Read and subscribe to the live event stream (`events:read`).' },
    AUDIT_READ: { description: 'Read and stream the workspace audit log, e.g. into a SIEM (`audit:read`).' },
    CUSTOMERS_READ: { description: 'Read customers, their consent, devices and timelines (`customers:read`).' },
    CUSTOMERS_WRITE: { description: 'Create, update, import and erase customers and change their consent (`customers:write`); includes `customers:read`.' },
  },
});

/** Fine-grained permissions checked by `@Authorized(...)`. Roles and scopes map onto them. */
export type Permission = 'workspace:read' | 'workspace:manage' | 'members:manage' | 'apiKeys:manage' | 'ingestionKeys:manage' | ApiKeyScope;

const CONTENT_SCOPES = [
  ApiKeyScope.TRIGGERS_READ,
  ApiKeyScope.TRIGGERS_WRITE,
  ApiKeyScope.JOURNEYS_READ,
  ApiKeyScope.JOURNEYS_WRITE,
  ApiKeyScope.EVENTS_READ,
  ApiKeyScope.CUSTOMERS_READ,
  ApiKeyScope.CUSTOMERS_WRITE,
];

export function permissionsForRole(role: Role): ReadonlySet<Permission> {
  switch (role) {
    case Role.ADMIN:
      return new Set<Permission>(['workspace:read', 'workspace:manage', 'members:manage', 'apiKeys:manage', 'ingestionKeys:manage', ApiKeyScope.AUDIT_READ, ...CONTENT_SCOPES]);
    case Role.MARKETER:
      return new Set<Permission>(['workspace:read', ...CONTENT_SCOPES]);
    case Role.DEVELOPER:
      return new Set<Permission>([
        'workspace:read',
        'ingestionKeys:manage',
        ApiKeyScope.TRIGGERS_READ,
        ApiKeyScope.TRIGGERS_WRITE,
        ApiKeyScope.JOURNEYS_READ,
        ApiKeyScope.EVENTS_READ,
        ApiKeyScope.CUSTOMERS_READ,
      ]);
    case Role.VIEWER:
      return new Set<Permission>(['workspace:read', ApiKeyScope.TRIGGERS_READ, ApiKeyScope.JOURNEYS_READ, ApiKeyScope.EVENTS_READ, ApiKeyScope.CUSTOMERS_READ]);
  }
}

/** A write scope reads what it writes: a key that creates a journey can read it back. */
const IMPLIED_SCOPES: Partial<Record<ApiKeyScope, ApiKeyScope>> = {
  [ApiKeyScope.TRIGGERS_WRITE]: ApiKeyScope.TRIGGERS_READ,
  [ApiKeyScope.JOURNEYS_WRITE]: ApiKeyScope.JOURNEYS_READ,
  [ApiKeyScope.CUSTOMERS_WRITE]: ApiKeyScope.CUSTOMERS_READ,
};

/** A key sees its workspace and does what its scopes say; it never manages members, keys or audit. */
export function permissionsForScopes(scopes: readonly ApiKeyScope[]): ReadonlySet<Permission> {
  const implied = scopes.flatMap((scope) => IMPLIED_SCOPES[scope] ?? []);
  return new Set<Permission>(['workspace:read', ...scopes, ...implied]);
}
