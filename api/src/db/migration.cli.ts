import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, repoRoot } from '../config.js';
import { createLogger } from '../ops/logger.js';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

/**
 * `generate <Name>`: diff the entities against a database migrated to the latest migration and write
 * the difference as a new TypeORM migration (what `typeorm migration:generate` does), registering it.
 * `run`: apply pending migrations.
 */
async function main() {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel);
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, logger });
  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url, logger);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    if (command === 'generate') await generate(dataSource, name);
    else if (command !== 'run') throw new Error('usage: migration.cli.ts generate <Name> | run');
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

async function generate(dataSource: ReturnType<typeof createDataSource>, name: string | undefined) {
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error('give the migration a PascalCase name');
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('No changes: entities match the migrations.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const line = (q: { query: string; parameters?: unknown[] }) =>
    `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(line).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(line).join('\n')}
  }
}
`;
  const dir = path.join(repoRoot, 'migrations');
  const file = `${timestamp}-${name}`;
  await fs.writeFile(path.join(dir, `${file}.ts`), body);
  const registry = path.join(dir, 'migrations.ts');
  let text = await fs.readFile(registry, 'utf8');
  text = text.replace('\n/** Every migration', `import { ${className} } from './${file}.js';\n\n/** Every migration`).replace(/\n\n(import)/, '\n$1');
  text = text.replace(/\];\s*$/, `  ${className},\n];\n`);
  await fs.writeFile(registry, text);
  console.log(`Wrote migrations/${file}.ts and registered it in migrations/migrations.ts`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
