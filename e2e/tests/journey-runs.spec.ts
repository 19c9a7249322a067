import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AbandonedCart } from '../support/abandoned-cart.js';
import { openShop } from '../support/shop.js';
import { watchSubscriptions } from '../support/subscriptions.js';
import type { Graphql } from '../support/workspace.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

let context: BrowserContext;
let page: Page;
let siteOrigin: string;
let graphql: Graphql;
let setup: AbandonedCart;
let live: ReturnType<typeof watchSubscriptions>;

const workspaceName = `Journey runs ${Date.now()}`;
const shopper = 'shopper-7';
const binding = 'cart/7001';

let shop: Awaited<ReturnType<typeof openShop>>;
beforeAll(async () => {
  shop = await openShop(baseUrl, admin, workspaceName);
  ({ context, page, siteOrigin, graphql, setup } = shop);
});
afterAll(async () => {
  await shop?.close();
});

/** A figure of the Runs tab's summary ("Entered", "In progress", …). */
const figure = (label: string) =>
  page
    .locator('dl > div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd')
    .textContent();

/** A step tile's live counts line ("1 entered · 1 waiting · 0 passed on · 0 exited"). */
const tileCounts = (stepId: string) =>
  page
    .getByRole('button', { name: new RegExp(`^${TILE_OF_STEP[stepId]}`) })
    // The counts sit beside the tile's button, in its card.
    .locator('xpath=..')
    .getByText(/ entered · /)
    .textContent();

/** Tiles are named by their step's type and summary (never by step id): the abandoned-cart setup's steps by id. */
const TILE_OF_STEP: Record<string, string> = { email: 'Send an email', opened: 'If\\/then branch', text: 'Send a text message', wait: 'Wait', push: 'Send a push notification' };

/** Live changes arrive over the socket; the machine may be busy. */
const slow = { timeout: 20_000 };

const runRow = () => page.getByRole('table', { name: 'Runs' }).getByRole('row').filter({ hasText: shopper });

