import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AbandonedCart } from '../support/abandoned-cart.js';
import { openShop } from '../support/shop.js';
import type { Graphql } from '../support/workspace.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

/**
 * The admin app on a phone (390×844, an iPhone 12–15): every main page, seeded through the API in a workspace of its
 * own (the abandoned-cart setup), must not scroll sideways — wide tables and the journey canvas scroll inside their
 * own containers — and the navigation is a menu button that opens a drawer with the same links.
 *
 * Screenshots: each page is saved at 390×844 as `e2e/screenshots/phone-<page>.png` and at 1440×900 as
 * `e2e/screenshots/desktop-<page>.png` (full page). They are artifacts of the run, to look at after a change to
 * the layout; the folder is recreated by every run and ignored by git.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

let page: Page;
let graphql: Graphql;
let setup: AbandonedCart;
let shop: Awaited<ReturnType<typeof openShop>>;
const shopper = 'phone-shopper';
/** Each page's width at 390 px, printed at the end: the record of which pages scroll sideways. */
const widths: string[] = [];

beforeAll(async () => {
  await fs.mkdir(screenshots, { recursive: true });
  shop = await openShop(baseUrl, admin, `Phone ${Date.now()}`);
  ({ page, graphql, setup } = shop);
  await page.setViewportSize(PHONE);
});
afterAll(async () => {
  console.log(`page widths at 390 px:\n${widths.join('\n')}\nscreenshots: ${screenshots}`);
  await shop?.close();
});

