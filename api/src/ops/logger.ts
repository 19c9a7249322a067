import type { Config } from '../config.js';

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, 'silent'>;
export type LogFields = Record<string, unknown>;

export type Logger = {
  [L in Level]: (message: string, fields?: LogFields) => void;
} & { child(fields: LogFields): Logger };

/** Structured JSON lines on stdout (errors on stderr), one object per event. */
export function createLogger(level: Config['logLevel'], base: LogFields = {}): Logger {
  const threshold = levels[level];
  const write =
    (lvl: Level) =>
    (message: string, fields: LogFields = {}) => {
      if (levels[lvl] < threshold) return;
      const line = JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: message, ...base, ...serialize(fields) });
      (lvl === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => createLogger(level, { ...base, ...fields }),
  };
}

function serialize(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
