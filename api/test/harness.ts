import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../src/config.js';
import { createDataSource, QueryCounter } from '../src/db/data-source.js';
import { transact } from '../src/db/transaction.js';
import { createLogger } from '../src/ops/logger.js';
import type { Clock } from '../src/ops/clock.js';
import { createServer, type FlareServer } from '../src/server.js';
import { Role } from '../src/auth/permissions.js';
import { Membership } from '../src/workspaces/membership.entity.js';

export type TestServer = {
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  server: FlareServer;
  dataSource: DataSource;
  /** SQL statements run by this server so far. */
  queries: QueryCounter;
  config: Config;
  close(): Promise<void>;
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', PORT: '0', PUBLIC_URL: 'http://localhost:4000', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...overrides });
}

/** The real server on an ephemeral port, on the run's real database. */
/**
 * `rateLimitScope`: servers given the same scope share rate-limit counters (as processes of one deployment do);
 * by default each test server has its own, so tests running side by side on the one database do not share budgets.
 */
export async function startTestServer(opts: { clock?: Clock; env?: Record<string, string>; databaseUrl?: string; rateLimitScope?: string } = {}): Promise<TestServer> {
  const config = testConfig(opts.env);
  const logger = createLogger(config.logLevel);
  const queries = new QueryCounter();
  const dataSource = createDataSource(opts.databaseUrl ?? inject('databaseUrl'), logger, 10, queries, {
    connectMs: config.dbConnectTimeoutMs,
    statementMs: config.dbStatementTimeoutMs,
  });
  await dataSource.initialize();
  const server = await createServer({ config, dataSource, logger, clock: opts.clock, rateLimitScope: opts.rateLimitScope ?? `test-${randomUUID()}` });
  const url = await server.listen(config.port);
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    wsUrl: `${url.replace(/^http/, 'ws')}/graphql`,
    server,
    dataSource,
    queries,
    config,
    close: async () => {
      await server.close();
      await dataSource.destroy();
    },
  };
}

export type TestUser = { id: string; email: string; password: string };
export type TestWorkspace = { id: string; admin: TestUser };

/** A fresh workspace with its own admin, so tests never see each other's data. */
export async function createWorkspace(t: TestServer, name = 'Test Workspace'): Promise<TestWorkspace> {
  const { services } = t.server;
  const admin = await createUser(t);
  const { workspace } = await transact(t.dataSource, services.logger, (tx) => services.workspaces.insertWorkspace(tx, name, admin.id));
  return { id: workspace.id, admin };
}

export async function createUser(t: TestServer, name = 'Test User'): Promise<TestUser> {
  const email = `user-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const user = await t.server.services.accounts.createUser({ email, name, password });
  return { id: user.id, email, password };
}

/** Adds a fresh user with `role` to the workspace and returns their credentials. */
export async function addMember(t: TestServer, workspace: TestWorkspace, role: Role): Promise<TestUser> {
  const user = await createUser(t, `${role} user`);
  const repo = t.dataSource.getRepository(Membership);
  await repo.save(repo.create({ workspaceId: workspace.id, userId: user.id, role }));
  return user;
}

export type GqlResponse<T = Record<string, any>> = { status: number; headers: Headers; body: { data?: T; errors?: { message: string; extensions: Record<string, any> }[] } };

/** A GraphQL-over-HTTP client as a browser or partner would use it: cookie jar or bearer key. */
export class GqlClient {
  cookie: string | null = null;
  headers: Record<string, string> = {};

  constructor(private readonly t: TestServer) {}

  static withKey(t: TestServer, key: string): GqlClient {
    const client = new GqlClient(t);
    client.headers.authorization = `Bearer ${key}`;
    return client;
  }

  static async signedIn(t: TestServer, user: TestUser, workspaceId?: string): Promise<GqlClient> {
    const client = new GqlClient(t);
    const res = await client.request(`mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`, { input: { email: user.email, password: user.password } });
    if (res.body.errors) throw new Error(`sign-in failed: ${JSON.stringify(res.body.errors)}`);
    if (workspaceId) client.headers['x-flare-workspace'] = workspaceId;
    return client;
  }

  async request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, extraHeaders: Record<string, string> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(this.t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...this.headers, ...extraHeaders },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0];
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  /** Returns `data`, failing the test with the errors if there are any. */
  async data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
    return res.body.data!;
  }

  /** Returns the first error's `extensions.code` (and the error), failing if the call succeeded. */
  async error(query: string, variables?: Record<string, unknown>) {
    const res = await this.request(query, variables);
    const error = res.body.errors?.[0];
    if (!error) throw new Error(`expected an error, got ${JSON.stringify(res.body.data)}`);
    return { code: error.extensions.code as string, reason: error.extensions.reason as string | undefined, message: error.message, status: res.status, error };
  }
}

/** A separate, empty database on the same server, for tests that need the whole database to themselves. */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = inject('databaseUrl');
  const name = `scratch_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A scratch database with the real migrations applied, then `setupSql` (e.g. a constraint a test needs to trip). */
export async function createMigratedScratchDatabase(...setupSql: string[]) {
  const scratch = await createScratchDatabase();
  const dataSource = createDataSource(scratch.url, createLogger('silent'));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    for (const sql of setupSql) await dataSource.query(sql);
  } finally {
    await dataSource.destroy();
  }
  return scratch;
}

export { Role };
