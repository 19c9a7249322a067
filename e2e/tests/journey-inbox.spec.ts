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

const workspaceName = `Journey inbox ${Date.now()}`;
const shopper = 'shopper-inbox-1';
const subject = 'You left 42.5 in your cart';

/**
 * The pixel counts as a machine open when fetched within this long of the message being sent (privacy proxies
 * prefetch at once): `MACHINE_OPEN_MS` in api/src/tracking/tracking.rules.ts, plus a margin for the clocks of
 * the server and this process (the same machine) and the time between the check and the fetch.
 */
const MACHINE_OPEN_MS = 2_000;
const MARGIN_MS = 500;

let shop: Awaited<ReturnType<typeof openShop>>;
beforeAll(async () => {
  shop = await openShop(baseUrl, admin, workspaceName);
  ({ context, page, siteOrigin, graphql, setup } = shop);
});
afterAll(async () => {
  await shop?.close();
});

/** Tiles are named by their step's type and summary (never by step id): the abandoned-cart setup's steps by id. */
const TILE_OF_STEP: Record<string, string> = { email: 'Send an email', opened: 'If\\/then branch', text: 'Send a text message', wait: 'Wait', push: 'Send a push notification' };

/** Live changes arrive over the socket; the machine may be busy. */
const slow = { timeout: 20_000 };

/** A step's tile on the canvas: the card around the step's button (its counts and open rate sit beside the button). */
const tile = (p: Page, stepId: string) => p.getByRole('button', { name: new RegExp(`^${TILE_OF_STEP[stepId]}`) }).locator('xpath=..');
/** A step tile's live counts line ("1 entered · 1 waiting · 0 passed on · 0 exited"). */
const tileCounts = (stepId: string) =>
  tile(page, stepId)
    .getByText(/ entered · /)
    .textContent();
/** A message tile's open rate ("Opened 1 of 1 · 100 %"), found by its accessible label. */
const openRate = () => tile(page, 'email').getByRole('img', { name: /^Open rate/ });

/** The journey's email as the runtime recorded it: its status, when the channel took it, and what the recipient did. */
async function sentEmail(): Promise<{ status: string; sentAt: string | null; interactions: string[] } | undefined> {
  const { journeyRuns } = await graphql(
    `
      query ($id: ID!) {
        journeyRuns(journeyId: $id, first: 1) {
          nodes {
            messages {
              status
              sentAt
              interactions
            }
          }
        }
      }
    `,
    { id: setup.journeyId },
  );
  return journeyRuns.nodes[0]?.messages[0];
}

