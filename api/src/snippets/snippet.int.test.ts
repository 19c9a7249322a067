import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { customerByAuthId } from '../../test/identify.js';
import { createIngestionKey, triggerStatus } from '../../test/ingestion.js';
import { createTrigger } from '../../test/triggers.js';

const run = promisify(execFile);
const SNIPPET = `query($id: ID!, $language: SnippetLanguage!, $key: ID!, $secret: String) {
  trigger(id: $id) { snippet(language: $language, ingestionKeyId: $key, ingestionKeySecret: $secret) { filename code instructions securityAdvice keyIncluded } } }`;

let t: TestServer;
const scratch = path.join(repoRoot, 'api/.tmp-snippets');
beforeAll(async () => {
  // The snippets post to PUBLIC_URL, so point it at this test server once it listens.
  t = await startTestServer();
  await t.close();
  const port = new URL(t.url).port;
  t = await startTestServer({ env: { PUBLIC_URL: `http://127.0.0.1:${port}`, PORT: port } });
  await fs.mkdir(scratch, { recursive: true });
});
afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
  await t.close();
});

async function fresh() {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const trigger = await createTrigger(admin, {
    identity: 'PROFILE',
    attributes: [
      { name: 'total', type: 'DECIMAL', required: true },
      { name: 'placedAt', type: 'DATETIME' },
      { name: 'gift', type: 'BOOLEAN' },
      { name: 'order', type: 'ENTITY_REFERENCE', entity: 'order', required: true },
    ],
  });
  const key = await createIngestionKey(admin);
  return { admin, trigger, key };
}

async function snippetFor(admin: GqlClient, triggerId: string, language: string, keyId: string, secret: string | null = null) {
  return (await admin.data(SNIPPET, { id: triggerId, language, key: keyId, secret })).trigger.snippet;
}

describe('generated snippets run against a live server', () => {
  const runners: Record<string, string> = { NODE: 'node', PYTHON: 'python3', CURL: 'bash' };
  it.each(['NODE', 'PYTHON', 'CURL'])('the %s snippet identifies the customer and turns a fresh trigger Ready to use', async (language) => {
    const { admin, trigger, key } = await fresh();
    const snippet = await snippetFor(admin, trigger.id, language, key.id);
    expect(snippet.keyIncluded).toBe(false);
    expect(snippet.securityAdvice.join(' ')).toMatch(/Protect|secret manager/);
    const file = path.join(scratch, snippet.filename);
    await fs.writeFile(file, snippet.code);
    const { stdout } = await run(runners[language], [file], { env: { PATH: process.env.PATH ?? '', FLARE_INGESTION_KEY: key.secret } });
    expect(stdout).toMatch(language === 'CURL' ? /"accepted":1/ : /Flare accepted 1 event/);
    expect(stdout).toMatch(language === 'CURL' ? /"created":true/ : /Flare identified 1 customer/);
    expect((await triggerStatus(admin, trigger.id)).status).toBe('READY_TO_USE');
    // The customer the event names now exists, with the contact details and consent the snippet sent.
    const customer = await customerByAuthId(admin, 'profile-42', 'PROFILE');
    expect(customer).toMatchObject({ kind: 'PROFILE', email: 'ada@example.com', firstName: 'Ada', source: 'API' });
    expect(customer!.consents.find((c: any) => c.channel === 'EMAIL' && c.purpose === 'COMMERCIAL')).toMatchObject({ status: 'OPTED_IN', source: 'API' });
  });

  it('the curl snippet made with a just-created key runs as copied, without setting anything first', async () => {
    const { admin, trigger, key } = await fresh();
    const snippet = await snippetFor(admin, trigger.id, 'CURL', key.id, key.secret);
    expect(snippet.keyIncluded).toBe(true);
    const file = path.join(scratch, `with-key-${snippet.filename}`);
    await fs.writeFile(file, snippet.code);
    const { stdout } = await run('bash', [file], { env: { PATH: process.env.PATH ?? '' } });
    expect(stdout).toMatch(/"accepted":1/);
    expect((await triggerStatus(admin, trigger.id)).status).toBe('READY_TO_USE');
  });

  it('embeds the key only when its secret is given and verified', async () => {
    const { admin, trigger, key } = await fresh();
    const withKey = await snippetFor(admin, trigger.id, 'JAVASCRIPT', key.id, key.secret);
    expect(withKey.keyIncluded).toBe(true);
    expect(withKey.code).toContain(key.secret);
    expect(await admin.error(SNIPPET, { id: trigger.id, language: 'JAVASCRIPT', key: key.id, secret: `${key.prefix}_wrongwrongwrongwrongwrongwrong` })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'KEY_SECRET_MISMATCH',
    });
    const opened = (await admin.data(`{ triggerByKey(key: "email_opened") { id } }`)).triggerByKey.id;
    expect(await admin.error(SNIPPET, { id: opened, language: 'NODE', key: key.id })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_CUSTOM_TRIGGER' });
  });
});
