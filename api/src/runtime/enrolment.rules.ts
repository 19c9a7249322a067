import { RepeatPolicy, type JourneyDefinition } from '../journeys/journey.types.js';
import { EntryRefusal } from './run.types.js';

/** Postgres' `infinity`: a journey that lets each customer through once never allows them again. */
export const NEVER = 'infinity';

/** When a customer who enters now may enter again, by the journey's repeat policy (an open run with the same binding always blocks). */
export function nextAllowedAt(def: JourneyDefinition, now: Date): string {
  switch (def.repeatPolicy) {
    case RepeatPolicy.NOT_ALLOWED:
      return NEVER;
    case RepeatPolicy.IMMEDIATELY:
      return now.toISOString();
    case RepeatPolicy.AFTER:
      return new Date(now.getTime() + (def.repeatAfterSeconds ?? 0) * 1000).toISOString();
  }
}

/** The refusal for an entry the ledger (journey_entries) turned down: the policy says why. */
export function repeatRefusal(def: JourneyDefinition): EntryRefusal {
  return def.repeatPolicy === RepeatPolicy.NOT_ALLOWED ? EntryRefusal.REPEAT_NOT_ALLOWED : EntryRefusal.REPEAT_TOO_SOON;
}

/**
 * The checks an event of the start trigger passes before the database decides on repeats: it names a customer,
 * the journey admits new entries now (the end stops only new entries), it fits the pinned version, and the
 * customer can receive at least one of the journey's messages.
 */
export function entryRefusal(def: JourneyDefinition, e: { customerId: string | null; fitsPinnedVersion: boolean; reachable: boolean }, now: Date): EntryRefusal | null {
  if (e.customerId === null) return EntryRefusal.NO_CUSTOMER;
  if (def.startAt && Date.parse(def.startAt) > now.getTime()) return EntryRefusal.NOT_STARTED;
  if (def.endAt && Date.parse(def.endAt) <= now.getTime()) return EntryRefusal.ENDED;
  if (!e.fitsPinnedVersion) return EntryRefusal.VERSION_MISMATCH;
  if (!e.reachable) return EntryRefusal.NO_CONTACT_POINT;
  return null;
}

/**
 * Within one batch, the earlier of two events for the same journey and customer decides: a second one with the
 * same binding finds the run open; with another binding it enters only when the journey repeats immediately.
 */
export function batchRefusal(def: JourneyDefinition, sameBinding: boolean, sameCustomer: boolean): EntryRefusal | null {
  if (sameBinding) return EntryRefusal.ALREADY_ACTIVE;
  if (sameCustomer && def.repeatPolicy !== RepeatPolicy.IMMEDIATELY) return repeatRefusal(def);
  return null;
}
