import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

/**
 * The shell's account menu is not part of the first load: its code is fetched when it is first opened. With the
 * keyboard that must still be one press of Enter, with the focus moved into the menu, and Escape must give the focus
 * back to its button — the first time (while it loads) as every time after.
 */
let browser: Browser;
let page: Page;
const menuScripts: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(10_000);
  page.on('request', (request) => {
    if (/\/assets\/AccountMenu-[^/]*\.js$/.test(request.url())) menuScripts.push(request.url());
  });
});
afterAll(() => browser?.close());

const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? null, text: el?.textContent ?? '', inMenu: el?.closest('[role="menu"]') !== null };
  });

describe('the account menu', () => {
  it('is not loaded with the page; Enter on its button loads and opens it with the focus inside, Escape gives the focus back', async () => {
    await signIn(page, baseUrl, admin.email, admin.password);
    await page.goto(`${baseUrl}/triggers`);
    await page.getByRole('heading', { level: 1, name: 'Triggers' }).waitFor();
    expect(menuScripts).toEqual([]);

    const button = page.getByRole('button', { name: /^Account:/ });
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    // Tab to the button, as a keyboard user does (the focus may fetch the menu's code ahead of the press).
    for (let i = 0; i < 10 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(menuScripts).toHaveLength(1);
    await expect.poll(async () => (await focused()).inMenu).toBe(true);
    expect(await page.getByRole('button', { name: /^Account:/ }).getAttribute('aria-expanded')).toBe('true');
    // The arrows move through the items.
    await page.keyboard.press('ArrowDown');
    expect((await focused()).role).toBe('menuitem');

    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused()).text).toMatch(/^Account:/);

    // Loaded once, it opens as any menu button: Enter again, then Sign out is an item of it.
    await page.keyboard.press('Enter');
    await menu.waitFor();
    expect(await menu.getByRole('menuitem', { name: 'Sign out' }).isVisible()).toBe(true);
    await expect.poll(async () => (await focused()).inMenu).toBe(true);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(menuScripts).toHaveLength(1);
  });
});
