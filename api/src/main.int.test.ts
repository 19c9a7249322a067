import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './config.js';
import { createScratchDatabase } from '../test/harness.js';
import { startMain } from '../test/process.js';
import { collect, wsClient } from '../test/ws.js';

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(() => scratch.drop());

const baseEnv = () => ({ DATABASE_URL: scratch.url, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production' });

describe('the process', () => {
  it('refuses to start on bad configuration, naming every bad key', async () => {
    const run = startMain({ ...baseEnv(), PORT: 'eighty', SHUTDOWN_GRACE_MS: '-5' });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/PORT must be an integer/);
    expect(run.output()).toMatch(/SHUTDOWN_GRACE_MS/);
  });

  it('migrates and seeds on first start, prints the admin login once, and reuses the data on the next start', async () => {
    const first = startMain(baseEnv());
    const [, email, password] = await first.waitFor(/email:\s+(\S+)\n\s+password:\s+(\S+)/);
    const [, url] = await first.waitFor(/"listening":"(http:\/\/[^"]+)"/);
    const signIn = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { workspace { name } } }', variables: { i: { email, password } } }),
    });
    expect((await signIn.json()).data.signIn.workspace.name).toBe('Demo Workspace');
    const query = async (q: string) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: signIn.headers.get('set-cookie')!.split(';')[0] },
        body: JSON.stringify({ query: q }),
      });
      return (await res.json()).data;
    };
    const { triggers, journeys, contents } = await query(
      '{ triggers(first: 100) { totalCount nodes { title kind } } journeys { nodes { id name status } } contents { nodes { name state } } }',
    );
    expect(triggers.totalCount).toBe(20);
    expect(triggers.nodes.filter((n: { kind: string }) => n.kind === 'CUSTOM').map((n: { title: string }) => n.title)).toEqual([
      'Cart abandoned',
      'Purchase completed',
      'Wi-Fi sign-up',
    ]);
    // A demo draft journey whose only problem is the one a new workspace has: no event has arrived yet.
    expect(contents.nodes).toEqual([{ name: 'Wi-Fi welcome', state: 'READY_TO_SEND' }]);
    expect(journeys.nodes).toEqual([{ id: expect.any(String), name: 'Wi-Fi welcome', status: 'DRAFT' }]);
    const { validateJourney } = await query(`mutation { validateJourney(input: { id: "${journeys.nodes[0].id}" }) { problems { code } } }`);
    expect(validateJourney.problems).toEqual([{ code: 'START_TRIGGER_NOT_READY' }]);
    first.child.kill('SIGTERM');
    expect(await first.exited, first.output()).toBe(0);

    const second = startMain(baseEnv());
    await second.waitFor(/"listening"/);
    expect(second.output()).not.toMatch(/password:/);
    expect(second.output()).not.toMatch(/migrations applied/);
    second.child.kill('SIGTERM');
    expect(await second.exited, second.output()).toBe(0);
  });

  it('shuts down gracefully on SIGTERM: closes WebSockets with 1001 and exits 0', async () => {
    const own = await createScratchDatabase();
    try {
      const run = startMain({ ...baseEnv(), DATABASE_URL: own.url, FLARE_ADMIN_EMAIL: 'ops@example.com', FLARE_ADMIN_PASSWORD: 'correct-horse-battery' });
      const [, url] = await run.waitFor(/"listening":"(http:\/\/[^"]+)"/);
      const signIn = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { signIn(input: { email: "ops@example.com", password: "correct-horse-battery" }) { user { id } } }' }),
      });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
      const socket = wsClient(`${url.replace('http', 'ws')}/graphql`, {}, { cookie });
      const sub = collect(socket, 'subscription { auditEntryAppended { id } }');
      await new Promise((r) => setTimeout(r, 300));
      run.child.kill('SIGTERM');
      expect((await socket.closed).code).toBe(1001);
      expect(await run.exited).toBe(0);
      expect(run.output()).toMatch(/"msg":"stopped cleanly"/);
      sub.dispose();
    } finally {
      await own.drop();
    }
  });

  describe('in-flight requests on SIGTERM', () => {
    /** Starts a process on its own database and holds a row lock that makes one content edit wait. */
    async function startWithBlockedEdit(env: Record<string, string>) {
      const own = await createScratchDatabase();
      const run = startMain({ ...baseEnv(), DATABASE_URL: own.url, FLARE_ADMIN_EMAIL: 'ops@example.com', FLARE_ADMIN_PASSWORD: 'correct-horse-battery', ...env });
      const [, url] = await run.waitFor(/"listening":"(http:\/\/[^"]+)"/);
      const signIn = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { signIn(input: { email: "ops@example.com", password: "correct-horse-battery" }) { user { id } } }' }),
      });
      const headers = { 'content-type': 'application/json', cookie: signIn.headers.get('set-cookie')!.split(';')[0] };
      const listed = await (await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: '{ contents { nodes { id revision } } }' }) })).json();
      const [content] = listed.data.contents.nodes;
      const locker = new pg.Client({ connectionString: own.url });
      locker.on('error', () => {});
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM content_items WHERE id = $1 FOR UPDATE', [content.id]);
      const edit = fetch(`${url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          query: `mutation { updateContent(input: { id: "${content.id}", baseRevision: ${content.revision}, name: "Edited during shutdown" }) { content { name } } }`,
        }),
      }).then(
        async (res) => ({ status: res.status, body: await res.json() }),
        (error: Error) => ({ status: 0, body: { error: error.message } }),
      );
      await new Promise((r) => setTimeout(r, 300));
      return {
        own,
        run,
        edit,
        locker,
        cleanup: async () => {
          await locker.end().catch(() => {});
          await own.drop();
        },
      };
    }

    it('lets a request that is running finish within the grace period, then exits 0', async () => {
      const { run, edit, locker, cleanup } = await startWithBlockedEdit({ SHUTDOWN_GRACE_MS: '10000' });
      try {
        run.child.kill('SIGTERM');
        await run.waitFor(/"msg":"shutting down"/);
        await new Promise((r) => setTimeout(r, 500));
        await locker.query('COMMIT');
        const { status, body } = await edit;
        expect(status).toBe(200);
        expect(body.data.updateContent.content.name).toBe('Edited during shutdown');
        expect(await run.exited, run.output()).toBe(0);
      } finally {
        await cleanup();
      }
    });

    it('does not wait past the grace period for a request that cannot finish', async () => {
      const { run, edit, cleanup } = await startWithBlockedEdit({ SHUTDOWN_GRACE_MS: '500' });
      try {
        const stoppedAt = Date.now();
        run.child.kill('SIGTERM');
        const code = await Promise.race([run.exited, new Promise((r) => setTimeout(() => r('still running'), 8_000))]);
        expect(code, run.output()).toBe(0);
        expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(450);
        expect(run.output()).toMatch(/"msg":"stopped cleanly"/);
        expect((await edit).status).not.toBe(200);
      } finally {
        run.child.kill('SIGKILL');
        await cleanup();
      }
    });
  });
});

describe('Ctrl-C on `pnpm start`', () => {
  it('the terminal signals the whole group (the start script, the API and its embedded PostgreSQL): all stop, exit code 0', async () => {
    // What pnpm runs for `start`, through sh as pnpm does: a shell that outlives its child would report the
    // SIGINT itself, and pnpm would print its ELIFECYCLE banner.
    const script = (JSON.parse(readFileSync(path.join(repoRoot, 'api/package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'flare-ctrl-c-'));
    const child = spawn('sh', ['-c', script], {
      cwd: path.join(repoRoot, 'api'),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        PORT: '0',
        LOG_LEVEL: 'info',
        FLARE_DATA_DIR: dataDir,
        FLARE_EMBEDDED_PG_PORT: String(await freePort()),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      await expect.poll(() => out, { timeout: 90_000, interval: 200 }).toMatch(/"listening":"http/);
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited, out).toEqual({ code: 0, signal: null });
      expect(out).toMatch(/"reason":"SIGINT"/);
      expect(out).toMatch(/"msg":"stopped cleanly"/);
      expect(out).not.toMatch(/"level":"error"/);
      // Nothing of the group is left behind (PostgreSQL included).
      await expect.poll(() => groupAlive(child.pid!), { timeout: 10_000 }).toBe(false);
    } finally {
      if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});

function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
