import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';

const FILE = 'secret.key';

/**
 * The key that seals provider secrets and signs tracking links: FLARE_SECRET_KEY (base64 of 32 bytes), else the
 * data directory's `secret.key`, created on first start (readable by the owner only). Tests get a fresh one.
 */
export function loadSecretKey(config: Pick<Config, 'secretKey' | 'dataDir' | 'env'>): Buffer {
  if (config.secretKey) {
    const key = Buffer.from(config.secretKey, 'base64');
    if (key.length !== 32) throw new Error('FLARE_SECRET_KEY must be the base64 of 32 random bytes (e.g. `openssl rand -base64 32`).');
    return key;
  }
  if (config.env === 'test') return randomBytes(32);
  const file = path.join(config.dataDir, FILE);
  try {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
    throw new Error(`${file} does not hold the base64 of 32 bytes; restore it from a backup (secrets sealed with another key cannot be read).`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  // `wx`: when two processes start together, one writes and the other reads what it wrote.
  try {
    fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadSecretKey(config);
    throw error;
  }
}
