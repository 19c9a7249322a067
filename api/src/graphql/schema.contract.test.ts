import fs from 'node:fs/promises';
import { buildSchema, isInputObjectType, isObjectType, isEnumType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CONTRACT_PATH, printContract } from './schema.js';

describe('schema contract', () => {
  it('matches schema/schema.graphql (run pnpm schema:emit)', async () => {
    const committed = await fs.readFile(CONTRACT_PATH, 'utf8');
    const fromCode = await printContract();
    expect(fromCode === committed, 'The server SDL differs from schema/schema.graphql: run pnpm schema:emit and commit it.').toBe(true);
  });

  it('describes every type, field, argument and enum value for partners', async () => {
    const schema = buildSchema(await fs.readFile(CONTRACT_PATH, 'utf8'));
    const missing: string[] = [];
    const own = (type: GraphQLNamedType) => !type.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID', 'Query', 'Mutation', 'Subscription'].includes(type.name);
    for (const type of Object.values(schema.getTypeMap()).filter(own)) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
