import type { Role } from '../../../gql/graphql';

export const ROLES: { value: Role; label: string; help: string }[] = [
  { value: 'ADMIN', label: 'Admin', help: 'everything, including members, keys and audit log' },
  { value: 'MARKETER', label: 'Marketer', help: 'triggers, journeys and content' },
  { value: 'DEVELOPER', label: 'Developer', help: 'triggers and their integration' },
  { value: 'VIEWER', label: 'Viewer', help: 'read only' },
];
