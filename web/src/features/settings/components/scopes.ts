import type { ApiKeyScope } from '../../../gql/graphql';

/** Scopes as partners read them in docs and logs. */
export const SCOPES: { value: ApiKeyScope; label: string; help: string }[] = [
  { value: 'TRIGGERS_READ', label: 'triggers:read', help: 'Read trigger definitions and status' },
  { value: 'TRIGGERS_WRITE', label: 'triggers:write', help: 'Create, edit and hide triggers (includes read)' },
  { value: 'JOURNEYS_READ', label: 'journeys:read', help: 'Read journeys and content' },
  { value: 'JOURNEYS_WRITE', label: 'journeys:write', help: 'Build, publish and stop journeys and content (includes read)' },
  { value: 'EVENTS_READ', label: 'events:read', help: 'Read and subscribe to the live event stream' },
  { value: 'AUDIT_READ', label: 'audit:read', help: 'Read and stream the audit log (e.g. for a SIEM)' },
  { value: 'CUSTOMERS_READ', label: 'customers:read', help: 'Read customers, consent and timelines' },
  { value: 'CUSTOMERS_WRITE', label: 'customers:write', help: 'Create, import, update and erase customers and consent (includes read)' },
];

export const scopeLabel = (scope: ApiKeyScope) => SCOPES.find((s) => s.value === scope)?.label ?? scope;
