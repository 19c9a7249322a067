import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../src/config.js';
import type { Started } from './process.js';

export type Grouped = Started & {
  /** Signals the whole process group (the API process and anything it started, such as esbuild's service). */
  signal(signal: NodeJS.Signals): void;
  /** The `listening` URL, once the server is up. */
  ready(timeoutMs?: number): Promise<string>;
};

const live = new Set<number>();
// If the test runner goes away without its afterAll, no API process is left holding the database.
process.once('exit', () => {
  for (const pgid of live) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/**
 * Runs the real entry point (`node --import tsx src/main.ts`, as `pnpm start` does) in a process group of its
 * own, so that SIGKILL can take the whole group — what a crashed container or a killed pod does. Give it
 * DATABASE_URL: a process that started its own embedded PostgreSQL would take the database down with it.
 */
export function startMainInGroup(env: Record<string, string>): Grouped {
  if (!env.DATABASE_URL) throw new Error('startMainInGroup needs DATABASE_URL: the database must outlive the process.');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(repoRoot, 'api'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pgid = child.pid!;
  live.add(pgid);
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
    }),
  );
  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = out.match(pattern);
        if (match) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(match);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${pattern}; output so far:\n${out.slice(-4_000)}`));
      }, timeoutMs);
      listeners.add(check);
      check();
      void exited.then(() => setTimeout(check, 10));
    });
  return {
    child,
    output: () => out,
    exited,
    waitFor,
    ready: async (timeoutMs) => (await waitFor(/"listening":"(http:\/\/[^"]+)"/, timeoutMs))[1],
    signal: (signal) => {
      try {
        process.kill(-pgid, signal);
      } catch {
        // the group is already gone
      }
      if (signal === 'SIGKILL') live.delete(pgid);
    },
  };
}
