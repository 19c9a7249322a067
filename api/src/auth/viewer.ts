import { forbidden } from '../graphql/errors.js';
import type { ApiKeyScope, Permission, Role } from './permissions.js';

type ViewerBase = {
  /** Workspace every query and mutation is scoped to; null only for a user who belongs to none. */
  workspaceId: string | null;
  permissions: ReadonlySet<Permission>;
};

export type UserViewer = ViewerBase & {
  kind: 'USER';
  userId: string;
  email: string;
  sessionId: string;
  role: Role | null;
};

export type ApiKeyViewer = ViewerBase & {
  kind: 'API_KEY';
  apiKeyId: string;
  label: string;
  prefix: string;
  scopes: readonly ApiKeyScope[];
  workspaceId: string;
};

/** Who is asking: a signed-in user (cookie session) or a partner API key (bearer). */
export type Viewer = UserViewer | ApiKeyViewer;

/** The workspace to scope a query to; refuses viewers without one. */
export function workspaceOf(viewer: Viewer): string {
  if (!viewer.workspaceId) throw forbidden('You do not belong to a workspace yet. Create one first.', { reason: 'NO_WORKSPACE' });
  return viewer.workspaceId;
}

/** Rate limits, socket revocation and the audit log key on this. */
export function credentialIdOf(viewer: Viewer): string {
  return viewer.kind === 'USER' ? `session:${viewer.sessionId}` : `key:${viewer.apiKeyId}`;
}

export function actorOf(viewer: Viewer): { actorType: 'USER' | 'API_KEY'; actorId: string; actorLabel: string } {
  return viewer.kind === 'USER'
    ? { actorType: 'USER', actorId: viewer.userId, actorLabel: viewer.email }
    : { actorType: 'API_KEY', actorId: viewer.apiKeyId, actorLabel: `${viewer.label} (${viewer.prefix})` };
}

export function requireUser(viewer: Viewer): UserViewer {
  if (viewer.kind !== 'USER') throw forbidden('This operation needs a signed-in user, not an API key.', { reason: 'USER_REQUIRED' });
  return viewer;
}
