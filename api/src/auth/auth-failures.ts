import { AppError, ErrorCode } from '../graphql/errors.js';
import type { RateLimiter } from '../ops/rate-limit.js';

export const TOO_MANY_FAILED_AUTHENTICATIONS = 'TOO_MANY_FAILED_AUTHENTICATIONS';

/** RATE_LIMITED with a stable reason; 429 and Retry-After over HTTP. */
export function tooManyFailedAuthentications(retryAfterSeconds: number): AppError {
  const error = new AppError(ErrorCode.RATE_LIMITED, `Too many failed authentications from this address. Retry after ${retryAfterSeconds} s.`, {
    reason: TOO_MANY_FAILED_AUTHENTICATIONS,
    retryAfterSeconds,
  });
  error.extensions.http = { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) };
  return error;
}

/** An authentication attempt, counted against its address until it turns out to have succeeded. */
export type AuthAttempt = { succeeded(): void; failed(): void };
type Begun = { ok: true; attempt: AuthAttempt } | { ok: false; retryAfterSeconds: number };
type Shared = { reservation: ReturnType<RateLimiter['reserve']>; users: number };

/**
 * Failed authentications per client address (unknown or malformed API and ingestion keys, bad passwords).
 * Every attempt is counted before anything is looked up and taken back when it succeeds, so an address over
 * its budget is refused without a database query — concurrent attempts included, in any process — and
 * guessing costs the guesser. Concurrent attempts with the same secret from the same address are one guess
 * (a partner's parallel workers, a burst of events), so legitimate bursts never use the budget up.
 */
export class AuthFailures {
  private readonly inFlight = new Map<string, Shared>();

  constructor(private readonly limiter: RateLimiter) {}

  async tryBegin(address: string, secret: string): Promise<Begun> {
    const id = `${address}\n${secret}`;
    let shared = this.inFlight.get(id);
    if (!shared) this.inFlight.set(id, (shared = { reservation: this.limiter.reserve(address), users: 0 }));
    shared.users += 1;
    const done = () => {
      shared.users -= 1;
      if (shared.users === 0 && this.inFlight.get(id) === shared) this.inFlight.delete(id);
    };
    const reservation = await shared.reservation;
    if (!reservation.ok) {
      done();
      return reservation;
    }
    let settled = false;
    const settle = (success: boolean) => {
      if (settled) return;
      settled = true;
      if (success) reservation.release();
      done();
    };
    return { ok: true, attempt: { succeeded: () => settle(true), failed: () => settle(false) } };
  }

  /** Throws RATE_LIMITED (TOO_MANY_FAILED_AUTHENTICATIONS) when the address has used up its budget. */
  async begin(address: string, secret: string): Promise<AuthAttempt> {
    const started = await this.tryBegin(address, secret);
    if (!started.ok) throw tooManyFailedAuthentications(started.retryAfterSeconds);
    return started.attempt;
  }
}
