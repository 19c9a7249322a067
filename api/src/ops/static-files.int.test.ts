import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { IMMUTABLE, REVALIDATE } from './http-routes.js';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A raw GET (fetch would add its own Accept-Encoding and decode the body). */
function get(url: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const decode = (answer: Answer) => {
  switch (answer.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(answer.body).toString();
    case 'gzip':
      return zlib.gunzipSync(answer.body).toString();
    case undefined:
      return answer.body.toString();
    default:
      throw new Error(`unexpected content-encoding ${answer.headers['content-encoding']}`);
  }
};

const INDEX = `<!doctype html><html lang="en"><head><title>Flare</title><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>\n`;
const SCRIPT = `export const answer = ${JSON.stringify('x'.repeat(2000))};\n`;
const MAP = JSON.stringify({ version: 3, sources: ['../../src/secret-source.tsx'], sourcesContent: ['const apiKey = "do not publish";'], mappings: 'AAAA' });

/** A build as `vite build` writes it: hashed assets with .br/.gz siblings, a hidden source map, the manifest. */
async function writeDist(dir: string) {
  const write = async (file: string, text: string, compressed: boolean) => {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), text);
    if (!compressed) return;
    await fs.writeFile(path.join(dir, `${file}.br`), zlib.brotliCompressSync(text));
    await fs.writeFile(path.join(dir, `${file}.gz`), zlib.gzipSync(text, { level: 9 }));
  };
  await write('index.html', INDEX, true);
  await write('assets/index-AbC123.js', SCRIPT, true);
  await write('assets/index-AbC123.js.map', MAP, false);
  await write('assets/tiny-Q9w8E7.js', 'export{};\n', false);
  await write('.vite/manifest.json', JSON.stringify({ 'index.html': { file: 'assets/index-AbC123.js', isEntry: true } }), true);
}

let dist: string;
let server: TestServer;
beforeAll(async () => {
  dist = await fs.mkdtemp(path.join(os.tmpdir(), 'flare-dist-'));
  await writeDist(dist);
  server = await startTestServer({ env: { FLARE_WEB_DIST: dist } });
});
afterAll(async () => {
  await server?.close();
  await fs.rm(dist, { recursive: true, force: true });
});

describe('the admin app files', () => {
  it('sends the brotli file when the browser accepts br, gzip when only gzip, the plain file otherwise', async () => {
    const url = `${server.url}/assets/index-AbC123.js`;
    const br = await get(url, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(decode(br)).toBe(SCRIPT);

    const gzip = await get(url, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decode(gzip)).toBe(SCRIPT);

    for (const accept of [undefined, 'identity', 'deflate']) {
      const plain = await get(url, accept);
      expect(plain.status, `Accept-Encoding: ${accept}`).toBe(200);
      expect(plain.headers['content-encoding'], `Accept-Encoding: ${accept}`).toBeUndefined();
      expect(plain.body.toString()).toBe(SCRIPT);
    }
    // Caches must keep one copy per encoding.
    for (const answer of [br, gzip]) expect(answer.headers.vary).toMatch(/accept-encoding/i);
  });

  it('caches hashed assets for a year as immutable, compressed or not', async () => {
    for (const [file, accept] of [
      ['index-AbC123.js', 'br'],
      ['index-AbC123.js', 'gzip'],
      ['index-AbC123.js', undefined],
      ['tiny-Q9w8E7.js', 'br'],
    ] as const) {
      const answer = await get(`${server.url}/assets/${file}`, accept);
      expect(answer.status, file).toBe(200);
      expect(answer.headers['cache-control'], `${file} with ${accept}`).toBe(IMMUTABLE);
    }
  });

  it('never lets index.html go stale: no-cache on /, /index.html and every client-side route, compressed too', async () => {
    for (const route of ['/', '/index.html', '/triggers', '/triggers/abc', '/settings/members?tab=1']) {
      for (const accept of ['br, gzip', 'gzip', undefined]) {
        const answer = await get(`${server.url}${route}`, accept);
        expect(answer.status, route).toBe(200);
        expect(answer.headers['content-type'], route).toMatch(/^text\/html/);
        expect(answer.headers['cache-control'], `${route} with ${accept}`).toBe(REVALIDATE);
        expect(answer.headers['content-encoding'] ?? 'identity', `${route} with ${accept}`).toBe(accept === undefined ? 'identity' : accept.split(',')[0]);
        expect(decode(answer), route).toBe(INDEX);
      }
    }
  });

  it('does not publish source maps, even when the build left one beside the asset', async () => {
    await expect(fs.stat(path.join(dist, 'assets/index-AbC123.js.map'))).resolves.toBeTruthy();
    for (const accept of ['br, gzip', undefined]) {
      const answer = await get(`${server.url}/assets/index-AbC123.js.map`, accept);
      expect(answer.status).toBe(404);
      expect(answer.body.toString()).not.toMatch(/secret-source|do not publish/);
    }
    expect((await get(`${server.url}/assets/INDEX-AbC123.JS.MAP`)).status).toBe(404);
  });

  it('answers 404 for a missing asset and for the build manifest, never the app page', async () => {
    for (const file of ['/assets/index-Old999.js', '/.vite/manifest.json']) {
      const answer = await get(`${server.url}${file}`, 'br, gzip');
      expect(answer.status, file).toBe(404);
      expect(answer.headers['content-type'], file).toMatch(/^application\/json/);
      expect(decode(answer), file).not.toContain('<div id="root">');
    }
  });
});
