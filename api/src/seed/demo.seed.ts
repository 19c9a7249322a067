import { randomToken } from '../auth/secrets.js';
import { transact } from '../db/transaction.js';
import type { Services } from '../services.js';

export type SeedResult = { created: false } | { created: true; email: string; password: string; workspaceName: string };

/**
 * First start only (no users yet): an admin login and a demo workspace. Later starts change nothing.
 * The advisory lock keeps two processes starting together from both seeding.
 */
export async function seedDemo(services: Services): Promise<SeedResult> {
  const { config, dataSource, logger } = services;
  return transact(dataSource, logger, async (tx) => {
    await tx.manager.query('SELECT pg_advisory_xact_lock(7243001)');
    const [{ count }] = await tx.manager.query('SELECT count(*)::int AS count FROM users');
    if (count > 0) return { created: false };
    const password = config.adminPassword ?? randomToken(12);
    const admin = await services.accounts.createUser({ email: config.adminEmail, name: 'Demo Admin', password }, tx.manager);
    const workspaceName = 'Demo Workspace';
    const { workspace } = await services.workspaces.insertWorkspace(tx, workspaceName, admin.id);
    await services.audit.append(tx, null, { workspaceId: workspace.id, action: 'workspace.seed', targetType: 'Workspace', targetId: workspace.id, details: { admin: admin.email } });
    return { created: true, email: admin.email, password, workspaceName };
  });
}
