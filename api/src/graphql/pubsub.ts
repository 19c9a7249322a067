import { createPubSub } from '@graphql-yoga/subscription';

/** Payloads stay small (ids, not rows) so they can cross processes later; resolvers load what they show. */
export type PubSubChannels = {
  AUDIT_APPENDED: [{ workspaceId: string; entryId: string }];
  /** A session signed out or an API key revoked: open WebSockets using it are closed. */
  CREDENTIAL_REVOKED: [{ credentialId: string }];
};

export const Topic = {
  AUDIT_APPENDED: 'AUDIT_APPENDED',
  CREDENTIAL_REVOKED: 'CREDENTIAL_REVOKED',
} as const satisfies Record<keyof PubSubChannels, keyof PubSubChannels>;

export function createFlarePubSub() {
  return createPubSub<PubSubChannels>();
}
export type FlarePubSub = ReturnType<typeof createFlarePubSub>;
