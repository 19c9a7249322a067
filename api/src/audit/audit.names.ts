import type { EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the readable name of each kind of audited object lives; `$1` is the object id, `$2` the workspace. */
const NAME_SQL: Record<string, string> = {
  Trigger: 'SELECT title AS name FROM triggers WHERE id = $1 AND workspace_id = $2',
  Journey: 'SELECT name FROM journeys WHERE id = $1 AND workspace_id = $2',
  Content: 'SELECT name FROM content_items WHERE id = $1 AND workspace_id = $2',
  ApiKey: 'SELECT label AS name FROM api_keys WHERE id = $1 AND workspace_id = $2',
  IngestionKey: 'SELECT label AS name FROM ingestion_keys WHERE id = $1 AND workspace_id = $2',
  Invitation: 'SELECT email AS name FROM invitations WHERE id = $1 AND workspace_id = $2',
  Workspace: 'SELECT name FROM workspaces WHERE id = $1 AND id = $2',
  Membership: `SELECT coalesce(nullif(u.name, ''), u.email) AS name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = $1 AND m.workspace_id = $2`,
};
const USER_NAME_SQL = `SELECT coalesce(nullif(name, ''), email) AS name FROM users WHERE id = $1`;

/** Keys of `details` that already name the object, in order of preference (for entries written before names were kept). */
export const NAME_KEYS = ['name', 'title', 'label', 'email'] as const;

/**
 * The object's name as it is at the time of the entry, read inside the writing transaction. Customers are never
 * named: the log is append-only and outlives erasure. Objects named by their id (channels, fields) keep the id.
 */
export async function targetNameAt(
  manager: EntityManager,
  workspaceId: string,
  targetType: string,
  targetId: string | null,
  details: Record<string, unknown>,
): Promise<string | null> {
  if (targetType === 'Customer') return null;
  if (targetId && UUID.test(targetId)) {
    const sql = targetType === 'User' ? USER_NAME_SQL : NAME_SQL[targetType];
    if (sql) {
      const rows: { name: string | null }[] = await manager.query(sql, targetType === 'User' ? [targetId] : [targetId, workspaceId]);
      if (rows[0]?.name) return rows[0].name;
    }
  }
  // A removed membership is gone by now; its user is not.
  if (typeof details.userId === 'string' && UUID.test(details.userId)) {
    const rows: { name: string | null }[] = await manager.query(USER_NAME_SQL, [details.userId]);
    if (rows[0]?.name) return rows[0].name;
  }
  return nameFromDetails(details);
}

export function nameFromDetails(details: Record<string, unknown>): string | null {
  for (const key of NAME_KEYS) {
    const value = details[key];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}
