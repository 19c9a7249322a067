import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, sessionGraphql, signIn } from '../support/browser.js';
import { expectAccessible } from '../support/axe.js';
import { openShop } from '../support/shop.js';
import { switchWorkspace, type Graphql } from '../support/workspace.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1500, height: 1100 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signIn(page, baseUrl, admin.email, admin.password);
});
afterAll(() => browser?.close());

const graphql = sessionGraphql(() => context, baseUrl);

/** The demo workspace's Cart abandoned and Purchase completed triggers become ready when their first events arrive. */
async function makeDemoTriggersReady() {
  const { createIngestionKey } = await graphql(`
    mutation {
      createIngestionKey(input: { label: "Shop backend" }) {
        secret
      }
    }
  `);
  const res = await fetch(`${baseUrl}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-flare-key': createIngestionKey.secret },
    body: JSON.stringify({
      events: [
        {
          trigger: 'cart_abandoned',
          authId: 'p-1',
          contactpoint_email: 'ada@example.com',
          attributes: { cartValue: 59.9, itemCount: 2, cartUrl: 'https://shop.example.com/cart/1' },
        },
        { trigger: 'purchase_completed', authId: 'p-1', attributes: { order: 'o-1', total: 59.9, purchasedAt: '2026-11-22T10:00:00Z' } },
      ],
    }),
  });
  expect((await res.json()).accepted).toBe(2);
}

/** Screenshots of the builder, to look at after a change (not compared): at 1440×900 and 390×844, in FLARE_SCREENSHOTS or a temporary folder. */
const screenshots = process.env.FLARE_SCREENSHOTS ?? path.join(os.tmpdir(), 'flare-screenshots');
/**
 * The step panel fits its card: every field label lies inside the panel and the card does not scroll sideways (labels were
 * cut to “abel” and “ime limit” when the Wait and If/then fields were wider than the card).
 */
async function expectPanelFits(page: Page) {
  const fit = await page.getByRole('region', { name: 'Step settings' }).evaluate((panel) => {
    const box = panel.getBoundingClientRect();
    const card = panel.parentElement!;
    const outside = Array.from(panel.querySelectorAll('label')).filter((l) => {
      const r = l.getBoundingClientRect();
      return r.left < box.left - 1 || r.right > box.right + 1;
    });
    return { sideways: card.scrollWidth - card.clientWidth, outside: outside.map((l) => l.textContent) };
  });
  expect(fit).toEqual({ sideways: 0, outside: [] });
}

async function shoot(page: Page, name: string) {
  await fs.mkdir(screenshots, { recursive: true });
  const viewport = page.viewportSize();
  for (const [label, size] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(screenshots, `${label}-journey-builder-${name}.png`), fullPage: label === 'phone' });
    // At phone width the page itself never scrolls sideways: the canvas scrolls inside its own box.
    if (label === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (await page.getByRole('region', { name: 'Step settings' }).count()) await expectPanelFits(page);
  }
  if (viewport) await page.setViewportSize(viewport);
}

async function choose(label: string | RegExp, option: string | RegExp, scope: Page | ReturnType<Page['locator']> = page) {
  const box = scope.getByRole('combobox', { name: label });
  // A native <select> (the lists' filters) is chosen from as the keyboard or the system picker would; a Fluent
  // dropdown or combobox opens a listbox of options.
  if (await box.evaluate((el) => el.tagName === 'SELECT')) {
    const value = await box.locator('option').filter({ hasText: option }).first().getAttribute('value');
    if (value === null) throw new Error(`${String(label)} has no option ${String(option)}`);
    await box.selectOption(value);
    return;
  }
  await box.click();
  await page.getByRole('option', { name: option }).click();
}

/** Types into a searching combobox, then picks from what the server found. */
async function search(label: string | RegExp, text: string, option: string | RegExp, scope: Page | ReturnType<Page['locator']> = page) {
  await scope.getByRole('combobox', { name: label }).fill(text);
  await page.getByRole('option', { name: option }).click();
}

async function createContent(kind: string, fields: Record<string, string>) {
  await page.getByRole('tab', { name: 'Content' }).click();
  await page.getByRole('button', { name: 'New content' }).click();
  await page.getByRole('menuitem', { name: kind }).click();
  // The content is named first (and created then), the rest is written in its editor.
  const { Name: name, ...rest } = fields;
  const naming = page.getByRole('dialog');
  await naming.getByRole('textbox', { name: 'Name' }).fill(name);
  await naming.getByRole('button', { name: 'Create and edit' }).click();
  await page.waitForURL(/\/content\/[^/]+$/);
  await page.getByRole('textbox', { name: 'Name', exact: true }).waitFor();
  for (const [label, value] of Object.entries(rest)) await page.getByRole('textbox', { name: new RegExp(`^${label}`) }).fill(value);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page
    .getByText(/^Saved/)
    .first()
    .waitFor();
  return page.url().split('/').pop()!;
}

describe('the abandoned-cart journey of seed 003, built in the admin app', () => {
  const contentIds: string[] = [];

  it('writes the three messages as drafts, with a live preview', async () => {
    await makeDemoTriggersReady();
    contentIds.push(
      await createContent('Email', {
        Name: 'Initial email reminder',
        Subject: 'You left {{ trigger.itemCount }} items behind',
        'Sender name': 'Shop',
        'HTML body': '<p>Hi {{ contact.firstName }}, <a href="{{ trigger.cartUrl }}">your cart</a> is waiting.</p>',
        'Plain-text fallback': 'Your cart: {{ trigger.cartUrl }}',
      }),
    );
    await choose(/Preview with a sample of/, 'Cart abandoned');
    await page.getByRole('region', { name: 'Personalisation tokens' }).getByText('{{ trigger.cartUrl }}').waitFor();
    await expect.poll(async () => page.getByLabel('Preview subject').textContent()).toBe('You left 3 items behind');
    contentIds.push(await createContent('Text message', { Name: 'Second text reminder', Message: 'Your cart is waiting: {{ trigger.cartUrl }}' }));
    contentIds.push(await createContent('Push notification', { Name: 'Final push notification', Title: 'Still thinking?', Body: 'Your cart is saved for you.' }));
  });

  it('builds the journey on the canvas and is refused publishing while content is a draft', async () => {
    await page.getByRole('tab', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('dialog', { name: 'New journey' }).getByRole('textbox', { name: 'Name' }).fill('Abandoned cart');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Abandoned cart' }).waitFor();
    const settings = page.getByRole('region', { name: 'Journey settings' }).or(page.getByLabel('Journey settings'));
    await search('Start trigger', 'cart', 'Cart abandoned', settings);
    expect(await settings.getByRole('combobox', { name: 'Start trigger' }).inputValue()).toBe('Cart abandoned');
    await choose('Repeat', 'Immediately', settings);
    await settings.getByLabel('Start date and time').fill('2026-01-01T09:00');
    await choose(/Goal trigger/, 'Purchase completed', settings);
    await search(/Exit when the customer does/, 'purchase', 'Purchase completed', settings);
    expect(await settings.getByLabel('Chosen exit triggers').textContent()).toBe('Purchase completed');

    await page.getByRole('button', { name: 'Add a step at the start' }).click();
    await page.getByRole('menuitem', { name: 'Send an email' }).click();
    await choose('Message', 'Initial email reminder (draft)');
    await choose('Send to', 'contactpoint_email of the event');

    await page.getByRole('button', { name: 'Add a step after “Send an email: Initial email reminder”' }).click();
    await page.getByRole('menuitem', { name: 'If/then branch' }).click();
    await choose('Branch off this message', /Send an email/);
    await choose('Wait for', 'Email opened');
    await page.getByRole('spinbutton', { name: /Time limit/ }).fill('1');
    await choose('Time limit (up to 90 days): unit', 'days');

    await page.getByRole('button', { name: 'Add a step at the start of the no path of “If/then branch”' }).click();
    await page.getByRole('menuitem', { name: 'Send a text message' }).click();
    await choose('Message', 'Second text reminder (draft)');
    await choose('Send to', 'Contact phone');

    await page.getByRole('button', { name: 'Add a step after “Send a text message: Second text reminder”' }).click();
    await page.getByRole('menuitem', { name: 'Wait' }).click();
    await page.getByRole('spinbutton', { name: 'Wait for' }).fill('1');
    await choose('Wait for: unit', 'days');

    await page.getByRole('button', { name: 'Add a step after “Wait”' }).click();
    await page.getByRole('menuitem', { name: 'Send a push notification' }).click();
    await choose('Message', 'Final push notification (draft)');

    // Unsaved edits: leaving for another page asks first; staying keeps every edit.
    await page.getByRole('tab', { name: 'Content' }).click();
    await page.getByRole('dialog').getByText('Leave without saving?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Send a push notification/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('dialog').getByText('Leave without saving?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Send a push notification/ }).count()).toBe(1);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Not published', { exact: true }).first().waitFor();
    const marked = page.getByRole('note').filter({ hasText: /is a draft/ });
    await expect.poll(() => marked.count()).toBe(3);
  });

  it('publishes once the content is ready, and opens read-only', async () => {
    const journeyUrl = page.url();
    for (const id of contentIds) {
      await page.goto(`${baseUrl}/content/${id}`);
      await page.getByRole('button', { name: 'Mark ready to send' }).click();
      await page.getByText('Ready to send', { exact: true }).first().waitFor();
    }
    await page.goto(journeyUrl);
    // After a reload the canvas and settings name what the saved journey references.
    await page
      .getByRole('button', { name: /^Send an email/ })
      .getByText('Initial email reminder')
      .waitFor();
    expect(await page.getByRole('combobox', { name: 'Start trigger' }).inputValue()).toBe('Cart abandoned');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page
      .getByRole('dialog')
      .getByText(/can’t be modified/)
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText('This journey has been published and is read-only.').waitFor();
    expect(await page.getByText('Live', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /Add a step/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    await page.getByRole('button', { name: 'Duplicate' }).waitFor();
    const { journeys, triggerByKey } = await graphql(`
      {
        triggerByKey(key: "purchase_completed") {
          id
        }
        journeys(filter: { status: LIVE }) {
          nodes {
            name
            definition {
              goalTriggerId
              goalPercent
              exitTriggerIds
              repeatPolicy
              steps {
                type
                withinSeconds
                waitSeconds
              }
            }
          }
        }
      }
    `);
    expect(journeys.nodes).toEqual([
      {
        name: 'Abandoned cart',
        definition: {
          goalTriggerId: triggerByKey.id,
          goalPercent: 50,
          exitTriggerIds: [triggerByKey.id],
          repeatPolicy: 'IMMEDIATELY',
          steps: expect.arrayContaining([
            { type: 'SEND_EMAIL', withinSeconds: null, waitSeconds: null },
            { type: 'IF_THEN', withinSeconds: 86_400, waitSeconds: null },
            { type: 'SEND_TEXT', withinSeconds: null, waitSeconds: null },
            { type: 'WAIT', withinSeconds: null, waitSeconds: 86_400 },
            { type: 'SEND_PUSH', withinSeconds: null, waitSeconds: null },
          ]),
        },
      },
    ]);
  });

  it('duplicates the live journey into an editable draft, and stops the live one after confirming', async () => {
    const liveUrl = page.url();
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await page.waitForURL((url) => url.href !== liveUrl);
    await page.getByRole('button', { name: 'Publish' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Abandoned cart (copy)' }).waitFor();
    expect(await page.getByRole('button', { name: /Add a step/ }).count()).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/content/${contentIds[0]}`);
    await page.getByText(/Sent by live journeys \(Abandoned cart\)/).waitFor();
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('button', { name: 'Save draft' }).waitFor();
    expect(page.url()).not.toContain(contentIds[0]);

    const { triggerByKey: cart } = await graphql(`
      {
        triggerByKey(key: "cart_abandoned") {
          id
        }
      }
    `);
    await page.goto(`${baseUrl}/triggers/${cart.id}`);
    await page.getByText('Used by live journeys: Abandoned cart.').waitFor();
    expect(await page.getByRole('button', { name: 'Hide' }).isDisabled()).toBe(true);

    await page.goto(liveUrl);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page
      .getByRole('dialog')
      .getByText(/can’t be restarted/)
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop journey' }).click();
    await page.getByText('Stopped', { exact: true }).first().waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Stop', exact: true }).count()).toBe(0);
    const { journeys } = await graphql(`
      {
        journeys {
          nodes {
            name
            status
          }
        }
      }
    `);
    expect(journeys.nodes).toEqual(
      expect.arrayContaining([
        { name: 'Abandoned cart', status: 'STOPPED' },
        { name: 'Abandoned cart (copy)', status: 'DRAFT' },
      ]),
    );
  });

  it('filters the journey and content lists on the server', async () => {
    const rows = (table: string) =>
      page
        .getByRole('table', { name: table })
        .getByRole('row')
        .filter({ has: page.getByRole('link') });
    await page.getByRole('tab', { name: 'Journeys' }).click();
    // The demo's Wi-Fi welcome draft, the abandoned-cart journey and its copy.
    await expect.poll(() => rows('Journeys').count()).toBe(3);
    await choose('Status', 'Stopped');
    await expect.poll(() => rows('Journeys').allTextContents()).toEqual([expect.stringContaining('Abandoned cart')]);
    await expect.poll(() => rows('Journeys').count()).toBe(1);

    await page.getByRole('tab', { name: 'Content' }).click();
    await expect.poll(() => rows('Content').count()).toBe(5);
    await page.getByRole('textbox', { name: 'Search content' }).fill('PUSH');
    await expect.poll(() => rows('Content').allTextContents()).toEqual([expect.stringContaining('Final push notification')]);
    expect(await page.getByText('Showing 1 of 1').isVisible()).toBe(true);
  });
});

