import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, startTestServer, type TestServer } from '../../test/harness.js';
import { startMain, type Started } from '../../test/process.js';

/** Anything that looks like an HTML page, a stack frame or a path on the server. */
const LEAK = /<!DOCTYPE|<html|<pre>|\bat [^\n]*\.(ts|js|mjs|cjs):\d+|node_modules|\/work\/|\/home\/|\/tmp\//i;

type Answer = { status: number; headers: Headers; body: any };

async function send(url: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  expect(res.headers.get('content-type'), `${init.method ?? 'GET'} ${url} answered ${res.status}: ${text}`).toMatch(/^application\/json/);
  expect(text).not.toMatch(LEAK);
  return { status: res.status, headers: res.headers, body: JSON.parse(text) };
}

const json = { 'content-type': 'application/json' };
const gzip = (text: string) => zlib.gzipSync(Buffer.from(text));

/** The failures every route must answer as JSON with a stable code, whatever NODE_ENV is. */
function contract(base: () => string) {
  const graphql = () => `${base()}/graphql`;
  const events = () => `${base()}/v1/events`;
  const graphqlError = (body: any) => body.errors[0].extensions;

  it('malformed JSON: 400 with MALFORMED_JSON on /graphql and /v1/events', async () => {
    const g = await send(graphql(), { method: 'POST', headers: json, body: '{"query": "{ viewer { user { id } } }"' });
    expect(g.status).toBe(400);
    expect(graphqlError(g.body)).toMatchObject({ code: 'BAD_REQUEST', reason: 'MALFORMED_JSON' });
    const e = await send(events(), { method: 'POST', headers: { ...json, 'x-flare-key': 'fik_x' }, body: '{"trigger": ' });
    expect(e.status).toBe(400);
    expect(e.body.error.code).toBe('MALFORMED_JSON');
  });

  it('bodies over the limit: 413 with REQUEST_TOO_LARGE', async () => {
    const big = JSON.stringify({ query: `{ viewer { user { id } } }`, variables: { pad: 'x'.repeat(600 * 1024) } });
    const g = await send(graphql(), { method: 'POST', headers: json, body: big });
    expect(g.status).toBe(413);
    expect(graphqlError(g.body)).toMatchObject({ code: 'BAD_REQUEST', reason: 'REQUEST_TOO_LARGE' });
    const e = await send(events(), { method: 'POST', headers: json, body: big });
    expect(e.status).toBe(413);
    expect(e.body.error.code).toBe('REQUEST_TOO_LARGE');
  });

  it('an unknown content-encoding: 415 with UNSUPPORTED_ENCODING', async () => {
    const headers = { ...json, 'content-encoding': 'snappy' };
    const g = await send(graphql(), { method: 'POST', headers, body: '{"query":"{ __typename }"}' });
    expect(g.status).toBe(415);
    expect(graphqlError(g.body)).toMatchObject({ code: 'BAD_REQUEST', reason: 'UNSUPPORTED_ENCODING' });
    const e = await send(events(), { method: 'POST', headers, body: '{}' });
    expect(e.status).toBe(415);
    expect(e.body.error.code).toBe('UNSUPPORTED_ENCODING');
  });

  it('a body that claims gzip but is not: 400 with BAD_ENCODING; real gzip still works', async () => {
    const headers = { ...json, 'content-encoding': 'gzip' };
    const g = await send(graphql(), { method: 'POST', headers, body: 'this is not gzip' });
    expect(g.status).toBe(400);
    expect(graphqlError(g.body)).toMatchObject({ code: 'BAD_REQUEST', reason: 'BAD_ENCODING' });
    const truncated = gzip('{"trigger":"x"}').subarray(0, 12);
    const e = await send(events(), { method: 'POST', headers, body: truncated });
    expect(e.status).toBe(400);
    expect(e.body.error.code).toBe('BAD_ENCODING');
    const ok = await send(graphql(), { method: 'POST', headers, body: gzip('{"query":"{ __typename }"}') });
    expect(ok.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('unknown paths and methods under the API: JSON 404 / 405, never an HTML page', async () => {
    const unknownPath = await send(`${base()}/v1/nope`, { method: 'POST', headers: json, body: '{}' });
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.body.error.code).toBe('NOT_FOUND');
    const getEvents = await send(events());
    expect(getEvents.status).toBe(405);
    expect(getEvents.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(getEvents.headers.get('allow')).toMatch(/POST/);
    const postHealth = await send(`${base()}/healthz`, { method: 'POST' });
    expect(postHealth.status).toBe(405);
    const putGraphql = await send(graphql(), { method: 'PUT', headers: json, body: '{"query":"{ __typename }"}' });
    expect(putGraphql.status).toBe(405);
    expect(graphqlError(putGraphql.body).code).toBe('BAD_REQUEST');
    const elsewhere = await send(`${base()}/v1`, { method: 'PATCH' });
    expect(elsewhere.status).toBe(404);
  });

  it('every error answer carries the request id', async () => {
    const g = await send(graphql(), { method: 'POST', headers: { ...json, 'x-request-id': 'req-errors-1' }, body: '{' });
    expect(g.headers.get('x-request-id')).toBe('req-errors-1');
    expect(graphqlError(g.body).requestId).toBe('req-errors-1');
  });
}

describe('error answers through the test server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.close());
  contract(() => t.url);
});

describe('error answers of the real process with NODE_ENV=production', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let run: Started;
  let url = '';
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    run = startMain({ DATABASE_URL: scratch.url, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production', FLARE_SEED_DEMO: 'false' });
    [, url] = await run.waitFor(/"listening":"(http:\/\/[^"]+)"/, 60_000);
  });
  afterAll(async () => {
    run?.child.kill('SIGTERM');
    await run?.exited;
    await scratch?.drop();
  });
  contract(() => url);

  it('logs nothing to the client that it should not, but logs the request', async () => {
    await send(`${url}/graphql`, { method: 'POST', headers: { ...json, 'x-request-id': 'req-prod-log' }, body: '{' });
    await run.waitFor(/"requestId":"req-prod-log"/);
  });
});
