import type { GqlClient } from './harness.js';

export const TRIGGER_FIELDS = `id key kind title description category identity source status latestVersion hiddenAt editLockedUntil outOfBox canStartJourneys
  currentVersion { number breaking usableFrom usableNow attributes { name displayName type required maxLength entity comparators } allowedOperations { identifier read write } }`;

export const CREATE_TRIGGER = `mutation($input: CreateTriggerInput!) { createTrigger(input: $input) { trigger { ${TRIGGER_FIELDS} } } }`;
export const UPDATE_TRIGGER = `mutation($input: UpdateTriggerInput!) { updateTrigger(input: $input) {
  trigger { ${TRIGGER_FIELDS} }
  version { number breaking usableFrom usableNow authorLabel changes { kind attribute breaking summary } } } }`;
export const HIDE_TRIGGER = `mutation($input: HideTriggerInput!) { hideTrigger(input: $input) { trigger { id hiddenAt } } }`;

let counter = 0;

/** A valid custom trigger definition; `over` replaces fields. */
export function triggerInput(over: Record<string, unknown> = {}) {
  counter += 1;
  return {
    title: `Order placed ${counter} ${Math.random().toString(36).slice(2, 7)}`,
    description: 'A customer placed an order at checkout.',
    category: 'TRANSACTION',
    identity: 'CONTACT',
    source: 'Checkout',
    attributes: [
      { name: 'total', type: 'DECIMAL', required: true },
      { name: 'items', type: 'NUMBER' },
      { name: 'coupon', type: 'TEXT', maxLength: 40 },
      { name: 'order', type: 'ENTITY_REFERENCE', entity: 'order', required: true },
    ],
    ...over,
  };
}

export async function createTrigger(client: GqlClient, over: Record<string, unknown> = {}) {
  const { createTrigger: created } = await client.data(CREATE_TRIGGER, { input: triggerInput(over) });
  return created.trigger as Record<string, any>;
}
