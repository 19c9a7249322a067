import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { flushFailure } from './flush-failure.rules.js';

/** An error as pg raises it for a statement PostgreSQL refused. */
const fromServer = (code: string) => Object.assign(new pg.DatabaseError('refused', 1, 'error'), { severity: 'ERROR', code });

describe('flushFailure', () => {
  it('takes errors caused by the data written as DATA: the culprit can be isolated', () => {
    for (const code of ['22P05', '22021', '22P02', '22008', '23514', '23502', '54001', 'P0001']) expect(flushFailure(fromServer(code)), code).toBe('DATA');
    expect(flushFailure(new RangeError('Maximum call stack size exceeded'))).toBe('DATA');
  });

  it('takes deadlocks and serialization failures as CONFLICT: the same batch is written again', () => {
    for (const code of ['40P01', '40001']) expect(flushFailure(fromServer(code)), code).toBe('CONFLICT');
  });

  it('takes everything else as UNAVAILABLE: answered 503, retried by the sender', () => {
    for (const code of ['08006', '57P01', '57014', '53300', '42703', 'XX000']) expect(flushFailure(fromServer(code)), code).toBe('UNAVAILABLE');
    expect(flushFailure(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBe('UNAVAILABLE');
    expect(flushFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('UNAVAILABLE');
    expect(flushFailure(new Error('Connection terminated unexpectedly'))).toBe('UNAVAILABLE');
    expect(flushFailure(new Error('timeout exceeded when trying to connect'))).toBe('UNAVAILABLE');
    expect(flushFailure(undefined)).toBe('UNAVAILABLE');
  });
});
