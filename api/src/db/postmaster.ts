import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** What `postmaster.pid` in a data directory says: pid (line 1), data directory (line 2), port (line 4). */
export type PostmasterLock = { pid: number; dataDir: string; port: number | null };

const LOCK_FILE = 'postmaster.pid';

/** The lock file of a data directory; null when there is none. A garbled file reads as pid 0 (stale). */
export async function readPostmasterLock(dataDir: string): Promise<PostmasterLock | null> {
  try {
    return parseLock(await fs.readFile(path.join(dataDir, LOCK_FILE), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Synchronous variant for `process.on('exit')`, where nothing asynchronous runs. */
export function readPostmasterLockSync(dataDir: string): PostmasterLock | null {
  try {
    return parseLock(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'));
  } catch {
    return null;
  }
}

function parseLock(text: string): PostmasterLock {
  const lines = text.split('\n');
  const pid = Number(lines[0]?.trim());
  const port = Number(lines[3]?.trim());
  return { pid: Number.isInteger(pid) && pid > 0 ? pid : 0, dataDir: lines[1]?.trim() ?? '', port: Number.isInteger(port) && port > 0 ? port : null };
}

export function removePostmasterLock(dataDir: string): Promise<void> {
  return fs.rm(path.join(dataDir, LOCK_FILE), { force: true });
}

export function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the lock belongs to a running postmaster of `dataDir`: its pid is alive, the lock names this
 * directory and (where /proc exists) the process is a `postgres`. A recycled pid of another program is not.
 */
export async function ownsDataDir(lock: PostmasterLock, dataDir: string): Promise<boolean> {
  if (!isAlive(lock.pid) || path.resolve(lock.dataDir) !== path.resolve(dataDir)) return false;
  let cmdline: string;
  try {
    cmdline = await fs.readFile(`/proc/${lock.pid}/cmdline`, 'utf8');
  } catch {
    return true; // no /proc (macOS): a live pid named in our lock file is taken to be ours
  }
  const argv = cmdline.split('\0');
  return path.basename(argv[0] ?? '').startsWith('postgres') || argv[0]?.startsWith('postgres:') === true;
}

/**
 * Stops a postmaster by its pid: SIGINT is Postgres's "fast" shutdown (what `pg_ctl stop -m fast` sends);
 * if it has not exited within `fastMs`, SIGQUIT (immediate; crash recovery runs on the next start).
 * Works for a postmaster this process did not spawn (one restarted by pg_ctl, or orphaned by a kill -9).
 */
export async function stopPostmaster(pid: number, opts: { fastMs?: number; immediateMs?: number } = {}): Promise<'fast' | 'immediate'> {
  if (await signalAndWait(pid, 'SIGINT', opts.fastMs ?? 30_000)) return 'fast';
  if (await signalAndWait(pid, 'SIGQUIT', opts.immediateMs ?? 10_000)) return 'immediate';
  throw new Error(`PostgreSQL (pid ${pid}) did not stop after SIGINT and SIGQUIT`);
}

async function signalAndWait(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    throw error;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isAlive(pid);
}
