import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root; default locations of data and the built SPA hang off it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Base URL the product is reached at; used for same-origin checks and generated snippets. */
  publicUrl: string;
  /** When unset, an embedded PostgreSQL is started with its data under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  webDist: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** LOG_FORMAT: `json` lines, readable `pretty` lines, or `auto` (pretty when stdout is a terminal, JSON otherwise). */
  logFormat: 'auto' | 'json' | 'pretty';
  /** Extra browser origins trusted for cookie-authenticated requests besides `publicUrl`. */
  trustedOrigins: string[];
  sessionTtlHours: number;
  cookieSecure: boolean;
  rateLimitPerMinute: number;
  /** Events per ingestion key per minute. */
  ingestRatePerMinute: number;
  /** Failed authentications (unknown or malformed keys, bad passwords) per client address per minute; then 429 before any lookup. */
  authFailuresPerMinute: number;
  /** Who may run introspection queries: nobody, signed-in users and API keys, or anyone. */
  introspection: 'off' | 'authenticated' | 'on';
  /** Share transactions between concurrent event requests (on by default; off only to measure the difference). */
  ingestGroupCommit: boolean;
  /** Resolve (and create) each event's customer while storing it (on by default; off only for benchmark baselines). */
  ingestCustomers: boolean;
  /** `all` (default): serves the API and runs journeys; `api`: serves only; `worker`: runs journeys (and answers health checks) only. */
  role: 'all' | 'api' | 'worker';
  /**
   * Base64 of 32 random bytes: seals provider secrets and signs tracking links. Unset: generated into the data
   * directory on first start (set it, the same everywhere, when processes run on several machines).
   */
  secretKey: string | undefined;
  /** How long a claimed journey run (or message) stays with one process before another may take it over. */
  runtimeLeaseMs: number;
  /** How long a text or push provider's webhook may take to answer before the message is tried again later. */
  webhookTimeoutMs: number;
  /** How often the runtime looks for due runs when no notification woke it (the backstop). */
  runtimePollMs: number;
  shutdownGraceMs: number;
  /** Getting a database connection (new, or from a busy pool) gives up after this long: an UNAVAILABLE answer, not a hang. */
  dbConnectTimeoutMs: number;
  /** Postgres cancels statements running longer (statement_timeout); the client gives up 1 s later (query_timeout), which also covers a frozen server. */
  dbStatementTimeoutMs: number;
  /** /readyz answers 503 when the database has not answered within this. */
  readinessTimeoutMs: number;
  seedDemo: boolean;
  /** Login of the admin created with the demo workspace on first start. */
  adminEmail: string;
  /** When unset, a random password is generated and printed once. */
  adminPassword: string | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** The only reader of process.env. Validates every key at once and reports all bad keys together. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = makeReaders(env, problems);
  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = read.int('PORT', 4000, 0, 65535);
  const host = read.str('HOST', '127.0.0.1');
  const publicUrl = read.url('PUBLIC_URL', `http://localhost:${port}`);
  const config: Config = {
    env: nodeEnv,
    host,
    port,
    publicUrl: publicUrl.replace(/\/$/, ''),
    databaseUrl: read.optionalUrl('DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: path.resolve(read.str('FLARE_DATA_DIR', path.join(repoRoot, '.data'))),
    embeddedPgPort: read.int('FLARE_EMBEDDED_PG_PORT', 54329, 1, 65535),
    webDist: path.resolve(read.str('FLARE_WEB_DIST', path.join(repoRoot, 'web/dist'))),
    logLevel: read.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat: read.oneOf('LOG_FORMAT', ['auto', 'json', 'pretty'] as const, 'auto'),
    trustedOrigins: read.list('TRUSTED_ORIGINS'),
    sessionTtlHours: read.int('SESSION_TTL_HOURS', 24 * 7, 1, 24 * 90),
    cookieSecure: read.bool('COOKIE_SECURE', publicUrl.startsWith('https:')),
    rateLimitPerMinute: read.int('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    ingestRatePerMinute: read.int('INGEST_RATE_LIMIT_PER_MINUTE', 60_000, 1, 100_000_000),
    authFailuresPerMinute: read.int('AUTH_FAILURES_PER_MINUTE', 30, 1, 1_000_000),
    introspection: read.oneOf('INTROSPECTION', ['off', 'authenticated', 'on'] as const, nodeEnv === 'production' ? 'authenticated' : 'on'),
    ingestGroupCommit: read.bool('INGEST_GROUP_COMMIT', true),
    ingestCustomers: read.bool('INGEST_CUSTOMERS', true),
    role: read.oneOf('FLARE_ROLE', ['all', 'api', 'worker'] as const, 'all'),
    secretKey: read.optional('FLARE_SECRET_KEY'),
    runtimeLeaseMs: read.int('RUNTIME_LEASE_MS', 10_000, 500, 600_000),
    runtimePollMs: read.int('RUNTIME_POLL_MS', 1_000, 50, 60_000),
    webhookTimeoutMs: read.int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    shutdownGraceMs: read.int('SHUTDOWN_GRACE_MS', 10_000, 0, 120_000),
    dbConnectTimeoutMs: read.int('DB_CONNECT_TIMEOUT_MS', 5_000, 100, 120_000),
    dbStatementTimeoutMs: read.int('DB_STATEMENT_TIMEOUT_MS', 30_000, 100, 3_600_000),
    readinessTimeoutMs: read.int('READINESS_TIMEOUT_MS', 1_500, 100, 60_000),
    seedDemo: read.bool('FLARE_SEED_DEMO', true),
    adminEmail: read.str('FLARE_ADMIN_EMAIL', 'admin@flare.local').toLowerCase(),
    adminPassword: read.optional('FLARE_ADMIN_PASSWORD'),
  };
  if (config.adminPassword !== undefined && config.adminPassword.length < 10) {
    problems.push('FLARE_ADMIN_PASSWORD must be at least 10 characters');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function makeReaders(env: Env, problems: string[]) {
  const raw = (key: string) => {
    const value = env[key]?.trim();
    return value === '' ? undefined : value;
  };
  return {
    str: (key: string, fallback: string) => raw(key) ?? fallback,
    optional: (key: string) => raw(key),
    int(key: string, fallback: number, min: number, max: number): number {
      const value = raw(key);
      if (value === undefined) return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) {
        problems.push(`${key} must be an integer between ${min} and ${max} (got "${value}")`);
        return fallback;
      }
      return n;
    },
    bool(key: string, fallback: boolean): boolean {
      const value = raw(key)?.toLowerCase();
      if (value === undefined) return fallback;
      if (['1', 'true', 'yes'].includes(value)) return true;
      if (['0', 'false', 'no'].includes(value)) return false;
      problems.push(`${key} must be true or false (got "${value}")`);
      return fallback;
    },
    oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
      const value = raw(key);
      if (value === undefined) return fallback;
      if ((allowed as readonly string[]).includes(value)) return value as T;
      problems.push(`${key} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    },
    url(key: string, fallback: string): string {
      const value = raw(key) ?? fallback;
      if (!isUrl(value, ['http:', 'https:'])) problems.push(`${key} must be an http(s) URL (got "${value}")`);
      return value;
    },
    optionalUrl(key: string, protocols: string[]): string | undefined {
      const value = raw(key);
      if (value !== undefined && !isUrl(value, protocols)) {
        problems.push(`${key} must be a ${protocols.join(' or ')}// URL`);
      }
      return value;
    },
    list(key: string): string[] {
      const items = (raw(key) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const item of items) {
        if (!isUrl(item, ['http:', 'https:'])) problems.push(`${key} entries must be origins like https://app.example.com (got "${item}")`);
      }
      return items.map((item) => item.replace(/\/$/, ''));
    },
  };
}

function isUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
