import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startMain, type Started } from '../../test/process.js';
import { postgresBinaryDir } from './embedded-postgres.js';
import { readPostmasterLock } from './postmaster.js';

const run = promisify(execFile);

/** Postmasters whose command line names this data directory (backends are titled "postgres: …", without it). */
async function postmastersOf(dataDir: string): Promise<number[]> {
  const { stdout } = await run('pgrep', ['-f', '--', `-D ${dataDir}( |$)`]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter(Boolean).map(Number);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** pg_ctl as the user Postgres runs as (root cannot run it). */
async function pgCtl(args: string[]) {
  const ids = process.getuid?.() === 0 ? { uid: Number((await run('id', ['-u', 'postgres'])).stdout), gid: Number((await run('id', ['-g', 'postgres'])).stdout) } : {};
  return new Promise<number | null>((resolve, reject) => {
    const child = spawn(path.join(postgresBinaryDir(), 'pg_ctl'), args, { ...ids, cwd: '/tmp', stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', resolve);
  });
}

const processes: Started[] = [];
const roots: string[] = [];

async function freshDataRoot() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'flare-embedded-'));
  await fs.chmod(root, 0o755);
  roots.push(root);
  return root;
}

function startProduct(root: string, pgPort: number) {
  const started = startMain({ FLARE_DATA_DIR: root, FLARE_EMBEDDED_PG_PORT: String(pgPort), PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production', FLARE_SEED_DEMO: 'false' });
  processes.push(started);
  return started;
}

const randomPort = () => 20_000 + Math.floor(Math.random() * 20_000);

afterEach(async () => {
  for (const p of processes.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
});

afterAll(async () => {
  // Whatever a failed test left behind: a postmaster on one of our data directories must not outlive the run.
  for (const root of roots) {
    for (const pid of await postmastersOf(path.join(root, 'pg'))) process.kill(pid, 'SIGQUIT');
    await new Promise((r) => setTimeout(r, 500));
    await fs.rm(root, { recursive: true, force: true });
  }
});

describe('the embedded PostgreSQL', () => {
  it('recovers after the API was killed with SIGKILL: the next start stops the orphaned Postgres and serves', { timeout: 120_000 }, async () => {
    const root = await freshDataRoot();
    const dataDir = path.join(root, 'pg');
    const pgPort = randomPort();
    const first = startProduct(root, pgPort);
    await first.waitFor(/Flare is serving/, 60_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const orphan = (await readPostmasterLock(dataDir))!;
    expect(alive(orphan.pid)).toBe(true);

    const second = startProduct(root, pgPort);
    await second.waitFor(/Flare is serving/, 60_000);
    expect(second.output()).toMatch(/"level":"warn","msg":"PostgreSQL from an earlier run is still running on this data directory/);
    expect(await postmastersOf(dataDir)).toHaveLength(1);
    expect(alive(orphan.pid)).toBe(false);

    second.child.kill('SIGTERM');
    expect(await second.exited, second.output()).toBe(0);
    expect(await postmastersOf(dataDir)).toEqual([]);
  });

  it('removes a stale lock file whose process is gone, and says so', { timeout: 120_000 }, async () => {
    const root = await freshDataRoot();
    const dataDir = path.join(root, 'pg');
    const pgPort = randomPort();
    const first = startProduct(root, pgPort);
    await first.waitFor(/Flare is serving/, 60_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const orphan = (await readPostmasterLock(dataDir))!;
    // The whole machine went down: Postgres died uncleanly and left its lock behind.
    process.kill(orphan.pid, 'SIGKILL');
    while (alive(orphan.pid)) await new Promise((r) => setTimeout(r, 50));
    expect(await readPostmasterLock(dataDir)).not.toBeNull();

    const second = startProduct(root, pgPort);
    await second.waitFor(/Flare is serving/, 60_000);
    expect(second.output()).toMatch(/"msg":"removed a stale PostgreSQL lock file/);
    second.child.kill('SIGTERM');
    expect(await second.exited, second.output()).toBe(0);
    expect(await postmastersOf(dataDir)).toEqual([]);
  });

  it('stops the Postgres that owns the data directory on shutdown, even after it was restarted outside Flare', { timeout: 120_000 }, async () => {
    const root = await freshDataRoot();
    const dataDir = path.join(root, 'pg');
    const first = startProduct(root, randomPort());
    await first.waitFor(/Flare is serving/, 60_000);
    const before = (await readPostmasterLock(dataDir))!;
    expect(await pgCtl(['restart', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'])).toBe(0);
    const after = (await readPostmasterLock(dataDir))!;
    expect(after.pid).not.toBe(before.pid);

    first.child.kill('SIGTERM');
    const code = await Promise.race([first.exited, new Promise((r) => setTimeout(() => r('still running'), 20_000))]);
    expect(code, first.output()).toBe(0);
    expect(alive(after.pid)).toBe(false);
    expect(await postmastersOf(dataDir)).toEqual([]);
    expect(await readPostmasterLock(dataDir)).toBeNull();
  });
});
