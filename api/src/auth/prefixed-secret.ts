import { randomBytes } from 'node:crypto';
import { randomToken, sha256 } from './secrets.js';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `flr` partner API keys, `fik` ingestion keys. */
export type SecretKind = 'flr' | 'fik';

/**
 * A key reads `<kind>_<8-char id>_<43-char secret>`. The `<kind>_<id>` part is the visible prefix, stored in
 * clear and unique, used to find the key; the whole key is stored only as SHA-256.
 */
export function generatePrefixedSecret(kind: SecretKind): { prefix: string; secret: string; secretHash: string } {
  const id = [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  const prefix = `${kind}_${id}`;
  const secret = `${prefix}_${randomToken(32)}`;
  return { prefix, secret, secretHash: sha256(secret) };
}

/** The prefix of a presented key of `kind`, or null if it is not shaped like one. */
export function prefixOfSecret(kind: SecretKind, presented: string): string | null {
  const match = new RegExp(`^(${kind}_[A-Za-z0-9]{8})_[A-Za-z0-9_-]{20,}$`).exec(presented);
  return match ? match[1] : null;
}
