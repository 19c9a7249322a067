import { randomBytes } from 'node:crypto';
import { randomToken, sha256 } from '../auth/secrets.js';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A partner key reads `flr_<8-char id>_<43-char secret>`. The `flr_<id>` part is the visible prefix,
 * stored in clear and unique, used to find the key; the whole key is stored only as SHA-256.
 */
export function generateApiKey(): { prefix: string; secret: string; secretHash: string } {
  const id = [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  const prefix = `flr_${id}`;
  const secret = `${prefix}_${randomToken(32)}`;
  return { prefix, secret, secretHash: sha256(secret) };
}

/** The prefix of a presented key, or null if it is not shaped like one of ours. */
export function prefixOfApiKey(presented: string): string | null {
  const match = /^(flr_[A-Za-z0-9]{8})_[A-Za-z0-9_-]{20,}$/.exec(presented);
  return match ? match[1] : null;
}
