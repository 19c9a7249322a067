// @ts-check
/**
 * First-load budget: the JavaScript a browser must download before the sign-in page, or the triggers catalog,
 * can render — the entry chunk plus the route's chunk, with every chunk they import statically (transitively),
 * each counted once — gzip-compressed, must stay within the budget. Reads the build's manifest
 * (`build.manifest: true`), so it measures what Vite actually emitted.
 *
 *   node web/scripts/check-bundle.mjs [dist folder, default web/dist]
 *
 * Prints a table and exits 1 when a budget is exceeded (or the manifest no longer lists a route's chunk).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

/** @typedef {{ file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] }} ManifestChunk */
/** @typedef {Record<string, ManifestChunk>} Manifest */
/** @typedef {{ name: string; routes: string[]; ifLazy?: string[]; limitBytes: number }} Budget */
/** @typedef {{ name: string; files: string[]; gzipBytes: number; limitBytes: number; ok: boolean }} Measurement */

/** kB as Vite prints them (1 kB = 1,000 bytes). */
const KB = 1000;

/** @type {Budget[]} */
export const BUDGETS = [
  { name: 'sign-in', routes: ['src/features/auth/pages/SignInPage.tsx'], limitBytes: 250 * KB },
  // Signed in, the page renders inside the app shell: counted with it when the shell is a chunk of its own
  // (when it is imported statically it is part of the entry, counted anyway).
  { name: 'triggers catalog (/triggers)', routes: ['src/features/triggers/pages/TriggersPage.tsx'], ifLazy: ['src/app/Layout.tsx'], limitBytes: 250 * KB },
];

export class BudgetError extends Error {}

/**
 * The manifest keys of `roots` and of every chunk they import statically, transitively. Dynamic imports are
 * not followed: they load later, on demand.
 * @param {Manifest} manifest
 * @param {string[]} roots
 * @returns {string[]}
 */
export function staticClosure(manifest, roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const key = /** @type {string} */ (stack.pop());
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new BudgetError(`The manifest has no chunk "${key}".`);
    seen.add(key);
    stack.push(...(chunk.imports ?? []));
  }
  return [...seen];
}

/**
 * The JavaScript files a first visit to a route needs: the closure of the entry and of the route's lazy chunks.
 * @param {Manifest} manifest
 * @param {string[]} routes source paths of the lazily loaded modules the route renders, as the manifest keys them
 * @returns {string[]} output files, relative to the dist folder, sorted
 */
export function routeFiles(manifest, routes) {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new BudgetError('The manifest has no entry chunk.');
  for (const route of routes) {
    if (!manifest[route]) {
      throw new BudgetError(`The manifest has no chunk for ${route}: is it still loaded with a dynamic import (React.lazy) in App.tsx?`);
    }
  }
  const keys = staticClosure(manifest, [...entries, ...routes]);
  return [...new Set(keys.map((key) => /** @type {ManifestChunk} */ (manifest[key]).file))].filter((file) => file.endsWith('.js')).sort();
}

/**
 * @param {string} dist
 * @param {Manifest} manifest
 * @param {Budget[]} budgets
 * @returns {Promise<Measurement[]>}
 */
export async function measure(dist, manifest, budgets = BUDGETS) {
  /** @type {Map<string, number>} */
  const sizes = new Map();
  const gzipped = async (/** @type {string} */ file) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSync(await readFile(path.join(dist, file)), { level: constants.Z_BEST_COMPRESSION }).length;
      sizes.set(file, size);
    }
    return size;
  };
  const rows = [];
  for (const budget of budgets) {
    const files = routeFiles(manifest, [...budget.routes, ...(budget.ifLazy ?? []).filter((key) => manifest[key])]);
    let gzipBytes = 0;
    for (const file of files) gzipBytes += await gzipped(file);
    rows.push({ name: budget.name, files, gzipBytes, limitBytes: budget.limitBytes, ok: gzipBytes <= budget.limitBytes });
  }
  return rows;
}

/**
 * @param {Measurement[]} rows
 * @returns {string}
 */
export function formatTable(rows) {
  const kb = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(1)} kB`;
  const lines = [['route', 'chunks', 'gzip', 'budget', ''], ...rows.map((r) => [r.name, String(r.files.length), kb(r.gzipBytes), kb(r.limitBytes), r.ok ? 'ok' : 'OVER BUDGET'])];
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  return lines
    .map((line) =>
      line
        .map((cell, column) => (column === 1 || column === 2 || column === 3 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * @param {string[]} args command-line arguments: [dist folder]
 * @param {{ log: (line: string) => void; error: (line: string) => void }} out
 * @param {Budget[]} budgets
 * @returns {Promise<number>} the exit code
 */
export async function checkBundle(args, out = console, budgets = BUDGETS) {
  const dist = path.resolve(args[0] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
  const manifestPath = path.join(dist, '.vite', 'manifest.json');
  try {
    /** @type {Manifest} */
    let manifest;
    try {
      manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    } catch (error) {
      throw new BudgetError(`Cannot read ${manifestPath} (build with build.manifest: true): ${error instanceof Error ? error.message : String(error)}`);
    }
    const rows = await measure(dist, manifest, budgets);
    out.log(`First-load JavaScript per route (${dist}):`);
    out.log(formatTable(rows));
    const over = rows.filter((row) => !row.ok);
    for (const row of over) {
      out.error(
        `Budget exceeded: ${row.name} needs ${(row.gzipBytes / KB).toFixed(1)} kB gzip, the budget is ${(row.limitBytes / KB).toFixed(1)} kB. Files: ${row.files.join(', ')}`,
      );
    }
    return over.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof BudgetError)) throw error;
    out.error(`Bundle budget check failed: ${error.message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await checkBundle(process.argv.slice(2));
}
