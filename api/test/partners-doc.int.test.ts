import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer, type TestWorkspace } from './harness.js';

const run = promisify(execFile);

/** The fenced code blocks of docs/partners.md: bash blocks, and js blocks named by their first comment line. */
async function docBlocks() {
  const text = await fs.readFile(path.join(repoRoot, 'docs/partners.md'), 'utf8');
  const blocks = [...text.matchAll(/```(bash|js)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({ lang, code, name: /^\/\/ (\S+\.mjs)/.exec(code)?.[1] ?? lang }));
  return Object.fromEntries(blocks.map((b) => [b.name, b.code]));
}

let t: TestServer;
let ws: TestWorkspace;
let admin: GqlClient;
let env: Record<string, string>;
let blocks: Record<string, string>;
// Inside api/ so the examples resolve graphql-ws and ws the way a partner's project would.
const scratchDir = path.join(repoRoot, 'api/.tmp-docs');

beforeAll(async () => {
  t = await startTestServer();
  ws = await createWorkspace(t);
  for (const role of [Role.MARKETER, Role.VIEWER, Role.DEVELOPER, Role.VIEWER]) await addMember(t, ws, role);
  admin = await GqlClient.signedIn(t, ws.admin);
  const { createApiKey } = await admin.data(`mutation { createApiKey(input: { label: "SIEM", scopes: [AUDIT_READ] }) { secret } }`);
  env = { PATH: process.env.PATH ?? '', FLARE_URL: t.url, FLARE_API_KEY: createApiKey.secret };
  blocks = await docBlocks();
  await fs.mkdir(scratchDir, { recursive: true });
});
afterAll(async () => {
  await fs.rm(scratchDir, { recursive: true, force: true });
  await t.close();
});

async function writeExample(name: string) {
  const file = path.join(scratchDir, name);
  await fs.writeFile(file, blocks[name]);
  return file;
}

describe('docs/partners.md examples, run against a live server', () => {
  it('has the examples this test runs', () => {
    expect(Object.keys(blocks).sort()).toEqual(['bash', 'errors.mjs', 'identify.mjs', 'journey.mjs', 'paginate.mjs', 'subscribe.mjs']);
  });

  it('authenticates with curl', async () => {
    const { stdout } = await run('bash', ['-c', blocks.bash], { env });
    expect(JSON.parse(stdout).data.viewer).toMatchObject({ kind: 'API_KEY', permissions: ['audit:read', 'workspace:read'] });
  });

  it('paginates through every member', async () => {
    const { stdout } = await run('node', [await writeExample('paginate.mjs')], { env });
    expect(stdout.trim()).toBe('fetched 5 members');
  });

  it('branches on extensions.code', async () => {
    const { stdout } = await run('node', [await writeExample('errors.mjs')], { env });
    expect(stdout.trim()).toBe('not allowed: MISSING_PERMISSION');
  });

  it('creates and validates a journey with a journeys:write key', async () => {
    const { createApiKey } = await admin.data(`mutation { createApiKey(input: { label: "CRM", scopes: [JOURNEYS_WRITE] }) { secret } }`);
    const { stdout } = await run('node', [await writeExample('journey.mjs')], { env: { ...env, FLARE_API_KEY: createApiKey.secret } });
    const lines = stdout.trim().split('\n');
    expect(lines).toContain('START_TRIGGER_REQUIRED');
    expect(lines).toContain('CONTENT_REQUIRED on email-1');
    const { journeys } = await admin.data(`{ journeys(first: 10) { nodes { name status } } }`);
    expect(journeys.nodes).toEqual([{ name: 'Welcome', status: 'DRAFT' }]);
  });

  it('identifies customers with an ingestion key: per-item results, a retry answered as a duplicate', async () => {
    const { createIngestionKey } = await admin.data(`mutation { createIngestionKey(input: { label: "App", allowedOrigins: [] }) { secret } }`);
    const { stdout } = await run('node', [await writeExample('identify.mjs')], { env: { ...env, FLARE_INGESTION_KEY: createIngestionKey.secret } });
    expect(stdout.trim().split('\n')).toEqual(['0: ACCEPTED (created)', '1: REJECTED phone INVALID_PHONE', 'retry: ACCEPTED, duplicate: true']);
    const { customerByAuthId } = await admin.data(`{ customerByAuthId(kind: CONTACT, authId: "crm-1001") { email consents { channel purpose status } } }`);
    expect(customerByAuthId.email).toBe('ada@example.com');
    expect(customerByAuthId.consents).toContainEqual({ channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_IN' });
  });

  it('subscribes with a plain graphql-ws client', async () => {
    const child = spawn('node', [await writeExample('subscribe.mjs')], { env });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 100 && !out.includes('subscribed'); i += 1) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    await admin.data(`mutation { createApiKey(input: { label: "another", scopes: [EVENTS_READ] }) { secret } }`);
    expect(await exited).toBe(0);
    expect(out).toContain('audit: apiKey.create');
  });
});
