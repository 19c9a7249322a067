import type { Graphql } from './workspace.js';

export type AbandonedCart = {
  journeyId: string;
  cart: { id: string; key: string };
  purchase: { id: string; key: string };
  /** Keys for the shop's backend (server-side) and for its web site (the snippet, allowed from `siteOrigin`). */
  serverKey: string;
  webKey: { id: string; secret: string };
};

const CREATE_TRIGGER = `
  mutation ($input: CreateTriggerInput!) {
    createTrigger(input: $input) {
      trigger {
        id
        key
      }
    }
  }
`;

const CREATE_CONTENT = `
  mutation ($input: CreateContentInput!) {
    createContent(input: $input) {
      content {
        id
      }
    }
  }
`;

const CREATE_KEY = `
  mutation ($input: CreateIngestionKeyInput!) {
    createIngestionKey(input: $input) {
      secret
      ingestionKey {
        id
      }
    }
  }
`;

/**
 * Seed 003's abandoned-cart journey, set up through the API in the given workspace and left a draft for the
 * spec to publish: the Cart abandoned and Purchase completed triggers made Ready to use by a first event from a
 * server key, the three messages marked ready, and a key for the shop's web site (`siteOrigin`).
 */
export async function setUpAbandonedCart(graphql: Graphql, baseUrl: string, siteOrigin: string): Promise<AbandonedCart> {
  const cart = (
    await graphql(CREATE_TRIGGER, {
      input: {
        title: 'Cart abandoned',
        category: 'CONVERSION',
        identity: 'PROFILE',
        source: 'Website',
        attributes: [
          { name: 'cartValue', displayName: 'Cart value', type: 'DECIMAL', required: true },
          { name: 'cartUrl', displayName: 'Cart link', type: 'TEXT', maxLength: 500 },
        ],
      },
    })
  ).createTrigger.trigger;
  const purchase = (
    await graphql(CREATE_TRIGGER, {
      input: {
        title: 'Purchase completed',
        category: 'TRANSACTION',
        identity: 'PROFILE',
        source: 'Checkout',
        attributes: [{ name: 'total', displayName: 'Total', type: 'DECIMAL', required: true }],
      },
    })
  ).createTrigger.trigger;

  const server = (await graphql(CREATE_KEY, { input: { label: 'Shop backend' } })).createIngestionKey;
  const res = await fetch(`${baseUrl}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-flare-key': server.secret },
    body: JSON.stringify({
      events: [
        { trigger: cart.key, authId: 'first-shopper', attributes: { cartValue: 10 } },
        { trigger: purchase.key, authId: 'first-shopper', attributes: { total: 10 } },
      ],
    }),
  });
  const accepted = (await res.json()).accepted;
  if (accepted !== 2) throw new Error(`The first events were not both accepted (${accepted}).`);
  const web = (await graphql(CREATE_KEY, { input: { label: 'Web shop', allowedOrigins: [siteOrigin] } })).createIngestionKey;

  const contentIds: string[] = [];
  for (const input of [
    {
      channel: 'EMAIL',
      name: 'Initial email reminder',
      subject: 'You left {{ trigger.cartValue }} in your cart',
      senderName: 'Shop',
      htmlBody: '<p>Hi {{ contact.firstName }}, <a href="{{ trigger.cartUrl }}">finish your order</a></p>',
      textBody: 'Finish your order: {{ trigger.cartUrl }}',
    },
    { channel: 'TEXT', name: 'Second text reminder', body: 'Your cart is waiting: {{ trigger.cartUrl }}' },
    { channel: 'PUSH', name: 'Final push notification', title: 'Still thinking?', body: 'Your cart is saved for you.' },
  ]) {
    const id: string = (await graphql(CREATE_CONTENT, { input })).createContent.content.id;
    await graphql(
      `
        mutation ($id: ID!) {
          markContentReady(input: { id: $id }) {
            content {
              state
            }
          }
        }
      `,
      { id },
    );
    contentIds.push(id);
  }
  const [email, text, push] = contentIds;

  const { createJourney } = await graphql(
    `
      mutation ($input: CreateJourneyInput!) {
        createJourney(input: $input) {
          journey {
            id
          }
        }
      }
    `,
    {
      input: {
        name: 'Abandoned cart',
        definition: {
          startTriggerId: cart.id,
          startTriggerVersion: 1,
          repeatPolicy: 'IMMEDIATELY',
          startAt: new Date(Date.now() - 60_000).toISOString(),
          goalTriggerId: purchase.id,
          goalPercent: 50,
          exitTriggerIds: [purchase.id],
          firstStepId: 'email',
          steps: [
            { id: 'email', type: 'SEND_EMAIL', contentId: email, sendTo: 'CONTACTPOINT_EMAIL', next: 'opened' },
            { id: 'opened', type: 'IF_THEN', branchStepId: 'email', interactionTriggerKey: 'email_opened', withinSeconds: 86_400, no: 'text' },
            { id: 'text', type: 'SEND_TEXT', contentId: text, sendTo: 'CONTACT_PHONE', next: 'wait' },
            { id: 'wait', type: 'WAIT', waitSeconds: 86_400, next: 'push' },
            { id: 'push', type: 'SEND_PUSH', contentId: push },
          ],
        },
      },
    },
  );
  return { journeyId: createJourney.journey.id, cart, purchase, serverKey: server.secret, webKey: { id: web.ingestionKey.id, secret: web.secret } };
}

/**
 * The JavaScript snippet for a trigger and key, as the Integration tab shows it, cut after its library part
 * (`flareIdentify`, `flareTrack`): the example calls that follow it would send sample events of their own.
 */
export async function snippetLibrary(graphql: Graphql, triggerId: string, key: { id: string; secret: string }): Promise<string> {
  const { trigger } = await graphql(
    `
      query ($id: ID!, $keyId: ID!, $secret: String) {
        trigger(id: $id) {
          snippet(ingestionKeyId: $keyId, ingestionKeySecret: $secret, language: JAVASCRIPT) {
            code
            keyIncluded
          }
        }
      }
    `,
    { id: triggerId, keyId: key.id, secret: key.secret },
  );
  const { code, keyIncluded } = trigger.snippet as { code: string; keyIncluded: boolean };
  const end = code.indexOf('\n})();');
  if (!keyIncluded || end < 0 || !code.includes('window.flareTrack')) throw new Error(`Unexpected JavaScript snippet:\n${code}`);
  return code.slice(0, end + '\n})();'.length);
}
