import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDataSource } from '../src/db/data-source.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { createLogger } from '../src/ops/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run: `DATABASE_URL` when given, else a throw-away embedded one.
 * The real migrations are applied once; every test then works in a fresh workspace of its own.
 */
export default async function setup(project: TestProject) {
  const logger = createLogger(process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'warn');
  let stop = async () => {};
  let url = process.env.DATABASE_URL;
  if (!url) {
    // Under /tmp with 0755 parents: the postgres user (when run as root) must reach it.
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'flare-test-pg-'));
    await fs.chmod(root, 0o755);
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const db = await startEmbeddedPostgres({ dataDir: path.join(root, 'data'), port, logger });
    url = db.url;
    stop = async () => {
      await db.stop();
      await fs.rm(root, { recursive: true, force: true });
    };
  }
  const dataSource = createDataSource(url, logger);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  project.provide('databaseUrl', url);
  return stop;
}