/** Opens a path and waits for its main heading (pages load their data first). */
async function visit(to: string, heading: string | RegExp) {
  await page.goto(`${baseUrl}${to}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** How far the page scrolls sideways, and the elements that stick out of the viewport (the culprits, for the message). */
function horizontalOverflow(p: Page) {
  return p.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Report the outermost element sticking out, not each of its children.
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}`;
      culprits.push(`${name} right=${Math.round(box.right)} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
      if (culprits.length >= 5) break;
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
}

/**
 * The checks every page gets at phone size: no sideways scroll, a navigation menu button that opens the drawer
 * (aria-expanded follows it) and Escape closes; then a screenshot at phone size and one at desktop size.
 */
async function checkPage(name: string, { withMenu = false } = {}) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const overflow = await horizontalOverflow(page);
  widths.push(`${name}: ${overflow.scrollWidth}${overflow.culprits.length ? ` (${overflow.culprits.join('; ')})` : ''}`);
  // By its label, not its role: while the drawer is open the rest of the page is hidden from assistive technology.
  const menu = page.locator('header button[aria-label="Navigation menu"]');
  expect(await menu.isVisible()).toBe(true);
  expect(await menu.getAttribute('aria-expanded')).toBe('false');
  await menu.click();
  const drawer = page.getByRole('dialog', { name: 'Navigation' });
  await drawer.getByRole('link', { name: 'Triggers' }).waitFor();
  expect(await drawer.getByRole('link').allTextContents()).toEqual(['Triggers', 'Journeys', 'Content', 'Customers', 'Inbox', 'Live dashboard', 'Settings']);
  expect(await menu.getAttribute('aria-expanded')).toBe('true');
  if (withMenu) await page.screenshot({ path: path.join(screenshots, `phone-${name}-menu.png`) });
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  await page.screenshot({ path: path.join(screenshots, `phone-${name}.png`), fullPage: true });

  await page.setViewportSize(DESKTOP);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  expect(await menu.isVisible()).toBe(false);
  await page.screenshot({ path: path.join(screenshots, `desktop-${name}.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await menu.waitFor();

  expect(overflow.scrollWidth, `${name} scrolls sideways at 390 px: ${overflow.culprits.join('; ')}`).toBeLessThanOrEqual(overflow.clientWidth + 1);
}

/** A journey tile (a pressable card) by the type of its step. */
const tile = (type: string) => page.locator('button[aria-pressed], [role="button"][aria-pressed]').filter({ hasText: type }).first();

describe('phone (390×844): no page scrolls sideways, navigation is a menu', () => {
  it('the triggers catalog', async () => {
    await visit('/triggers', 'Triggers');
    await page.getByRole('link', { name: 'Cart abandoned' }).waitFor();
    await checkPage('triggers', { withMenu: true });
  });

  it('a trigger page, on every tab', async () => {
    await visit(`/triggers/${setup.cart.id}`, 'Cart abandoned');
    await checkPage('trigger-overview');
    await page.getByRole('tab', { name: /^Attributes/ }).click();
    await page.getByText('Cart value').first().waitFor();
    await checkPage('trigger-attributes');
    await page.getByRole('tab', { name: /^Versions/ }).click();
    await page.getByLabel('Version 1').waitFor();
    await checkPage('trigger-versions');
    await page.getByRole('tab', { name: 'Integration' }).click();
    await page.locator('pre').first().waitFor();
    await checkPage('trigger-integration');
  });

  it('the create-trigger wizard', async () => {
    await visit('/triggers/new', 'New trigger');
    await page.getByRole('textbox', { name: /^Title/ }).fill(`Phone trigger ${Date.now()}`);
    await checkPage('trigger-new-details');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel(/A customer profile/).check();
    await checkPage('trigger-new-customer');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Add attribute' }).click();
    await checkPage('trigger-new-attributes');
  });

  it('the journeys list and the builder of a draft journey, with a tile selected', async () => {
    await visit('/journeys', 'Journeys');
    await page.getByRole('link', { name: 'Abandoned cart' }).waitFor();
    await checkPage('journeys');
    await page.goto(`${baseUrl}/journeys/${setup.journeyId}`);
    await tile('If/then branch').waitFor();
    await checkPage('journey-builder');
    // Light edits: a tile can be selected and its panel is on screen.
    await tile('Wait').click();
    await page.getByRole('spinbutton', { name: 'Wait for' }).waitFor();
    expect(await page.getByRole('spinbutton', { name: 'Wait for' }).isVisible()).toBe(true);
    await checkPage('journey-builder-wait');
  });

  it('the content list and the email editor', async () => {
    await visit('/content', 'Content');
    await page.getByRole('link', { name: 'Initial email reminder' }).waitFor();
    await checkPage('content');
    const { contents } = await graphql(`
      {
        contents(first: 50, filter: { channel: EMAIL }) {
          nodes {
            id
          }
        }
      }
    `);
    await visit(`/content/${contents.nodes[0].id}`, 'Initial email reminder');
    await checkPage('content-editor');
  });

  it('the customers list and a customer, after the journey is published and a shopper arrives', async () => {
    await graphql(
      `
        mutation ($id: ID!) {
          publishJourney(input: { id: $id }) {
            journey {
              status
            }
          }
        }
      `,
      { id: setup.journeyId },
    );
    const res = await fetch(`${baseUrl}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flare-key': setup.serverKey },
      body: JSON.stringify({
        events: [
          {
            trigger: setup.cart.key,
            authId: shopper,
            contactpoint_email: 'lin.phone-shopper@example.com',
            attributes: { cartValue: 42.5, cartUrl: 'https://shop.example.com/cart/1' },
          },
        ],
      }),
    });
    expect((await res.json()).accepted).toBe(1);
    await visit('/customers', 'Customers');
    await page.getByRole('link', { name: new RegExp(shopper) }).waitFor();
    await checkPage('customers');
    await page.getByRole('link', { name: new RegExp(shopper) }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText(shopper).first().waitFor();
    await checkPage('customer');
    await visit('/customers/import', /Import/);
    await checkPage('customers-import');
  });

  it('every settings tab', async () => {
    await visit('/settings', 'Settings');
    const tabs = await page.getByRole('tablist').last().getByRole('tab').allInnerTexts();
    expect(tabs.length).toBeGreaterThanOrEqual(7);
    const failures: string[] = [];
    for (const name of tabs) {
      await page.getByRole('tab', { name, exact: true }).click();
      await checkPage(`settings-${name.toLowerCase().replace(/\W+/g, '-')}`).catch((e: Error) => failures.push(e.message));
    }
    expect(failures.join('\n')).toBe('');
  });

  it('the live dashboard', async () => {
    await visit('/live', 'Live dashboard');
    await page.getByText('Cart abandoned').first().waitFor();
    await checkPage('live');
  });

  it('the inbox, with the journey’s email in it', async () => {
    await visit('/inbox', 'Inbox');
    const row = page.getByRole('row').filter({ hasText: 'lin.phone-shopper@example.com' });
    await expect
      .poll(
        async () => {
          if ((await row.count()) > 0) return true;
          await page.getByRole('button', { name: 'Refresh' }).click();
          return false;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await checkPage('inbox');
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('iframe').first().waitFor();
    await checkPage('inbox-message');
  });

  it('the live journey’s runs and one run', async () => {
    await page.goto(`${baseUrl}/journeys/${setup.journeyId}?tab=runs`);
    const run = page.getByRole('table', { name: 'Runs' }).getByRole('link').first();
    await run.waitFor({ timeout: 20_000 });
    await checkPage('journey-runs');
    await run.click();
    await page.getByRole('heading', { level: 1, name: /^Run of/ }).waitFor();
    await checkPage('journey-run');
  });
});
