import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphql } from '../src/gql';
import { documentSources, documentTable, replaceGraphqlCalls, withoutGqlIndex } from './gql-documents';

const gqlDir = path.resolve(import.meta.dirname, '../src/gql');
const table = documentTable(readFileSync(path.join(gqlDir, 'gql.ts'), 'utf8'));
const documents = documentSources(readFileSync(path.join(gqlDir, 'graphql.ts'), 'utf8'));

describe('per-document GraphQL imports in the build', () => {
  it('knows every generated document, and each build-time document is the one graphql() returns at run time', () => {
    expect(table.size).toBeGreaterThan(50);
    for (const [source, name] of table) {
      expect(documents.has(name), name).toBe(true);
      expect(JSON.parse(documents.get(name)!), name).toEqual(graphql(source as never));
    }
  });

  it('replaces known calls with one import each, keeps every line in place, and leaves unknown calls alone', () => {
    const [known, name] = [...table][0];
    const code = [
      "import { getFragmentData, graphql, type FragmentType } from '../../gql';",
      `const A = graphql(\`${known}\`);`,
      'const B = graphql(`query NotGenerated { viewer { kind } }`);',
      `const C = graphql(\`${known}\`);`,
    ].join('\n');
    const out = replaceGraphqlCalls(code, table);
    expect(out.split('\n')).toHaveLength(code.split('\n').length);
    expect(out.match(/import \{ document as /g)).toHaveLength(1);
    expect(out).toContain(`from "virtual:flare-gql-document/${name}"`);
    expect(out).toContain('graphql(`query NotGenerated');
    // A call is still made at run time, so the index import stays.
    expect(out).toContain("from '../../gql';");
    expect(out.split('\n').filter((line) => line.includes(`__gqlDocument_${name}`))).toHaveLength(3);
  });

  it('once every call is replaced, the other helpers come from fragment-masking, not the index with every document', () => {
    const [known] = [...table][0];
    const out = replaceGraphqlCalls(`import { getFragmentData, graphql, type FragmentType } from '../../gql';\nconst A = graphql(\`${known}\`);`, table);
    expect(out).toContain("import { getFragmentData, type FragmentType } from '../../gql/fragment-masking';");
    expect(out).not.toMatch(/from '\.\.\/\.\.\/gql'/);
    expect(withoutGqlIndex("import { graphql } from '../gql';\nx")).toBe('\nx');
    expect(withoutGqlIndex("import type { X } from '../gql/graphql';")).toBe("import type { X } from '../gql/graphql';");
  });

  it('refuses template literals with substitutions (codegen never generates them)', () => {
    const code = 'const A = graphql(`query Q { a(id: ${id}) }`);';
    expect(replaceGraphqlCalls(code, new Map([['query Q { a(id: ${id}) }', 'QDocument']]))).toBe(code);
  });
});
