import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, repoRoot } from '../src/config.js';

const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'));
const rootPackage = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

describe('docker-compose.yml', () => {
  it('defines postgres and the app, the app waiting for a healthy database', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'postgres', 'worker']);
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+/);
    expect(compose.services.app.depends_on.postgres.condition).toBe('service_healthy');
  });

  it('builds the app from a Dockerfile that exists and starts a real script', () => {
    const { context, dockerfile } = compose.services.app.build;
    const file = path.join(repoRoot, context, dockerfile);
    expect(fs.existsSync(file)).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(text)![1]) as string[];
    expect(cmd.slice(0, 3)).toEqual(['pnpm', '--filter', '@flare/api']);
    const apiPackage = JSON.parse(fs.readFileSync(path.join(repoRoot, 'api/package.json'), 'utf8'));
    expect(apiPackage.scripts[cmd[3]]).toBeDefined();
    expect(text).toMatch(/pnpm --filter @flare\/web build/);
    expect(rootPackage.packageManager).toMatch(/^pnpm@10/);
  });

  it('gives the app a configuration Flare accepts, pointing at the postgres service', () => {
    const env = compose.services.app.environment as Record<string, string>;
    const config = loadConfig(env);
    expect(new URL(config.databaseUrl!).hostname).toBe('postgres');
    expect(new URL(config.databaseUrl!).username).toBe(compose.services.postgres.environment.POSTGRES_USER);
    expect(config.host).toBe('0.0.0.0');
    expect(compose.services.app.ports).toContain(`${config.port}:${config.port}`);
  });

  it('offers journey workers on the same database, started only with the workers profile', () => {
    const worker = compose.services.worker;
    expect(worker.profiles).toEqual(['workers']);
    expect(worker.build).toEqual(compose.services.app.build);
    const config = loadConfig(worker.environment as Record<string, string>);
    expect(config.role).toBe('worker');
    expect(config.seedDemo).toBe(false);
    expect(config.databaseUrl).toBe(loadConfig(compose.services.app.environment as Record<string, string>).databaseUrl);
    expect(worker.ports).toBeUndefined();
  });
});
