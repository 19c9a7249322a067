import type { Config } from '../config.js';

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, 'silent'>;
export type LogFields = Record<string, unknown>;

export type Logger = {
  [L in Level]: (message: string, fields?: LogFields) => void;
} & { child(fields: LogFields): Logger };

/** `json`: one JSON object per line, for machines. `pretty`: one readable line per event, for people at a terminal. */
export type LogFormat = 'json' | 'pretty';

type Output = { write(text: string): unknown; isTTY?: boolean };
export type LogOutputs = { stdout: Output; stderr: Output };

/** Config's `auto`: readable lines when stdout is a terminal, JSON otherwise (files, pipes, log collectors). */
export function resolveLogFormat(format: Config['logFormat'], stdout: Output = process.stdout): LogFormat {
  return format === 'auto' ? (stdout.isTTY ? 'pretty' : 'json') : format;
}

/** Log lines on stdout (errors on stderr), one per event: JSON by default, readable lines with `pretty`. */
export function createLogger(level: Config['logLevel'], base: LogFields = {}, format: LogFormat = 'json', outputs: LogOutputs = process): Logger {
  const threshold = levels[level];
  const write =
    (lvl: Level) =>
    (message: string, fields: LogFields = {}) => {
      if (levels[lvl] < threshold) return;
      const time = new Date();
      const all = { ...base, ...serialize(fields) };
      const line = format === 'pretty' ? prettyLine(time, lvl, message, all) : JSON.stringify({ time: time.toISOString(), level: lvl, msg: message, ...all });
      (lvl === 'error' ? outputs.stderr : outputs.stdout).write(`${line}\n`);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => createLogger(level, { ...base, ...fields }, format, outputs),
  };
}

/**
 * `10:36:42.564 INFO  Flare is serving app=http://localhost:4000 listening=http://127.0.0.1:4000` — local time,
 * level, message, then key=value (quoted when the value has spaces, JSON for objects). An error's stack follows
 * on indented lines, so a failure is readable where it happened.
 */
export function prettyLine(time: Date, level: Level, message: string, fields: LogFields): string {
  const clock = [time.getHours(), time.getMinutes(), time.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  const parts = [`${clock}.${String(time.getMilliseconds()).padStart(3, '0')}`, level.toUpperCase().padEnd(5), message];
  const stacks: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (isSerializedError(value)) {
      parts.push(`${key}=${prettyValue(`${value.name}: ${value.message}`)}`);
      if (value.stack)
        stacks.push(
          ...value.stack
            .split('\n')
            .slice(1)
            .map((frame) => `    ${frame.trim()}`),
        );
    } else {
      parts.push(`${key}=${prettyValue(value)}`);
    }
  }
  return [parts.join(' '), ...stacks].join('\n');
}

function prettyValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Math.round(value * 10) / 10);
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

type SerializedError = { name: string; message: string; stack?: string };
function isSerializedError(value: unknown): value is SerializedError {
  return typeof value === 'object' && value !== null && (value as { [ERROR]?: true })[ERROR] === true;
}

const ERROR = Symbol('error');

function serialize(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    // The symbol marks it for the readable format; JSON.stringify skips symbol keys.
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack, [ERROR]: true } : value;
  }
  return out;
}
