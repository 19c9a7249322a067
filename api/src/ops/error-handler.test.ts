import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonErrorHandler, jsonNotFound, problemOf } from './error-handler.js';
import type { Logger } from './logger.js';

/** The handler on a bare Express app with routes that throw; the logger records what it is given. */
const logged: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
const record = (level: string) => (message: string, fields?: Record<string, unknown>) => void logged.push({ level, message, fields });
const logger: Logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error'), child: () => logger };

let server: http.Server;
let base = '';
beforeAll(async () => {
  const app = express();
  app.use((req, _res, next) => (((req as { requestId?: string }).requestId = 'req-1'), next()));
  const boom = () => {
    throw new Error('secret detail at /work/main/api/src/thing.ts:12');
  };
  app.get('/v1/boom', boom);
  app.get('/graphql/boom', boom);
  app.get('/v1/db', () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
  app.use(jsonNotFound());
  app.use(jsonErrorHandler(logger));
  server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('jsonErrorHandler', () => {
  it('answers anything thrown with 500 INTERNAL and the request id, logging the error but never sending it', async () => {
    const res = await fetch(`${base}/v1/boom`);
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).not.toMatch(/secret|work\/main|thing\.ts/);
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: expect.stringContaining('req-1'), requestId: 'req-1' } });
    expect(logged.find((l) => l.level === 'error')?.fields).toMatchObject({ requestId: 'req-1', error: expect.objectContaining({ message: expect.stringContaining('secret') }) });
  });

  it('uses the GraphQL error shape on /graphql', async () => {
    const res = await fetch(`${base}/graphql/boom`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL', requestId: 'req-1' } }] });
  });

  it('answers an unreachable database with 503 UNAVAILABLE and Retry-After', async () => {
    const res = await fetch(`${base}/v1/db`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await res.json()).error.code).toBe('UNAVAILABLE');
  });

  it('maps body-parser failures by type and leaves unknown errors to the 500', () => {
    expect(problemOf({ type: 'entity.parse.failed', status: 400 })?.code).toBe('MALFORMED_JSON');
    expect(problemOf({ type: 'entity.too.large', status: 413 })?.status).toBe(413);
    expect(problemOf({ type: 'encoding.unsupported', status: 415 })?.code).toBe('UNSUPPORTED_ENCODING');
    expect(problemOf({ status: 400, code: 'Z_DATA_ERROR' })?.code).toBe('BAD_ENCODING');
    expect(problemOf(new Error('boom'))).toBeNull();
    expect(problemOf({ status: 500, expose: false })).toBeNull();
  });
});
