/** Pure decisions about password reset links. */

/** A reset link works for one hour, once. */
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

export type ResetLinkState = 'VALID' | 'UNKNOWN' | 'USED' | 'EXPIRED';

export function resetLinkState(link: { usedAt: Date | null; expiresAt: Date } | null, now: Date): ResetLinkState {
  if (!link) return 'UNKNOWN';
  if (link.usedAt) return 'USED';
  if (link.expiresAt <= now) return 'EXPIRED';
  return 'VALID';
}

export function resetLinkMessage(state: Exclude<ResetLinkState, 'VALID'>): string {
  switch (state) {
    case 'UNKNOWN':
      return 'This password reset link is not valid. Ask for a new one from the sign-in page.';
    case 'USED':
      return 'This password reset link was already used. Ask for a new one from the sign-in page if you need to.';
    case 'EXPIRED':
      return 'This password reset link has expired (links work for one hour). Ask for a new one from the sign-in page.';
  }
}
