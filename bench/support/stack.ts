import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../api/src/config.js';
import { createDataSource } from '../../api/src/db/data-source.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded-postgres.js';
import { createLogger } from '../../api/src/ops/logger.js';
import { createServer } from '../../api/src/server.js';

/** The real product on a throw-away embedded Postgres, for measuring. */
export async function startStack() {
  const logger = createLogger('warn');
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'flare-bench-'));
  await fs.chmod(root, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: 30_000 + Math.floor(Math.random() * 5_000), logger });
  const dataSource = createDataSource(db.url, logger, 20);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000' });
  const server = await createServer({ config, dataSource, logger });
  const url = await server.listen(0);
  return {
    url,
    server,
    dataSource,
    async stop() {
      await server.close();
      await dataSource.destroy();
      await db.stop();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
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
