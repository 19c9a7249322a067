import 'reflect-metadata';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { allMigrations } from '../../../migrations/migrations.js';
import type { Logger } from '../ops/logger.js';
import { entities } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** Counts SQL statements; tests use it to prove list queries do not grow with page size (no N+1). */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  logQuery() {
    this.count += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/**
 * Bounds on waiting for the database, so an unreachable or frozen Postgres is answered (UNAVAILABLE) rather
 * than hanging requests: `connectMs` for a connection (new or from the pool), `statementMs` for a statement
 * (server-side statement_timeout, and a client-side query_timeout 1 s later for a server that does not answer).
 */
export type DbTimeouts = { connectMs: number; statementMs: number };

/**
 * One data source shape for the app, the migration CLI and tests. `synchronize` is never on. Without
 * `timeouts` nothing is bounded (migrations and the CLI may run long statements).
 */
export function createDataSource(url: string, logger?: Logger, poolSize = 20, queryCounter?: QueryCounter, timeouts?: DbTimeouts): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations: allMigrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: queryCounter ? ['query'] : false,
    logger: queryCounter,
    poolSize,
    extra: {
      application_name: 'flare',
      ...(timeouts && { connectionTimeoutMillis: timeouts.connectMs, statement_timeout: timeouts.statementMs, query_timeout: timeouts.statementMs + 1_000 }),
    },
    // Without a listener, an idle client's error (Postgres restarted) would crash the process.
    poolErrorHandler: (error: Error) => logger?.warn('postgres pool error', { error: error.message }),
  });
}

/** The driver's pg pool: hot paths use it for plain SQL, /metrics reads its usage. */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}

/** SQL statements that would bring the database in line with the entities; empty when migrations match. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return sqlInMemory.upQueries.map((query) => query.query);
}
