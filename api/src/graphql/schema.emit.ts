import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTRACT_PATH, printContract } from './schema.js';

/** `pnpm schema:emit` writes schema/schema.graphql; `--check` fails when the committed file is stale. */
async function main() {
  const sdl = await printContract();
  if (process.argv.includes('--check')) {
    const committed = await fs.readFile(CONTRACT_PATH, 'utf8').catch(() => '');
    if (committed !== sdl) {
      console.error('schema/schema.graphql differs from the server code: run pnpm schema:emit and commit the result.');
      process.exit(1);
    }
    console.log('schema/schema.graphql is up to date.');
    return;
  }
  await fs.writeFile(CONTRACT_PATH, sdl);
  console.log(`Wrote ${path.relative(process.cwd(), CONTRACT_PATH)}`);
}

await main();
