import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.publicUrl).toBe('http://localhost:4000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.env).toBe('development');
  });

  it('names every bad key at once', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', COOKIE_SECURE: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'COOKIE_SECURE']) expect(problems).toContain(key);
    }
  });

  it('lets anyone introspect in development and test, only signed-in callers in production', () => {
    expect(loadConfig({}).introspection).toBe('on');
    expect(loadConfig({ NODE_ENV: 'test' }).introspection).toBe('on');
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe('authenticated');
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'off' }).introspection).toBe('off');
    expect(() => loadConfig({ INTROSPECTION: 'sometimes' })).toThrow(/INTROSPECTION/);
  });

  it('bounds waiting for the database by default, and refuses a zero timeout', () => {
    expect(loadConfig({})).toMatchObject({ dbConnectTimeoutMs: 5_000, dbStatementTimeoutMs: 30_000, readinessTimeoutMs: 1_500 });
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_MS: '2000' }).dbStatementTimeoutMs).toBe(2_000);
    expect(() => loadConfig({ DB_CONNECT_TIMEOUT_MS: '0', READINESS_TIMEOUT_MS: 'soon' })).toThrow(/DB_CONNECT_TIMEOUT_MS[\s\S]*READINESS_TIMEOUT_MS/);
  });

  it('runs journeys in every process unless told otherwise, with leases of seconds', () => {
    expect(loadConfig({})).toMatchObject({ role: 'all', runtimeLeaseMs: 10_000, runtimePollMs: 1_000 });
    expect(loadConfig({ FLARE_ROLE: 'worker' }).role).toBe('worker');
    expect(() => loadConfig({ FLARE_ROLE: 'executor' })).toThrow(/FLARE_ROLE/);
    expect(() => loadConfig({ RUNTIME_LEASE_MS: '0' })).toThrow(/RUNTIME_LEASE_MS/);
  });

  it('rejects trusted origins that are not URLs', () => {
    expect(() => loadConfig({ TRUSTED_ORIGINS: 'https://ok.example, nope' })).toThrow(/TRUSTED_ORIGINS/);
    expect(loadConfig({ TRUSTED_ORIGINS: 'https://ok.example/' }).trustedOrigins).toEqual(['https://ok.example']);
  });
});
