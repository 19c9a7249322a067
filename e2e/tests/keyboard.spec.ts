import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

/**
 * The main flows with the keyboard only — no mouse, no `.click()`, no `.focus()`: sign in, skip to the content,
 * move through the navigation, open a trigger from the catalog (each row is exactly one tab stop), switch its tabs
 * with the arrow keys, open a journey and a dialog in it and leave the dialog with Escape, and use the phone's
 * navigation drawer. Locators only read the page; every action is a key press. Runs on the demo workspace.
 */
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});
afterAll(() => browser?.close());

type Focused = { tag: string; role: string | null; name: string; inMain: boolean; inNav: boolean; inDialog: boolean; row: number | null; selected: string | null };

/** What has the keyboard focus: its tag, role, accessible-ish name and where it is. */
function focused(): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: 'none', role: null, name: '', inMain: false, inNav: false, inDialog: false, row: null, selected: null };
    const labelled = el.getAttribute('aria-labelledby');
    const tr = el.closest('tbody tr');
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      name: (
        el.getAttribute('aria-label') ??
        (labelled
          ? labelled
              .split(' ')
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
          : (el.innerText ?? el.textContent ?? ''))
      ).trim(),
      inMain: !!el.closest('main'),
      inNav: !!el.closest('nav'),
      inDialog: !!el.closest('[role="dialog"], [role="alertdialog"]'),
      row: tr ? Array.from(tr.parentElement!.children).indexOf(tr) : null,
      selected: el.getAttribute('aria-selected'),
    };
  });
}

/** Presses a key until the focused element matches, at most `limit` times; fails with where the focus went. */
async function pressUntil(key: string, matches: (f: Focused) => boolean, limit = 40): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const f = await focused();
    if (matches(f)) return f;
    seen.push(`${f.tag}${f.role ? `[${f.role}]` : ''} "${f.name.slice(0, 30)}"`);
  }
  throw new Error(`${key} ×${limit} never reached the element; focus went: ${seen.join(' → ')}`);
}

/** The visible focus indicator of the focused element: an outline, or a Fluent focus border (box-shadow or ::after). */
function focusIndicator(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const after = getComputedStyle(el, '::after');
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return `outline ${style.outlineWidth} ${style.outlineStyle}`;
    if (after.borderStyle !== 'none' && parseFloat(after.borderWidth) > 0) return `::after border ${after.borderWidth}`;
    if (after.outlineStyle !== 'none' && parseFloat(after.outlineWidth) > 0) return `::after outline ${after.outlineWidth}`;
    if (style.boxShadow !== 'none') return `box-shadow ${style.boxShadow}`;
    return 'none';
  });
}