describe('the journey canvas: named, with branches inserted mid-path and steps named, never by id', () => {
  // A workspace of its own with the abandoned-cart setup (triggers ready, content ready, the journey a draft).
  let shop: Awaited<ReturnType<typeof openShop>>;
  let page: Page;
  let graphql: Graphql;
  beforeAll(async () => {
    const workspace = `Journey canvas ${Date.now()}`;
    shop = await openShop(baseUrl, admin, workspace);
    graphql = shop.graphql;
    // A page of our own that lets axe-core in (the app's content security policy refuses inline scripts).
    page = await (await shop.browser.newContext({ viewport: { width: 1500, height: 1100 }, bypassCSP: true })).newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, baseUrl, admin.email, admin.password);
    await switchWorkspace(page, baseUrl, workspace);
  });
  afterAll(() => shop?.close());

  it('creates a journey through the name dialog, inserts an if/then in the middle of a path putting the following steps on its No path, and saves that', async () => {
    await page.goto(`${baseUrl}/journeys`);
    await page.getByRole('button', { name: 'New journey' }).click();
    const naming = page.getByRole('dialog', { name: 'New journey' });
    // Empty names are refused in the dialog; nothing is created until a name is given.
    await page.keyboard.press('Enter');
    await naming.getByText('Give the journey a name.').waitFor();
    await page.keyboard.type('Branch placement');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Branch placement' }).waitFor();
    const id = page.url().split('/').pop()!;

    await page.getByRole('button', { name: 'Add a step at the start' }).click();
    await page.getByRole('menuitem', { name: 'Send an email' }).click();
    await page.getByRole('button', { name: 'Add a step after “Send an email”' }).click();
    await page.getByRole('menuitem', { name: 'Wait' }).click();
    await page.getByRole('spinbutton', { name: 'Wait for' }).fill('2');
    await page.getByRole('button', { name: 'Add a step after “Wait”' }).click();
    await page.getByRole('menuitem', { name: 'Send a text message' }).click();

    // The if/then goes between the email and the wait, from the keyboard: it asks where the wait and the text go.
    await page.getByRole('button', { name: 'Add a step after “Send an email”' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'If/then branch' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('If/then branch');
    await page.keyboard.press('Enter');
    const placing = page.getByRole('dialog', { name: 'Where do the following steps go?' });
    await placing.waitFor();
    await expectAccessible(page, 'journey builder: where the following steps go');
    await placing.getByRole('radio', { name: 'Put the following steps on the No path' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await placing.waitFor({ state: 'detached' });
    const noPath = page.getByRole('group', { name: 'No path of “If/then branch”' });
    await noPath.getByRole('button', { name: /^Wait/ }).waitFor();
    await noPath.getByRole('button', { name: /^Send a text message/ }).waitFor();
    expect(
      await page
        .getByRole('group', { name: 'Yes path of “If/then branch”' })
        .getByRole('button', { name: /^(Wait|Send)/ })
        .count(),
    ).toBe(0);
    // The new if/then is selected: its panel stacks its fields inside the panel.
    await page.getByRole('spinbutton', { name: /Time limit/ }).waitFor();
    await expectAccessible(page, 'journey builder (draft, a new if/then selected)');
    await shoot(page, 'draft-new');

    // Tiles are one tab stop each and open with Enter; Alt+↑ moves the focused step up its path.
    const wait = noPath.getByRole('button', { name: /^Wait/ });
    await wait.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('spinbutton', { name: 'Wait for' }).waitFor();
    await page.getByRole('button', { name: /^Send a text message/ }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => noPath.locator('button[aria-pressed]').evaluateAll((tiles) => tiles.map((t) => t.firstElementChild?.textContent)))
      .toEqual(['Send a text message', 'Wait']);
    await page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(() => noPath.locator('button[aria-pressed]').evaluateAll((tiles) => tiles.map((t) => t.firstElementChild?.textContent)))
      .toEqual(['Wait', 'Send a text message']);

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved', { exact: true }).first().waitFor();
    const { journey } = await graphql(
      `
        query ($id: ID!) {
          journey(id: $id) {
            name
            definition {
              firstStepId
              steps {
                id
                type
                next
                yes
                no
                waitSeconds
              }
            }
          }
        }
      `,
      { id },
    );
    type Saved = { id: string; type: string; next: string | null; yes: string | null; no: string | null; waitSeconds: number | null };
    const steps = journey.definition.steps as Saved[];
    const of = (type: string) => steps.find((st) => st.type === type)!;
    expect(journey.name).toBe('Branch placement');
    expect(steps).toHaveLength(4);
    expect(journey.definition.firstStepId).toBe(of('SEND_EMAIL').id);
    expect(of('SEND_EMAIL').next).toBe(of('IF_THEN').id);
    expect(of('IF_THEN')).toMatchObject({ yes: null, no: of('WAIT').id });
    expect(of('WAIT')).toMatchObject({ next: of('SEND_TEXT').id, waitSeconds: 2 * 3_600 });
    expect(of('SEND_TEXT').next).toBeNull();
    // No internal step id is shown anywhere on the page.
    const text = await page.evaluate(() => document.body.innerText);
    for (const st of steps) expect(text).not.toContain(st.id);
  });

  it('shows the draft and the live abandoned-cart journey with connectors and branch lines, at desktop and phone widths', async () => {
    await page.goto(`${baseUrl}/journeys/${shop.setup.journeyId}`);
    const canvas = page.getByRole('region', { name: 'Journey canvas' });
    await canvas
      .getByRole('group', { name: /^No path of/ })
      .getByRole('button', { name: /^Send a text message/ })
      .waitFor();
    await canvas.getByRole('button', { name: /^Wait/ }).click();
    await page.getByRole('spinbutton', { name: 'Wait for' }).waitFor();
    await shoot(page, 'draft');
    await graphql(
      `
        mutation ($id: ID!) {
          publishJourney(input: { id: $id }) {
            journey {
              id
            }
          }
        }
      `,
      { id: shop.setup.journeyId },
    );
    await page.reload();
    await page.getByText('This journey has been published and is read-only.').waitFor();
    await canvas.getByRole('button', { name: /^If\/then branch/ }).click();
    await page.getByRole('spinbutton', { name: /Time limit/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Add a step/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Move up' }).count()).toBe(0);
    await expectAccessible(page, 'journey builder (live, if/then selected)');
    await shoot(page, 'live');
  });
});