describe('journey runs: a live journey followed in the admin app', () => {
  it('publishes the journey, and its Runs tab shows the run a shopper’s snippet event starts, without reloading', async () => {
    live = watchSubscriptions(page, 'journeyRunUpdated');
    await page.goto(`${baseUrl}/journeys/${setup.journeyId}`);
    await page.getByRole('button', { name: /^If\/then branch/ }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText('This journey has been published and is read-only.').waitFor();

    await page.getByRole('tab', { name: 'Runs' }).click();
    await page.waitForURL(/[?&]tab=runs/);
    await page.getByText('No runs yet').waitFor();
    expect(await figure('Entered')).toBe('0');
    // The tab listens from its subscription's first answer on: send the event after it, not in a race with it.
    await live.answeredAfter(0);
    // Set in this document: still there at the end proves the page was never reloaded.
    await page.evaluate(() => ((window as unknown as { e2eSamePage: boolean }).e2eSamePage = true));

    const shop = await context.newPage();
    await shop.goto(siteOrigin);
    await shop.waitForFunction(() => typeof (window as unknown as { flareTrack?: unknown }).flareTrack === 'function');
    const answered = shop.waitForResponse((r) => r.url().endsWith('/v1/events'));
    const result = await shop.evaluate((event) => (window as unknown as { flareTrack(e: unknown): Promise<{ accepted: number }> }).flareTrack(event), {
      trigger: setup.cart.key,
      authId: shopper,
      bindingId: binding,
      contactpoint_email: 'ada@example.com',
      attributes: { cartValue: 59.9, cartUrl: 'https://shop.example.com/cart/7001' },
    });
    expect((await answered).status()).toBe(202);
    expect(result.accepted).toBe(1);
    await shop.close();

    // The run appears and moves on to wait for the email to be opened; the counts follow.
    await expect
      .poll(async () => (await runRow().count()) > 0 && (await runRow().getByRole('cell').allInnerTexts()).slice(1, 4), slow)
      .toEqual(['Waiting', 'If/then branch', binding]);
    expect(await runRow().getByRole('link').textContent()).toBe(shopper);
    await expect.poll(() => figure('Entered'), slow).toBe('1');
    await expect.poll(() => figure('In progress'), slow).toBe('1');
    expect(await figure('Completed')).toBe('0');
    expect(await page.getByText('None: every start event enrolled its customer.').isVisible()).toBe(true);
    expect(await page.getByText('Showing 1 of 1').isVisible()).toBe(true);

    // The canvas tiles count too.
    await page.getByRole('tab', { name: 'Design' }).click();
    await expect.poll(() => tileCounts('email'), slow).toBe('1 entered · 0 waiting · 1 passed on · 0 exited');
    await expect.poll(() => tileCounts('opened'), slow).toBe('1 entered · 1 waiting · 0 passed on · 0 exited');
    expect(await tileCounts('text')).toBe('0 entered · 0 waiting · 0 passed on · 0 exited');
    expect(await page.evaluate(() => (window as unknown as { e2eSamePage?: boolean }).e2eSamePage)).toBe(true);
  });

  it('opens the run from the list with the keyboard: its step log as sentences and the delivered email, sandboxed', async () => {
    await page.getByRole('tab', { name: 'Runs' }).click();
    await runRow().waitFor();
    // The customer link is the row's only tab stop, right after the list's filters.
    await page.getByRole('combobox', { name: 'Step' }).focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), slow).toBe(shopper);
    const subscribed = live.started;
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/journeys\/[^/]+\/runs\/[^/?]+$/);
    await page.getByRole('heading', { name: `Run of ${shopper}` }).waitFor();
    // The run page follows the run from its own subscription's first answer on.
    await live.answeredAfter(subscribed);

    const run = page.getByRole('region', { name: 'Run' });
    await run.getByText('Waiting', { exact: true }).waitFor();
    expect(await run.getByText('An interaction', { exact: true }).isVisible()).toBe(true);
    expect(await run.getByText(binding, { exact: true }).isVisible()).toBe(true);

    const sentences = () =>
      page
        .getByRole('list', { name: 'Step log' })
        .getByRole('listitem')
        .evaluateAll((items) => items.map((li) => li.lastElementChild?.textContent ?? ''));
    await expect
      .poll(sentences, slow)
      .toEqual([
        'Entered',
        'Reached Send an email',
        'Queued an email',
        'Passed on from Send an email',
        'Reached If/then branch',
        expect.stringMatching(/^Waiting until .+ for Email opened$/),
      ]);

    const email = page.getByRole('region', { name: 'Messages' }).getByRole('article', { name: 'Email: You left 59.9 in your cart' });
    await email.getByText('Delivered', { exact: true }).waitFor();
    expect(await email.getByText('Send an email', { exact: true }).isVisible()).toBe(true);
    expect(await email.getByText('ada@example.com', { exact: true }).isVisible()).toBe(true);
    const frame = email.locator('iframe');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('title')).toBe('Email preview: You left 59.9 in your cart');
    // The HTML renders inside the frame only; nothing of it reaches the page's own document.
    await email.frameLocator('iframe').getByRole('link', { name: 'finish your order' }).waitFor();
    expect(await page.getByRole('link', { name: 'finish your order' }).count()).toBe(0);
  });

  it('follows the run live when the email is opened: it takes the yes path and completes', async () => {
    const { journeyRuns } = await graphql(
      `
        query ($id: ID!) {
          journeyRuns(journeyId: $id, first: 1) {
            nodes {
              messages {
                id
              }
            }
          }
        }
      `,
      { id: setup.journeyId },
    );
    await graphql(
      `
        mutation ($id: ID!) {
          recordMessageInteraction(input: { messageId: $id, interaction: "email_opened" }) {
            interactions
          }
        }
      `,
      { id: journeyRuns.nodes[0].messages[0].id },
    );
    const run = page.getByRole('region', { name: 'Run' });
    await run.getByText('Completed', { exact: true }).waitFor({ timeout: 30_000 });
    const log = page.getByRole('list', { name: 'Step log' });
    await log.getByText('Took the yes path').waitFor();
    await log.getByText('Completed the journey').waitFor();
    const email = page.getByRole('article', { name: 'Email: You left 59.9 in your cart' });
    await email.getByText(/Email opened/).waitFor();

    // Meanwhile another shopper abandons a cart (from the shop's backend); back on the list, both runs show.
    const res = await fetch(`${baseUrl}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flare-key': setup.serverKey },
      body: JSON.stringify({
        events: [{ trigger: setup.cart.key, authId: 'shopper-8', bindingId: 'cart/8001', contactpoint_email: 'grace@example.com', attributes: { cartValue: 12.5 } }],
      }),
    });
    expect((await res.json()).accepted).toBe(1);
    // …and that run settles (waiting, its email delivered) while this page shows the first run.
    const settled = async () =>
      (
        await graphql(
          `
            query ($id: ID!) {
              journeyRuns(journeyId: $id, first: 5, filter: { status: [WAITING] }) {
                nodes {
                  messages {
                    status
                  }
                }
              }
            }
          `,
          { id: setup.journeyId },
        )
      ).journeyRuns.nodes.map((n: { messages: { status: string }[] }) => n.messages.map((m) => m.status));
    await expect.poll(settled, slow).toEqual([['DELIVERED']]);

    await page.getByRole('link', { name: /Abandoned cart: runs/ }).click();
    await expect.poll(() => figure('Entered'), slow).toBe('2');
    await expect.poll(() => figure('Completed'), slow).toBe('1');
    expect(await figure('In progress')).toBe('1');
    const rows = page
      .getByRole('table', { name: 'Runs' })
      .getByRole('row')
      .filter({ has: page.getByRole('link') });
    await expect
      .poll(() => rows.evaluateAll((trs) => (trs as HTMLTableRowElement[]).map((tr) => [tr.cells[0].querySelector('a')?.textContent, tr.cells[1].textContent])), slow)
      .toEqual([
        ['shopper-8', 'Waiting'],
        [shopper, 'Completed'],
      ]);
  });

  it('test-runs the live journey on a virtual clock: the yes branch when the email is opened, else text and push days later', async () => {
    await page.getByRole('tab', { name: 'Design' }).click();
    await page.getByRole('button', { name: 'Test run', exact: true }).click();
    const panel = page.locator('[aria-label="Test run"]');
    await panel.getByText('Run the test to see the customer’s path.').waitFor();

    await panel.getByRole('button', { name: 'Add a happening' }).click();
    const happening = panel.getByRole('group', { name: 'Happening 1' });
    expect(await happening.getByRole('spinbutton').inputValue()).toBe('1');
    expect(await happening.getByRole('combobox', { name: 'After: unit' }).textContent()).toBe('hours');
    expect(await happening.getByRole('combobox', { name: 'With the message of' }).textContent()).toBe('Send an email — Initial email reminder');
    await happening.getByRole('combobox', { name: 'Interaction' }).click();
    await page.getByRole('option', { name: 'Email opened' }).click();
    await panel.getByRole('button', { name: 'Run test' }).click();

    const path = () => panel.getByRole('list', { name: 'Test run path' }).getByRole('listitem').allInnerTexts();
    await expect.poll(path, slow).toContain('+1 hour: “If/then branch”: took the yes path');
    expect(await path()).toEqual([
      'Start: Entered the journey',
      'Start: Sent Initial email reminder',
      'Start: Waiting at “If/then branch”',
      '+1 hour: Email opened (“Send an email”)',
      '+1 hour: “If/then branch”: took the yes path',
      '+1 hour: Completed',
    ]);
    await panel.getByText('Completed after 1 hour').waitFor();
    const visited = () =>
      page
        .locator('[data-testrun-visited="true"]')
        .getByRole('button')
        .evaluateAll((tiles) => tiles.map((t) => t.firstElementChild?.textContent));
    await expect.poll(visited, slow).toEqual(['Send an email', 'If/then branch']);

    await happening.getByRole('button', { name: 'Remove happening 1' }).click();
    await panel.getByText('Nothing yet: the customer never interacts and no trigger happens.').waitFor();
    await panel.getByRole('button', { name: 'Run test' }).click();
    await expect.poll(path, slow).toContain('+2 days: Sent Final push notification');
    expect(await path()).toEqual([
      'Start: Entered the journey',
      'Start: Sent Initial email reminder',
      'Start: Waiting at “If/then branch”',
      '+1 day: “If/then branch”: took the no path',
      '+1 day: Sent Second text reminder',
      '+1 day: Waiting at “Wait”',
      '+2 days: Sent Final push notification',
      '+2 days: Completed',
    ]);
    await panel.getByText('Completed after 2 days').waitFor();
    await expect.poll(visited, slow).toEqual(['Send an email', 'If/then branch', 'Send a text message', 'Wait', 'Send a push notification']);
    // Nothing was sent or stored: the live journey still has its two runs.
    await page.getByRole('tab', { name: 'Runs' }).click();
    await expect.poll(() => figure('Entered'), slow).toBe('2');
  });
});