describe('the admin app with the keyboard only', () => {
  it('signs in with the keyboard', async () => {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // The email field is the first field of the page.
    await pressUntil('Tab', (f) => f.tag === 'input');
    expect(await page.getByLabel('Email').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(admin.email);
    await page.keyboard.press('Tab');
    expect(await page.getByLabel('Password').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(admin.password);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Triggers' }).waitFor();
  });

  it('the first tab stop skips to the content; the navigation is reached with Tab and moved through with arrows', async () => {
    // A fresh page load puts the focus at the top of the document.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Triggers' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip).toMatchObject({ tag: 'a', name: 'Skip to content' });
    expect(await focusIndicator()).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // From the content, the next Tab goes on into the page, not back to the header.
    expect((await pressUntil('Tab', () => true, 1)).inMain).toBe(true);

    // Back up to the navigation: one tab stop for the whole list, on the current section.
    const nav = await pressUntil('Shift+Tab', (f) => f.inNav);
    expect(nav).toMatchObject({ role: 'tab', name: 'Triggers', selected: 'true' });
    expect(await focusIndicator()).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ role: 'tab', name: 'Journeys' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Journeys' }).waitFor();
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toMatchObject({ role: 'tab', name: 'Triggers' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Triggers' }).waitFor();
  });

  it('each trigger row is exactly one tab stop, with a visible focus, and Enter opens the trigger', async () => {
    const rows = page.getByRole('table', { name: 'Triggers' }).locator('tbody tr');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(3);
    const first = await pressUntil('Tab', (f) => f.row !== null);
    expect(first).toMatchObject({ tag: 'a', row: 0 });
    expect(await focusIndicator()).toMatch(/^outline/);
    // Every further Tab lands on the next row's link, then leaves the table: one stop a row, no more, none skipped.
    for (let row = 1; row < count; row++) expect(await pressUntil('Tab', () => true, 1)).toMatchObject({ tag: 'a', row });
    expect((await pressUntil('Tab', () => true, 1)).row).toBeNull();

    await pressUntil('Shift+Tab', (f) => f.row !== null && f.name === 'Cart abandoned');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/triggers\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: 'Cart abandoned' }).waitFor();
  });

  it('switches the trigger page’s tabs with the arrow keys', async () => {
    const tab = (name: RegExp) => page.getByRole('main').getByRole('tab', { name });
    const selectedAndFocused = async (name: RegExp) => {
      await expect.poll(() => tab(name).getAttribute('aria-selected')).toBe('true');
      expect((await focused()).name).toMatch(name);
    };
    const overview = await pressUntil('Tab', (f) => f.role === 'tab' && f.inMain);
    expect(overview).toMatchObject({ name: 'Overview', selected: 'true' });
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ role: 'tab', name: expect.stringMatching(/^Attributes/) });
    await page.keyboard.press('Enter');
    await selectedAndFocused(/^Attributes/);
    await page.getByText('Cart value').first().waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await selectedAndFocused(/^Versions/);
    await page.getByLabel('Version 1').waitFor();
    // Home goes back to the first tab.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await selectedAndFocused(/^Overview$/);
  });

  it('opens a journey from the list with Enter, and a dialog in it that Escape closes, giving the focus back', async () => {
    const nav = await pressUntil('Shift+Tab', (f) => f.inNav);
    expect(nav.name).toBe('Triggers');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Journeys' }).waitFor();
    // Type in the search box (the first field of the page) to find the demo's journey.
    await pressUntil('Tab', (f) => f.name === 'Search journeys');
    await page.keyboard.type('Wi-Fi welcome');
    const link = page.getByRole('table', { name: 'Journeys' }).getByRole('link', { name: 'Wi-Fi welcome' });
    await link.waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Journeys' }).locator('tbody tr').count()).toBe(1);
    await pressUntil('Tab', (f) => f.row === 0);
    expect(await focused()).toMatchObject({ tag: 'a', name: 'Wi-Fi welcome' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: 'Wi-Fi welcome' }).waitFor();

    await pressUntil('Tab', (f) => f.tag === 'button' && f.name === 'Rename');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Rename journey' });
    await dialog.waitFor();
    expect((await focused()).inDialog).toBe(true);
    // The focus stays inside the dialog however far one tabs, both ways.
    for (let i = 0; i < 8; i++) expect((await pressUntil('Tab', () => true, 1)).inDialog).toBe(true);
    for (let i = 0; i < 8; i++) expect((await pressUntil('Shift+Tab', () => true, 1)).inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The focus comes back once the dialog has finished closing.
    await expect.poll(async () => (await focused()).name).toBe('Rename');
    expect(await focused()).toMatchObject({ tag: 'button', inDialog: false });

    // The journey's tiles are tab stops further on, with a visible focus too.
    const tile = await pressUntil('Tab', (f) => f.role === 'button' && f.tag !== 'button' && f.inMain);
    expect(tile.name).toMatch(/Start/);
    expect(await focusIndicator()).not.toBe('none');
  });

  it('on a phone, the menu button opens the navigation drawer, Escape closes it, and a link in it navigates', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Wi-Fi welcome' }).waitFor();
    await page.keyboard.press('Tab'); // skip link
    const menu = await pressUntil('Tab', (f) => f.name === 'Navigation menu');
    expect(menu.tag).toBe('button');
    const button = page.locator('header button[aria-label="Navigation menu"]');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Navigation' });
    await drawer.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect((await focused()).inDialog).toBe(true);
    for (let i = 0; i < 10; i++) expect((await pressUntil('Tab', () => true, 1)).inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused()).name).toBe('Navigation menu');
    expect((await focused()).inDialog).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // Again, and follow a link: the drawer closes and the page changes.
    await page.keyboard.press('Enter');
    await drawer.waitFor();
    const current = await pressUntil('Tab', (f) => f.tag === 'a' && f.name === 'Journeys');
    expect(current.inDialog).toBe(true);
    expect(await drawer.getByRole('link', { name: 'Journeys' }).getAttribute('aria-current')).toBe('page');
    await pressUntil('Tab', (f) => f.tag === 'a' && f.name === 'Customers');
    expect(await focusIndicator()).toMatch(/^outline/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
  });
});
