import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { requestLogLevel } from './http-routes.js';
import { createLogger, prettyLine, resolveLogFormat, type LogFormat } from './logger.js';

function capture(format: LogFormat, level: 'debug' | 'info' = 'debug') {
  const out: string[] = [];
  const err: string[] = [];
  const logger = createLogger(level, { service: 'api' }, format, { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } });
  return { logger, out, err };
}

describe('log format', () => {
  it('auto is readable lines on a terminal and JSON anywhere else; LOG_FORMAT overrides it', () => {
    expect(resolveLogFormat('auto', { write: () => true, isTTY: true })).toBe('pretty');
    expect(resolveLogFormat('auto', { write: () => true, isTTY: false })).toBe('json');
    expect(resolveLogFormat('auto', { write: () => true })).toBe('json');
    expect(resolveLogFormat('json', { write: () => true, isTTY: true })).toBe('json');
    expect(resolveLogFormat('pretty', { write: () => true })).toBe('pretty');
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'fancy' })).toThrow(/LOG_FORMAT/);
  });

  it('JSON: one parseable object per line with time, level, msg and the fields', () => {
    const { logger, out } = capture('json');
    logger.child({ requestId: 'r-1' }).info('http request', { path: '/graphql', status: 200 });
    expect(out).toHaveLength(1);
    expect(out[0].endsWith('\n')).toBe(true);
    const parsed = JSON.parse(out[0]);
    expect(parsed).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      msg: 'http request',
      service: 'api',
      requestId: 'r-1',
      path: '/graphql',
      status: 200,
    });
  });

  it('pretty: one line of time, level, message and key=value, quoting what has spaces', () => {
    const { logger, out } = capture('pretty');
    logger.info('Flare is serving', { app: 'http://localhost:4000', note: 'two words', count: 3, durationMs: 12.345, nested: { a: 1 }, missing: undefined });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}Flare is serving service=api app=http:\/\/localhost:4000 note="two words" count=3 durationMs=12.3 nested=\{"a":1\}\n$/);
    expect(() => JSON.parse(out[0])).toThrow();
  });

  it('pretty: an error shows its name and message on the line and its stack below, on stderr', () => {
    const { logger, out, err } = capture('pretty');
    const error = new TypeError('boom went the thing');
    logger.error('start-up failed', { error });
    expect(out).toEqual([]);
    const [first, ...frames] = err[0].trimEnd().split('\n');
    expect(first).toMatch(/ERROR start-up failed service=api error="TypeError: boom went the thing"$/);
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame).toMatch(/^ {4}at /);
  });

  it('JSON keeps an error as name, message and stack (no marker leaks into the output)', () => {
    const { logger, err } = capture('json');
    logger.error('failed', { error: new Error('nope') });
    const parsed = JSON.parse(err[0]);
    expect(Object.keys(parsed.error)).toEqual(['name', 'message', 'stack']);
    expect(parsed.error.message).toBe('nope');
  });

  it('respects the level in both formats', () => {
    for (const format of ['json', 'pretty'] as const) {
      const { logger, out } = capture(format, 'info');
      logger.debug('hidden');
      logger.info('shown');
      expect(out, format).toHaveLength(1);
    }
  });

  it('prettyLine pads the level so messages line up', () => {
    const at = new Date(2026, 0, 2, 3, 4, 5, 6);
    expect(prettyLine(at, 'warn', 'slow', {})).toBe('03:04:05.006 WARN  slow');
    expect(prettyLine(at, 'error', 'bad', {})).toBe('03:04:05.006 ERROR bad');
  });
});

describe('request log level', () => {
  it('app files and probes at debug when they succeed, API requests at info, failures always visible', () => {
    expect(requestLogLevel('app', 200)).toBe('debug');
    expect(requestLogLevel('app', 304)).toBe('debug');
    expect(requestLogLevel('probe', 200)).toBe('debug');
    expect(requestLogLevel('api', 200)).toBe('info');
    expect(requestLogLevel('app', 404)).toBe('info');
    expect(requestLogLevel('probe', 503)).toBe('warn');
    expect(requestLogLevel('api', 500)).toBe('warn');
  });
});
