/** Injected wherever time matters, so one-hour locks and expiries are tested without waiting. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
