import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A Flare process of its own (`api/src/main.ts`, as `pnpm start` runs it) on the bench's database, e.g. with
 * FLARE_ROLE=worker: the journey executor and sender then get their own event loop, as on a worker machine.
 * Resolves once it answers /readyz; `stop()` sends it SIGTERM and waits for its clean exit.
 */
export async function startFlareProcess(databaseUrl: string, env: Record<string, string>) {
  const main = fileURLToPath(new URL('../../api/src/main.ts', import.meta.url));
  const port = 35_000 + Math.floor(Math.random() * 5_000);
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', FLARE_SEED_DEMO: 'false', DATABASE_URL: databaseUrl, PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Flare process exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the Flare process did not become ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
