import path from 'node:path';
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createDataSource } from './db/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres.js';
import { createLogger, resolveLogFormat, type Logger } from './ops/logger.js';
import { seedDemo } from './seed/demo.seed.js';
import { createServer, type FlareServer } from './server.js';

/** What has been started so far; shutdown closes whatever exists, in reverse order. */
type Running = { embedded?: EmbeddedDatabase; dataSource?: DataSource; server?: FlareServer };

/** Process entry: config → database → migrations → seed → server → listen; SIGTERM/SIGINT shut down gracefully. */
async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel, {}, resolveLogFormat(config.logFormat));
  const running: Running = {};
  // Handlers go in first: a signal that arrives during start-up must not kill the process uncleanly.
  const shutdown = installShutdown(running, config, logger);
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception', { error });
    void shutdown('uncaught exception', 1);
  });
  try {
    await start(running, config, logger);
  } catch (error) {
    logger.error('start-up failed', { error });
    await shutdown('start-up failed', 1);
  }
}

async function start(running: Running, config: Config, logger: Logger) {
  if (!config.databaseUrl) {
    running.embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, logger });
  }
  const databaseUrl = config.databaseUrl ?? running.embedded!.url;
  // Migrations run without the request timeouts: a long one (an index on a big table) must not be cut off.
  const migrator = createDataSource(databaseUrl, logger, 1);
  await migrator.initialize();
  const applied = await migrator.runMigrations({ transaction: 'each' }).finally(() => migrator.destroy());
  if (applied.length > 0) logger.info('migrations applied', { migrations: applied.map((m) => m.name) });
  running.dataSource = createDataSource(databaseUrl, logger, 20, undefined, { connectMs: config.dbConnectTimeoutMs, statementMs: config.dbStatementTimeoutMs });
  await running.dataSource.initialize();

  running.server = await createServer({ config, dataSource: running.dataSource, logger });
  const added = await running.server.services.triggers.ensureCatalog();
  if (added > 0) logger.info('out-of-box triggers added', { count: added });
  if (config.seedDemo) {
    const seeded = await seedDemo(running.server.services);
    if (seeded.created) {
      process.stdout.write(
        ['', '  Flare demo workspace created. Sign in with (shown only on this first start):', `    email:    ${seeded.email}`, `    password: ${seeded.password}`, '', ''].join(
          '\n',
        ),
      );
    }
  }
  const url = await running.server.listen();
  logger.info('Flare is serving', { app: config.publicUrl, graphql: `${config.publicUrl}/graphql`, listening: url });
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
}

function installShutdown(running: Running, config: Config, logger: Logger) {
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { reason, graceMs: config.shutdownGraceMs });
    try {
      await running.server?.close();
      if (running.dataSource?.isInitialized) await running.dataSource.destroy();
      await running.embedded?.stop();
      logger.info('stopped cleanly');
    } catch (error) {
      logger.error('shutdown failed', { error });
      code = code || 1;
    }
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  return shutdown;
}

void main();
