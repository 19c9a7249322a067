import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../api/src/config.js';
import { createDataSource } from '../../api/src/db/data-source.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded-postgres.js';
import { createLogger } from '../../api/src/ops/logger.js';
import { createServer } from '../../api/src/server.js';

/** The real product on a throw-away embedded Postgres, for measuring. `env` overrides configuration. */
export async function startStack(env: Record<string, string> = {}) {
  const logger = createLogger('warn');
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'flare-bench-'));
  await fs.chmod(root, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: 30_000 + Math.floor(Math.random() * 5_000), logger });
  const dataSource = createDataSource(db.url, logger, 20);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const configFor = (extra: Record<string, string>) =>
    loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'silent',
      FLARE_DATA_DIR: root,
      RATE_LIMIT_PER_MINUTE: '1000000',
      INGEST_RATE_LIMIT_PER_MINUTE: '100000000',
      ...env,
      ...extra,
    });
  const server = await createServer({ config: configFor({}), dataSource, logger });
  const url = await server.listen(0);
  const extra: Awaited<ReturnType<typeof createServer>>[] = [];
  return {
    url,
    databaseUrl: db.url,
    server,
    dataSource,
    /** Another server process-equivalent on the same database, with different settings. */
    async startServer(extraEnv: Record<string, string>) {
      const other = await createServer({ config: configFor(extraEnv), dataSource, logger });
      extra.push(other);
      return other.listen(0);
    },
    async stop() {
      for (const other of extra) await other.close();
      await server.close();
      await dataSource.destroy();
      await db.stop();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

/** Runs support/load.ts in its own process and returns its measurements. */
export async function runLoad(
  job: Record<string, unknown>,
): Promise<{ events: number; ms: number; latencies: number[]; startedAt: number; acks?: [messageId: string, ackedAt: number][] }> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { fileURLToPath } = await import('node:url');
  const script = fileURLToPath(new URL('./load.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, LOAD: JSON.stringify(job) }, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function timeRequests(n: number, run: () => Promise<void>): Promise<{ p50: number; p99: number; mean: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), mean: times.reduce((a, b) => a + b, 0) / n };
}

type Stack = Awaited<ReturnType<typeof startStack>>;

/** An admin, their workspace, a service-level viewer for seeding, and a signed-in GraphQL client for measuring. */
export async function benchWorkspace(stack: Stack) {
  const { transact } = await import('../../api/src/db/transaction.js');
  const { permissionsForRole, Role } = await import('../../api/src/auth/permissions.js');
  const { services } = stack.server;
  const password = 'bench-password-123';
  const admin = await services.accounts.createUser({ email: 'bench@example.com', name: 'Bench', password });
  const { workspace } = await transact(stack.dataSource, services.logger, (tx) => services.workspaces.insertWorkspace(tx, 'Bench', admin.id));
  const viewer = {
    kind: 'USER' as const,
    userId: admin.id,
    email: admin.email,
    sessionId: '',
    workspaceId: workspace.id,
    role: Role.ADMIN,
    permissions: permissionsForRole(Role.ADMIN),
  };
  const signIn = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { signIn(input: { email: "bench@example.com", password: "${password}" }) { user { id } } }` }),
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
  const query = async (q: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: q, variables }) });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  return { workspace, viewer, query };
}

export const fmt = (r: { p50: number; p99: number }) => `p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms`;

/** Starts support/bare-http.ts in its own process: the bare node:http floor. */
export async function startBareHttp(): Promise<{ url: string; stop: () => void }> {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const script = fileURLToPath(new URL('./bare-http.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve((JSON.parse(out.split('\n')[0]) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`bare-http exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => void child.kill('SIGTERM') };
}
