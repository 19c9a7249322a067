import { createPubSub } from '@graphql-yoga/subscription';

/** Payloads stay small (ids, not rows) so they can cross processes later; resolvers load what they show. */
export type PubSubChannels = {
  AUDIT_APPENDED: [{ workspaceId: string; entryId: string }];
  /** A session signed out or an API key revoked: open WebSockets using it are closed. */
  CREDENTIAL_REVOKED: [{ credentialId: string }];
  /** A user's membership of a workspace was added, removed or changed role: their open WebSockets re-authenticate. */
  MEMBERSHIP_CHANGED: [{ workspaceId: string; userId: string }];
  /**
   * Local to this process (see PgEventTarget): the event listener is back after losing its connection at
   * `since`; notifications may have been missed, so live subscriptions re-read their state.
   */
  RESYNC: [{ since: string }];
  /** Journey runs or messages are due now (sent inside the transaction that made them due): executors wake. */
  RUNTIME_DUE: [Record<string, never>];
  /** Runs of a journey changed (coalesced: a few per second per journey at most). */
  JOURNEY_RUNS: [{ workspaceId: string; journeyId: string }];
  /** A trigger's verification status changed (delivered at once). */
  TRIGGER_STATUS: [{ workspaceId: string; triggerId: string }];
  /** A trigger's counters changed (coalesced: a few per second at most). */
  TRIGGER_STATS: [{ workspaceId: string; triggerId: string }];
  /** Events were stored for a trigger (null: unknown trigger); at most 50 ids per message. */
  TRIGGER_EVENTS: [{ workspaceId: string; triggerId: string | null; eventIds: string[] }];
};

export const Topic = {
  AUDIT_APPENDED: 'AUDIT_APPENDED',
  CREDENTIAL_REVOKED: 'CREDENTIAL_REVOKED',
  MEMBERSHIP_CHANGED: 'MEMBERSHIP_CHANGED',
  RESYNC: 'RESYNC',
  RUNTIME_DUE: 'RUNTIME_DUE',
  JOURNEY_RUNS: 'JOURNEY_RUNS',
  TRIGGER_STATUS: 'TRIGGER_STATUS',
  TRIGGER_STATS: 'TRIGGER_STATS',
  TRIGGER_EVENTS: 'TRIGGER_EVENTS',
} as const satisfies Record<keyof PubSubChannels, keyof PubSubChannels>;

/** In-process by default; pass a PgEventTarget so several API processes share one stream. */
export function createFlarePubSub(eventTarget?: EventTarget) {
  return createPubSub<PubSubChannels>(eventTarget ? { eventTarget: eventTarget } : undefined);
}
export type FlarePubSub = ReturnType<typeof createFlarePubSub>;
