import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../ops/logger.js';

/** A transaction plus work deferred until it has committed (publishing events). */
export type Tx = { manager: EntityManager; afterCommit(fn: () => void | Promise<void>): void };

export async function transact<T>(dataSource: DataSource, logger: Logger, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const deferred: (() => void | Promise<void>)[] = [];
  const result = await dataSource.transaction((manager) => fn({ manager, afterCommit: (f) => deferred.push(f) }));
  for (const run of deferred) {
    await Promise.resolve()
      .then(run)
      .catch((error) => logger.error('after-commit work failed', { error }));
  }
  return result;
}
