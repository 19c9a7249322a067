/** Pure rules of ingestion keys. */

export const MAX_OVERLAP_HOURS = 24 * 7;
export const DEFAULT_OVERLAP_HOURS = 24;
export const MAX_ORIGINS = 20;

export type KeyState = 'ACTIVE' | 'EXPIRING' | 'EXPIRED' | 'REVOKED';

export function keyState(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): KeyState {
  if (key.revokedAt) return 'REVOKED';
  if (key.expiresAt) return key.expiresAt.getTime() > now.getTime() ? 'EXPIRING' : 'EXPIRED';
  return 'ACTIVE';
}

export const acceptsEvents = (key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date) => ['ACTIVE', 'EXPIRING'].includes(keyState(key, now));

/** `https://Shop.example.com/` → `https://shop.example.com`; null when it is not an http(s) origin. */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (!['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function originProblems(origins: string[]): string[] {
  const problems = origins.filter((o) => normaliseOrigin(o) === null).map((o) => `“${o}” is not an origin like https://shop.example.com.`);
  if (origins.length > MAX_ORIGINS) problems.push(`At most ${MAX_ORIGINS} origins.`);
  return problems;
}

export function overlapProblem(hours: number): string | null {
  return Number.isInteger(hours) && hours >= 0 && hours <= MAX_OVERLAP_HOURS ? null : `The overlap must be 0–${MAX_OVERLAP_HOURS} hours.`;
}
