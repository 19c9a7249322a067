import type { Pool } from 'pg';
import type { AuthAttempt, AuthFailures } from '../auth/auth-failures.js';
import { prefixOfSecret } from '../auth/prefixed-secret.js';
import { sameHash, sha256 } from '../auth/secrets.js';
import type { Clock } from '../ops/clock.js';
import type { RateLimiter } from '../ops/rate-limit.js';
import { acceptsEvents } from './ingestion-key.rules.js';
import type { RefusalEntry, RefusalLog } from './refusal-log.js';

/** `clientAddress`: unknown and malformed keys count against it as failed authentications. */
export type Credential = { kind: 'key'; presented: string | null; origin: string | null; clientAddress: string } | { kind: 'internal'; workspaceId: string };

export type Refusal = { ok: false; status: 401 | 403 | 429 | 503; code: string; message: string; retryAfterSeconds?: number };
/** `keyPrefix`: the key's public prefix, for the refused-requests log. */
export type Admission = { ok: true; workspaceId: string; keyId: string | null; keyPrefix: string | null; allowedOrigin: string | null } | Refusal;
/**
 * One request to admit: `units` (events or customers) are taken from the key's rate limit, shared by every
 * ingestion endpoint; `noun` names them in refusals.
 */
export type KeyRequest = { credential: Credential; units: number; noun: 'events' | 'customers'; triggerKey?: string | null };
/** `refusals`: where refusals that a key's prefix attributes to a workspace are logged (off the request path). */
export type KeyAdmissionDeps = { pool: Pool; clock: Clock; limiter: RateLimiter; authFailures: AuthFailures; refusals?: RefusalLog };

export const refuse = (status: Refusal['status'], code: string, message: string, retryAfterSeconds?: number): Refusal => ({
  ok: false,
  status,
  code,
  message,
  retryAfterSeconds,
});

/**
 * The ingestion key check shared by `/v1/events` and `/v1/identify`: failed-authentication budget per client
 * address, key lookup (one statement for all requests), revocation and expiry, allowed origins, per-key rate
 * limit. Answers one admission per request, in order. Throws when the key lookup fails (database unavailable).
 */
export async function admitKeys(deps: KeyAdmissionDeps, requests: KeyRequest[]): Promise<Admission[]> {
  const decisions: (Admission | null)[] = requests.map(() => null);
  const attempts = await begin(deps, requests, decisions);
  const now = deps.clock.now();
  const prefixes = [
    ...new Set(
      attempts
        .map(({ index }) => requests[index].credential)
        .map((c) => (c.kind === 'key' && c.presented ? prefixOfSecret('fik', c.presented) : null))
        .filter((x): x is string => x !== null),
    ),
  ];
  const { rows } = prefixes.length
    ? await deps.pool
        .query('SELECT id, workspace_id, prefix, secret_hash, allowed_origins, revoked_at, expires_at FROM ingestion_keys WHERE prefix = ANY($1)', [prefixes])
        .catch((error: unknown) => {
          for (const a of attempts) a.attempt?.succeeded();
          throw error;
        })
    : { rows: [] as any[] };
  const byPrefix = new Map(rows.map((r) => [r.prefix as string, r]));
  const logged: RefusalEntry[] = [];
  // The key's prefix names its workspace: what that workspace's developers need to see, without the secret.
  const log = (index: number, key: { workspace_id: string; prefix: string }, refusal: Refusal) => {
    const { credential, units, noun, triggerKey } = requests[index];
    logged.push({
      workspaceId: key.workspace_id,
      receivedAt: now,
      endpoint: noun === 'customers' ? '/v1/identify' : '/v1/events',
      reason: refusal.code,
      message: refusal.message,
      origin: credential.kind === 'key' ? credential.origin : null,
      keyPrefix: key.prefix,
      triggerKey: triggerKey ?? null,
      items: units,
    });
    return refusal;
  };
  for (const { index, attempt } of attempts) {
    const { credential, units, noun } = requests[index];
    if (credential.kind === 'internal') {
      decisions[index] = { ok: true, workspaceId: credential.workspaceId, keyId: null, keyPrefix: null, allowedOrigin: null };
      continue;
    }
    if (!credential.presented) {
      decisions[index] = refuse(401, 'MISSING_KEY', 'Send the ingestion key in the x-flare-key header (or as "key" in the body).');
      continue;
    }
    const prefix = prefixOfSecret('fik', credential.presented);
    const key = prefix ? byPrefix.get(prefix) : undefined;
    // Unknown and malformed keys stay counted as failed authentications; any other outcome is not a guess.
    if (!key || !sameHash(key.secret_hash, sha256(credential.presented))) {
      attempt?.failed();
      const refusal = refuse(401, 'INVALID_KEY', 'The ingestion key is not valid.');
      decisions[index] = key ? log(index, key, refusal) : refusal;
      continue;
    }
    attempt?.succeeded();
    if (!acceptsEvents({ revokedAt: key.revoked_at, expiresAt: key.expires_at }, now)) {
      decisions[index] = log(index, key, refuse(401, 'KEY_REVOKED', 'The ingestion key has been revoked or has expired.'));
      continue;
    }
    if (credential.origin && !(key.allowed_origins as string[]).includes(credential.origin)) {
      decisions[index] = log(index, key, refuse(403, 'ORIGIN_NOT_ALLOWED', `Origin ${credential.origin} may not send ${noun} with this key.`));
      continue;
    }
    const decision = await deps.limiter.take(`ingest:${key.id}`, Math.max(1, units));
    if (!decision.ok) {
      decisions[index] = log(index, key, refuse(429, 'RATE_LIMITED', `Too many ${noun} for this key. Retry after ${decision.retryAfterSeconds} s.`, decision.retryAfterSeconds));
      continue;
    }
    decisions[index] = { ok: true, workspaceId: key.workspace_id, keyId: key.id, keyPrefix: key.prefix, allowedOrigin: credential.origin ?? null };
  }
  if (logged.length > 0) deps.refusals?.record(logged);
  return decisions.map((d) => d!);
}

/**
 * Each presented key is an authentication attempt, counted against the client address before the lookup;
 * addresses over their failed-authentication budget are answered 429 without one.
 */
async function begin(deps: KeyAdmissionDeps, requests: KeyRequest[], decisions: (Admission | null)[]): Promise<{ index: number; attempt: AuthAttempt | null }[]> {
  const started = await Promise.all(
    requests.map(async ({ credential }, index) => {
      if (credential.kind !== 'key' || !credential.presented) return { index, attempt: null };
      const begun = await deps.authFailures.tryBegin(credential.clientAddress, credential.presented);
      if (begun.ok) return { index, attempt: begun.attempt };
      decisions[index] = refuse(
        429,
        'TOO_MANY_FAILED_AUTHENTICATIONS',
        `Too many failed authentications from this address. Retry after ${begun.retryAfterSeconds} s.`,
        begun.retryAfterSeconds,
      );
      return null;
    }),
  );
  return started.filter((s) => s !== null);
}