describe('journey inbox: the email a live journey sends, opened in the Flare inbox, moves the canvas live', () => {
  it('publishes the journey, delivers the email to the inbox, and opening it takes the yes branch and shows the open rate without reloading', async () => {
    const runsLive = watchSubscriptions(page, 'journeyRunUpdated');
    const opensLive = watchSubscriptions(page, 'journeyAnalyticsUpdated');
    await page.goto(`${baseUrl}/journeys/${setup.journeyId}`);
    await page.getByRole('button', { name: /^If\/then branch/ }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText('This journey has been published and is read-only.').waitFor();

    // The Design tab of the live journey: counts and the email's open rate, nothing delivered yet.
    expect(await page.getByRole('tab', { name: 'Design' }).getAttribute('aria-selected')).toBe('true');
    await runsLive.answeredAfter(0);
    await opensLive.answeredAfter(0);
    await expect.poll(() => tileCounts('email'), slow).toBe('0 entered · 0 waiting · 0 passed on · 0 exited');
    expect(await openRate().textContent()).toBe('Opened 0 of 0 · —');
    expect(await openRate().getAttribute('aria-label')).toBe('Open rate: nothing delivered yet');
    // Only message steps that can be opened show a rate: not the If/then tile, not the text message.
    expect(
      await tile(page, 'opened')
        .getByRole('img', { name: /^Open rate/ })
        .count(),
    ).toBe(0);
    expect(
      await tile(page, 'text')
        .getByRole('img', { name: /^Open rate/ })
        .count(),
    ).toBe(0);
    // Set in this document: still there at the end proves the page was never reloaded.
    await page.evaluate(() => ((window as unknown as { e2eSamePage: boolean }).e2eSamePage = true));

    // A shopper abandons a cart on the shop's site: the snippet sends the event with the email address.
    const shop = await context.newPage();
    await shop.goto(siteOrigin);
    await shop.waitForFunction(() => typeof (window as unknown as { flareTrack?: unknown }).flareTrack === 'function');
    const answered = shop.waitForResponse((r) => r.url().endsWith('/v1/events'));
    const result = await shop.evaluate((event) => (window as unknown as { flareTrack(e: unknown): Promise<{ accepted: number }> }).flareTrack(event), {
      trigger: setup.cart.key,
      authId: shopper,
      bindingId: 'cart/4250',
      contactpoint_email: 'lin@example.com',
      attributes: { cartValue: 42.5, cartUrl: 'https://shop.example.com/cart/4250' },
    });
    expect((await answered).status()).toBe(202);
    expect(result.accepted).toBe(1);
    await shop.close();

    // The canvas follows: the email went out and was delivered, the run waits at the If/then for the open.
    await expect.poll(() => tileCounts('email'), slow).toBe('1 entered · 0 waiting · 1 passed on · 0 exited');
    await expect.poll(() => tileCounts('opened'), slow).toBe('1 entered · 1 waiting · 0 passed on · 0 exited');
    await expect.poll(() => openRate().textContent(), slow).toBe('Opened 0 of 1 · 0 %');

    // The Flare inbox, in a second page (same browser session and workspace).
    const inbox = await context.newPage();
    inbox.setDefaultTimeout(15_000);
    await inbox.goto(`${baseUrl}/inbox`);
    await inbox.getByRole('heading', { name: 'Inbox' }).waitFor();
    const row = inbox.getByRole('table', { name: 'Inbox messages' }).getByRole('row').filter({ hasText: subject });
    // The page asks again every 10 s; Refresh asks at once.
    await expect
      .poll(async () => {
        if ((await row.count()) > 0) return true;
        const refresh = inbox.getByRole('button', { name: 'Refresh' });
        if (await refresh.isEnabled()) await refresh.click();
        return false;
      }, slow)
      .toBe(true);
    expect(await row.getByRole('cell').first().textContent()).toBe('lin@example.com');

    // Opening the email loads its pixel; fetched within 2 s of sending it would count as a privacy proxy's
    // machine open. Wait until the message's recorded send time is far enough behind (bounded by the poll).
    const sent = await sentEmail();
    expect(sent?.status).toBe('DELIVERED');
    const sentAt = Date.parse(sent!.sentAt!);
    await expect.poll(() => Date.now() - sentAt > MACHINE_OPEN_MS + MARGIN_MS, { timeout: MACHINE_OPEN_MS + MARGIN_MS + 5_000, interval: 100 }).toBe(true);

    await row.getByRole('link', { name: subject }).click();
    await inbox.waitForURL(/\/inbox\/[^/?]+$/);
    await inbox.getByRole('heading', { name: subject }).waitFor();
    const frame = inbox.locator('iframe[title="Email HTML"]');
    expect(await frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    await inbox.frameLocator('iframe[title="Email HTML"]').getByRole('link', { name: 'finish your order' }).waitFor();
    // The frame holds the pixel; its fetch (from the sandboxed frame, which Playwright's request events do not
    // report) is recorded on the message as a person's open, not a machine's.
    expect(await frame.getAttribute('srcdoc')).toMatch(new RegExp(`<img src="${baseUrl}/t/o/[^"]+\\.gif"`));
    await expect.poll(async () => (await sentEmail())?.interactions, slow).toEqual(['email_delivered', 'email_opened']);

    // Its headers carry the one-click unsubscribe (RFC 8058).
    await inbox.getByRole('tab', { name: /^Headers/ }).click();
    const headers = inbox.getByRole('table', { name: 'Headers' });
    await headers.waitFor();
    const names = await headers.getByRole('row').evaluateAll((trs) => trs.slice(1).map((tr) => (tr as HTMLTableRowElement).cells[0].textContent));
    expect(names).toContain('List-Unsubscribe');
    expect(names).toContain('List-Unsubscribe-Post');

    // Back on the first page, never reloaded: the run took the yes path and the email's open rate moved.
    await expect.poll(() => tileCounts('opened'), slow).toBe('1 entered · 0 waiting · 1 passed on · 0 exited');
    expect(await tileCounts('text')).toBe('0 entered · 0 waiting · 0 passed on · 0 exited');
    await expect.poll(() => openRate().textContent(), slow).toBe('Opened 1 of 1 · 100 %');
    expect(await openRate().getAttribute('aria-label')).toBe('Open rate 100 %: 1 of 1 delivered message opened');
    expect(await page.evaluate(() => (window as unknown as { e2eSamePage?: boolean }).e2eSamePage)).toBe(true);

    // The Runs tab agrees: the run completed (a tab switch, not a reload).
    await page.getByRole('tab', { name: 'Runs' }).click();
    const run = page.getByRole('table', { name: 'Runs' }).getByRole('row').filter({ hasText: shopper });
    await expect.poll(async () => (await run.count()) > 0 && (await run.getByRole('cell').nth(1).textContent()), slow).toBe('Completed');
    expect(await page.evaluate(() => (window as unknown as { e2eSamePage?: boolean }).e2eSamePage)).toBe(true);
    await inbox.close();
  });
});
