import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isConnectionError } from './connection-errors.js';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it('recognises socket errors, shutdown and connection-exception codes, and pg timeouts', () => {
    for (const error of [
      coded('ECONNREFUSED'),
      coded('ECONNRESET'),
      coded('57P01', 'terminating connection due to administrator command'),
      coded('57P03', 'the database system is starting up'),
      coded('08006'),
      coded('57014', 'canceling statement due to statement timeout'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]),
    ]) {
      expect(isConnectionError(error), String(error)).toBe(true);
    }
  });

  it('unwraps TypeORM, GraphQL and cause wrappers', () => {
    const typeorm = Object.assign(new Error('QueryFailedError'), { driverError: coded('57P01') });
    expect(isConnectionError(typeorm)).toBe(true);
    expect(isConnectionError(new GraphQLError('wrapped', { originalError: typeorm }))).toBe(true);
    expect(isConnectionError(new Error('outer', { cause: new Error('Connection terminated') }))).toBe(true);
  });

  it('does not take bugs or refused statements for an outage', () => {
    for (const error of [
      new Error('boom'),
      coded('23505', 'duplicate key'),
      coded('22P02', 'invalid input syntax for type uuid'),
      coded('22021'),
      null,
      undefined,
      'ECONNREFUSED',
      { code: 42 },
    ]) {
      expect(isConnectionError(error), JSON.stringify(error)).toBe(false);
    }
  });
});
