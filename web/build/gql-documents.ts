import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:flare-gql-document/';

/**
 * The generated `graphql()` in `src/gql/gql.ts` looks documents up in a map of every operation of the app, and all
 * documents live in one module (`src/gql/graphql.ts`), so every page would download all of them (about 55 kB
 * gzip). In the production build this plugin replaces each `graphql(`…`)` call with an import of a small module
 * holding just that document, so each document ships with the pages that use it — what the client preset's Babel
 * optimizer does. Dev server and tests keep the runtime lookup (same documents).
 *
 * The tables are read from the generated files themselves; a call they don't know (codegen not run) is left
 * alone and still works through the runtime map.
 */
export function gqlDocuments(gqlDir: string): Plugin {
  let table = new Map<string, string>();
  let documents = new Map<string, string>();
  return {
    name: 'flare:gql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      table = documentTable(readFileSync(path.join(gqlDir, 'gql.ts'), 'utf8'));
      documents = documentSources(readFileSync(path.join(gqlDir, 'graphql.ts'), 'utf8'));
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL}`)) return null;
      const name = id.slice(VIRTUAL.length + 1);
      const document = documents.get(name);
      if (document === undefined) throw new Error(`src/gql/graphql.ts exports no document ${name}: run pnpm codegen.`);
      return `export const document = ${document};\n`;
    },
    transform(code, id) {
      if (id.startsWith(gqlDir) || !/\.tsx?$/.test(id) || !code.includes('graphql(`')) return null;
      const result = replaceGraphqlCalls(code, table);
      if (result.includes('graphql(`')) {
        this.warn(`${path.relative(process.cwd(), id)}: a graphql() document is not in src/gql (run pnpm codegen); it ships every document to this page.`);
      }
      return result === code ? null : { code: result, map: null };
    },
  };
}

/** `documents` entries of the generated gql.ts: document source → export name in graphql.ts. */
export function documentTable(gqlSource: string): Map<string, string> {
  const start = gqlSource.indexOf('const documents: Documents = {');
  if (start < 0) throw new Error('gql.ts has no `const documents` map: has the client preset changed?');
  const end = gqlSource.indexOf('\n};', start);
  const table = new Map<string, string>();
  for (const match of gqlSource.slice(start, end).matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),?$/gm)) {
    table.set(JSON.parse(match[1]) as string, match[2]);
  }
  return table;
}

/** The documents of the generated graphql.ts: export name → the document as JSON (one line each). */
export function documentSources(typesSource: string): Map<string, string> {
  const documents = new Map<string, string>();
  for (const match of typesSource.matchAll(/^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode<.*>;$/gm)) {
    documents.set(match[1], match[2]);
  }
  return documents;
}

/**
 * Rewrites `graphql(`source`)` calls whose source is in `table` to an import of that one document. Keeps every
 * line where it was (the imports go on the first line, a call keeps its newlines) so line numbers still match.
 */
export function replaceGraphqlCalls(code: string, table: Map<string, string>): string {
  const used = new Set<string>();
  const body = code.replace(/\bgraphql\(\s*`((?:[^`\\$]|\$(?!\{))*)`\s*\)/g, (call, source: string) => {
    const name = table.get(source);
    if (!name) return call;
    used.add(name);
    return `__gqlDocument_${name}` + '\n'.repeat(call.split('\n').length - 1);
  });
  if (used.size === 0) return code;
  const imports = [...used].map((name) => `import { document as __gqlDocument_${name} } from ${JSON.stringify(VIRTUAL + name)};`).join(' ');
  return `${imports} ${body.includes('graphql(`') ? body : withoutGqlIndex(body)}`;
}

/**
 * Once no `graphql()` call is left, the module's other helpers (`getFragmentData`, `FragmentType`) come from
 * `gql/fragment-masking` instead of `gql/index`: the index re-exports `gql.ts`, whose map holds every document,
 * and one importer of it puts that map in a chunk every page shares.
 */
export function withoutGqlIndex(code: string): string {
  return code.replace(/import\s*\{([^}]*)\}\s*from\s*(['"])((?:\.\.?\/)+gql)\2;?/g, (statement, list: string, quote: string, from: string) => {
    const kept = list
      .split(',')
      .map((specifier) => specifier.trim())
      .filter((specifier) => specifier !== '' && specifier !== 'graphql');
    const lines = '\n'.repeat(statement.split('\n').length - 1);
    return kept.length === 0 ? lines : `import { ${kept.join(', ')} } from ${quote}${from}/fragment-masking${quote};${lines}`;
  });
}
