import type { AuditService } from '../audit/audit.service.js';
import type { Viewer } from '../auth/viewer.js';
import type { Tx } from '../db/transaction.js';
import { Membership } from '../workspaces/membership.entity.js';
import type { User } from './user.entity.js';

/** The user as the actor of an audit entry written before (or without) a session viewer. */
export const userActor = (user: Pick<User, 'id' | 'email'>, workspaceId: string | null): Viewer => ({
  kind: 'USER',
  userId: user.id,
  email: user.email,
  sessionId: '',
  workspaceId,
  role: null,
  permissions: new Set(),
});

/**
 * Account events (password changes and resets, failed sign-ins) concern every workspace the user belongs to:
 * one entry in each, so each workspace's admins see them. `actor` null writes a SYSTEM entry (Flare saw it happen,
 * nobody proved who they are). A user in no workspace leaves no entry: the audit log is per workspace.
 */
export async function auditForUser(
  tx: Tx,
  audit: AuditService,
  userId: string,
  actor: ((workspaceId: string) => Viewer) | null,
  record: { action: string; details: Record<string, unknown> },
): Promise<number> {
  const memberships = await tx.manager.getRepository(Membership).find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
  for (const m of memberships) {
    await audit.append(tx, actor ? actor(m.workspaceId) : null, {
      workspaceId: m.workspaceId,
      action: record.action,
      targetType: 'User',
      targetId: userId,
      details: record.details,
    });
  }
  return memberships.length;
}
