import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../../../migrations/migrations.js';
import { repoRoot } from '../config.js';
import { createScratchDatabase } from '../../test/harness.js';
import { createDataSource, pendingSchemaChanges } from './data-source.js';

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(() => scratch.drop());

describe('migrations', () => {
  it('registers every migration file, oldest first', async () => {
    const files = (await fs.readdir(path.join(repoRoot, 'migrations'))).filter((f) => /^\d+-\w+\.ts$/.test(f)).sort();
    const registered = allMigrations.map((m) => new m().name);
    expect(registered).toEqual(files.map((f) => f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1')));
  });

  it('bring an empty database exactly to what the entities describe (no drift), and revert cleanly', async () => {
    const dataSource = createDataSource(scratch.url);
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const drift = await pendingSchemaChanges(dataSource);
      expect(drift, `entities and migrations disagree; run pnpm migration:generate <Name>:\n${drift.join('\n')}`).toEqual([]);
      for (let i = 0; i < allMigrations.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
      expect(tables).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
