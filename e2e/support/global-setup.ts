import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    admin: { email: string; password: string };
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN = { email: 'admin@flare.local', password: `e2e-${Date.now()}-password` };

/**
 * Starts the product the way the README's first command does (embedded Postgres, migrations, demo seed,
 * API + built SPA on one port), on a throw-away data folder and a free port.
 */
export default async function setup(project: TestProject) {
  // FLARE_WEB_DIST lets a run test a build made elsewhere (e.g. `vite build --outDir /tmp/x`); the server reads it too.
  const webDist = process.env.FLARE_WEB_DIST || path.join(repoRoot, 'web/dist');
  await fs.access(path.join(webDist, 'index.html')).catch(() => {
    throw new Error(`${webDist} is missing: run \`pnpm --filter @flare/web build\` before the e2e tests (the root \`pnpm test\` does).`);
  });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'flare-e2e-'));
  await fs.chmod(dataDir, 0o755);
  const port = 41_000 + Math.floor(Math.random() * 2_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(repoRoot, 'api'),
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
      FLARE_DATA_DIR: dataDir,
      FLARE_WEB_DIST: webDist,
      FLARE_EMBEDDED_PG_PORT: String(port + 3_000),
      FLARE_ADMIN_PASSWORD: ADMIN.password,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Flare exited early:\n${output}`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`Flare did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('admin', ADMIN);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
}
