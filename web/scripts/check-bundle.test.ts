import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS, checkBundle, routeFiles, staticClosure, type Manifest } from './check-bundle.mjs';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Text that gzip cannot shrink much: random bytes as base64 (about 3/4 of its length once gzipped). */
const incompressible = (bytes: number) =>
  randomBytes(Math.ceil((bytes * 3) / 4))
    .toString('base64')
    .slice(0, bytes);

/** A dist folder with a manifest and the files it names, of the given sizes. */
async function fakeDist(manifest: Manifest, sizes: Record<string, number>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'flare-bundle-'));
  dirs.push(dir);
  await mkdir(path.join(dir, '.vite'), { recursive: true });
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, '.vite/manifest.json'), JSON.stringify(manifest));
  for (const chunk of Object.values(manifest)) await writeFile(path.join(dir, chunk.file), incompressible(sizes[chunk.file] ?? 100));
  return dir;
}

const [signIn, catalog] = BUDGETS.map((budget) => budget.routes);

/** Entry → vendor; sign-in page → shared form chunk; the catalog's chunks; a dynamic import that must not count. */
function manifest(): Manifest {
  const m: Manifest = {
    'index.html': {
      file: 'assets/index.js',
      isEntry: true,
      imports: ['_vendor.js'],
      dynamicImports: [...signIn, ...catalog, 'src/features/journeys/pages/JourneyBuilderPage.tsx'],
      css: ['assets/index.css'],
    },
    '_vendor.js': { file: 'assets/vendor.js' },
    '_form.js': { file: 'assets/form.js', imports: ['_vendor.js'] },
    'src/features/journeys/pages/JourneyBuilderPage.tsx': { file: 'assets/builder.js', isDynamicEntry: true, imports: ['_vendor.js'] },
  };
  for (const route of [...signIn, ...catalog]) {
    m[route] = { file: `assets/${path.basename(route, '.tsx')}.js`, isDynamicEntry: true, imports: ['_form.js', 'index.html'] };
  }
  return m;
}

function output() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: { log: (line: string) => lines.push(line), error: (line: string) => errors.push(line) } };
}

describe('bundle budget check', () => {
  it('counts the entry and the route with their static imports, each once, and never dynamic imports', () => {
    const m = manifest();
    expect(staticClosure(m, ['index.html']).sort()).toEqual(['_vendor.js', 'index.html']);
    const files = routeFiles(m, signIn);
    expect(files).toContain('assets/index.js');
    expect(files).toContain('assets/vendor.js');
    expect(files).toContain('assets/form.js');
    expect(files).not.toContain('assets/builder.js');
    expect(files).not.toContain('assets/index.css');
    expect(new Set(files).size).toBe(files.length);
  });

  it('passes within budget and prints a table of both routes', async () => {
    const dist = await fakeDist(manifest(), { 'assets/vendor.js': 60_000, 'assets/builder.js': 900_000 });
    const { lines, errors, out } = output();
    expect(await checkBundle([dist], out)).toBe(0);
    expect(errors).toEqual([]);
    const table = lines.join('\n');
    expect(table).toMatch(/sign-in\s+\d+\s+\d+\.\d kB\s+250\.0 kB\s+ok/);
    expect(table).toMatch(/triggers catalog.*ok/);
  });

  it('fails when a shared chunk pushes a route over 250 kB gzip, naming the route and its files', async () => {
    const dist = await fakeDist(manifest(), { 'assets/form.js': 340_000 });
    const { lines, errors, out } = output();
    expect(await checkBundle([dist], out)).toBe(1);
    expect(lines.join('\n')).toMatch(/OVER BUDGET/);
    expect(errors.join('\n')).toMatch(/Budget exceeded: sign-in needs \d+\.\d kB gzip, the budget is 250\.0 kB/);
    expect(errors.join('\n')).toMatch(/assets\/form\.js/);
  });

  it('counts the app shell with the catalog when the shell is loaded lazily', async () => {
    const m = manifest();
    m['src/app/Layout.tsx'] = { file: 'assets/Layout.js', isDynamicEntry: true, imports: ['index.html'] };
    const dist = await fakeDist(m, { 'assets/Layout.js': 340_000 });
    const { lines, errors, out } = output();
    expect(await checkBundle([dist], out)).toBe(1);
    expect(lines.join('\n')).toMatch(/sign-in.*ok/);
    expect(errors.join('\n')).toMatch(/triggers catalog.*assets\/Layout\.js/);
  });

  it('measures gzip, not raw size: a large file that compresses well stays within budget', async () => {
    const m = manifest();
    const dist = await fakeDist(m, {});
    await writeFile(path.join(dist, 'assets/vendor.js'), 'const a = 1;\n'.repeat(100_000));
    expect(gzipSync('const a = 1;\n'.repeat(100_000)).length).toBeLessThan(250_000);
    expect(await checkBundle([dist], output().out)).toBe(0);
  });

  it('fails when the manifest is missing or no longer lists a route chunk (the page is no longer lazy-loaded)', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'flare-bundle-'));
    dirs.push(empty);
    const missing = output();
    expect(await checkBundle([empty], missing.out)).toBe(1);
    expect(missing.errors.join('\n')).toMatch(/manifest\.json.*build\.manifest/);

    const m = manifest();
    delete m[catalog[catalog.length - 1]];
    const dist = await fakeDist(m, {});
    const gone = output();
    expect(await checkBundle([dist], gone.out)).toBe(1);
    expect(gone.errors.join('\n')).toMatch(/no chunk for src\/features\/triggers\/pages\/TriggersPage\.tsx.*React\.lazy/);
  });
});
