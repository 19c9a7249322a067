import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../ops/logger.js';
import { AppError, createFormatError, ErrorCode, rateLimited } from './errors.js';

const logged: Record<string, any>[] = [];
const logger = { ...createLogger('silent'), error: (_msg: string, fields: Record<string, unknown> = {}) => logged.push(fields) };
const format = createFormatError(logger);

describe('formatError', () => {
  it('passes our errors through with code and reason, without stack traces', () => {
    const error = new AppError(ErrorCode.CONFLICT, 'Edited meanwhile.', { reason: 'STALE_VERSION' });
    const formatted = format({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({ message: 'Edited meanwhile.', extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } });
  });

  it('masks unexpected errors with an error id that is also logged', () => {
    const boom = new TypeError('cannot read secret_column of undefined');
    const wrapped = new GraphQLError(boom.message, { originalError: boom, path: ['viewer'] });
    const formatted = format({ message: boom.message, path: ['viewer'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['TypeError…'] } }, wrapped);
    expect(formatted.message).not.toContain('secret_column');
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
    expect(logged.at(-1)).toMatchObject({ errorId: formatted.extensions!.errorId, error: boom });
  });

  it('passes request-shape errors (parse, validation) through', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format({ message: error.message, extensions: error.extensions }, error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('drops the HTTP status hint from rate-limit errors', () => {
    const error = rateLimited(7);
    expect(format({ message: error.message, extensions: error.extensions }, error).extensions).toEqual({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryAfterSeconds: 7 });
  });
});
