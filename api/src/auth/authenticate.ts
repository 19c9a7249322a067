import type { DataSource } from 'typeorm';
import type { AuthFailures } from './auth-failures.js';
import { prefixOfSecret } from './prefixed-secret.js';
import { AppError, ErrorCode, forbidden, isId, unauthenticated } from '../graphql/errors.js';
import type { Clock } from '../ops/clock.js';
import { type ApiKeyScope, permissionsForRole, permissionsForScopes, type Role } from './permissions.js';
import { sameHash, sha256 } from './secrets.js';
import type { Viewer } from './viewer.js';

export const SESSION_COOKIE = 'flare_session';
export const WORKSPACE_HEADER = 'x-flare-workspace';

/** What a request or a WebSocket connection presents; both transports map onto this one shape. */
export type Credentials = {
  /** `Authorization: Bearer …` on HTTP, `connectionParams.authorization` on WebSocket. */
  bearer?: string;
  /** The session cookie, on HTTP or on the WebSocket upgrade request. */
  sessionToken?: string;
  /** Requested workspace (header or connectionParams); defaults to the user's first. */
  workspaceId?: string;
  /** Browser Origin, checked whenever a cookie is the credential. */
  origin?: string;
  /** The client's address (behind trusted proxies); failed key lookups are counted against it. */
  clientAddress?: string;
};

const LAST_USED_RESOLUTION_MS = 60_000;

/** The one place that turns credentials into a Viewer, for HTTP and WebSocket alike. */
export class Authenticator {
  constructor(private readonly deps: { dataSource: DataSource; clock: Clock; trustedOrigins: ReadonlySet<string>; authFailures: AuthFailures }) {}

  /** Null when nothing (or an expired session) is presented; throws for a bad key or a foreign origin. */
  async authenticate(credentials: Credentials): Promise<Viewer | null> {
    if (credentials.bearer !== undefined) return this.apiKeyViewerCounted(credentials.bearer, credentials.clientAddress ?? 'unknown');
    if (credentials.sessionToken) {
      if (credentials.origin && !this.deps.trustedOrigins.has(credentials.origin)) {
        throw forbidden(`Cookie sessions are not accepted from origin ${credentials.origin}.`, { reason: 'FOREIGN_ORIGIN' });
      }
      return this.sessionViewer(credentials.sessionToken, credentials.workspaceId);
    }
    return null;
  }

  /** An address over its failure budget is refused before the lookup; unknown and malformed keys count. */
  private async apiKeyViewerCounted(presented: string, address: string): Promise<Viewer> {
    const attempt = await this.deps.authFailures.begin(address, presented);
    try {
      const viewer = await this.apiKeyViewer(presented);
      attempt.succeeded();
      return viewer;
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === ErrorCode.UNAUTHENTICATED) attempt.failed();
      else attempt.succeeded();
      throw error;
    }
  }

  private async apiKeyViewer(presented: string): Promise<Viewer> {
    const prefix = prefixOfSecret('flr', presented);
    if (!prefix) throw unauthenticated('The API key is malformed. Keys look like flr_xxxxxxxx_… .');
    const now = this.deps.clock.now();
    const [row] = await this.deps.dataSource.query(
      `SELECT id, workspace_id, label, prefix, secret_hash, scopes, last_used_at
         FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL`,
      [prefix],
    );
    if (!row || !sameHash(row.secret_hash, sha256(presented))) throw unauthenticated('The API key is unknown or has been revoked.');
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
      await this.deps.dataSource.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [row.id, now]);
    }
    const scopes = row.scopes as ApiKeyScope[];
    return {
      kind: 'API_KEY',
      apiKeyId: row.id,
      label: row.label,
      prefix: row.prefix,
      scopes,
      workspaceId: row.workspace_id,
      permissions: permissionsForScopes(scopes),
    };
  }

  private async sessionViewer(token: string, requestedWorkspace: string | undefined): Promise<Viewer | null> {
    const [session] = await this.deps.dataSource.query(
      `SELECT s.id AS session_id, u.id AS user_id, u.email
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [sha256(token), this.deps.clock.now()],
    );
    if (!session) return null;
    const memberships: { workspace_id: string; role: Role }[] = await this.deps.dataSource.query(
      'SELECT workspace_id, role FROM memberships WHERE user_id = $1 ORDER BY created_at, id',
      [session.user_id],
    );
    let membership = memberships[0];
    if (requestedWorkspace) {
      membership = memberships.find((m) => m.workspace_id === requestedWorkspace)!;
      if (!isId(requestedWorkspace) || !membership) {
        throw new AppError(ErrorCode.NOT_FOUND, `Workspace ${requestedWorkspace} was not found.`, { reason: 'WORKSPACE_NOT_FOUND' });
      }
    }
    return {
      kind: 'USER',
      userId: session.user_id,
      email: session.email,
      sessionId: session.session_id,
      workspaceId: membership?.workspace_id ?? null,
      role: membership?.role ?? null,
      permissions: membership ? permissionsForRole(membership.role) : new Set(),
    };
  }
}

/** `Bearer xyz` → `xyz`; anything else present → the raw value, which then fails as malformed. */
export function bearerFrom(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match ? match[1].trim() : header.trim();
}
