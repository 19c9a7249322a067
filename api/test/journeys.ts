import { createIngestionKey, postEvents } from './ingestion.js';
import type { GqlClient, TestServer } from './harness.js';
import { createTrigger } from './triggers.js';

export const JOURNEY_FIELDS = `id name status revision publishedAt definition { startTriggerId startTriggerVersion repeatPolicy goalTriggerId goalPercent exitTriggerIds firstStepId steps { id type next yes no contentId sendTo branchStepId interactionTriggerKey withinSeconds waitSeconds } }`;

export async function createContent(client: GqlClient, input: Record<string, unknown>) {
  const { createContent: created } = await client.data(`mutation($input: CreateContentInput!) { createContent(input: $input) { content { id state revision } } }`, { input });
  return created.content as { id: string; state: string; revision: number };
}

export async function markReady(client: GqlClient, id: string) {
  return client.data(`mutation($id: ID!) { markContentReady(input: { id: $id }) { content { state revision } } }`, { id });
}

/** Seed 003's setup: ready Cart abandoned / Purchase completed triggers and the three draft messages. */
export async function abandonedCartSetup(t: TestServer, admin: GqlClient) {
  const cart = await createTrigger(admin, {
    title: 'Cart abandoned',
    identity: 'PROFILE',
    category: 'CONVERSION',
    attributes: [
      { name: 'cartValue', type: 'DECIMAL', required: true },
      { name: 'cartUrl', type: 'TEXT' },
    ],
  });
  const purchase = await createTrigger(admin, { title: 'Purchase completed', identity: 'PROFILE', attributes: [{ name: 'total', type: 'DECIMAL', required: true }] });
  const key = await createIngestionKey(admin);
  await postEvents(t, key.secret, {
    events: [
      { trigger: cart.key, authId: 'p-1', attributes: { cartValue: 10 } },
      { trigger: purchase.key, authId: 'p-1', attributes: { total: 10 } },
    ],
  });
  const email = await createContent(admin, {
    channel: 'EMAIL',
    name: 'Initial email reminder',
    subject: 'You left {{ trigger.cartValue }} in your cart',
    senderName: 'Shop',
    htmlBody: '<p>Hi {{ contact.firstName }}, <a href="{{ trigger.cartUrl }}">finish your order</a></p>',
    textBody: 'Finish your order: {{ trigger.cartUrl }}',
  });
  const text = await createContent(admin, { channel: 'TEXT', name: 'Second text reminder', body: 'Your cart is waiting: {{ trigger.cartUrl }}' });
  const push = await createContent(admin, { channel: 'PUSH', name: 'Final push notification', title: 'Still thinking?', body: 'Your cart is saved.' });
  const opened = (await admin.data(`{ triggerByKey(key: "email_opened") { id } }`)).triggerByKey.id as string;
  const definition = {
    startTriggerId: cart.id,
    startTriggerVersion: 1,
    repeatPolicy: 'IMMEDIATELY',
    startAt: new Date(Date.now() - 60_000).toISOString(),
    goalTriggerId: purchase.id,
    goalPercent: 50,
    exitTriggerIds: [purchase.id],
    firstStepId: 'email',
    steps: [
      { id: 'email', type: 'SEND_EMAIL', contentId: email.id, sendTo: 'CONTACTPOINT_EMAIL', next: 'opened' },
      { id: 'opened', type: 'IF_THEN', branchStepId: 'email', interactionTriggerKey: 'email_opened', withinSeconds: 86_400, no: 'text' },
      { id: 'text', type: 'SEND_TEXT', contentId: text.id, sendTo: 'CONTACT_PHONE', next: 'wait' },
      { id: 'wait', type: 'WAIT', waitSeconds: 86_400, next: 'push' },
      { id: 'push', type: 'SEND_PUSH', contentId: push.id },
    ],
  };
  return { cart, purchase, email, text, push, opened, definition };
}
