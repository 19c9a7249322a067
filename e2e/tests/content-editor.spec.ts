import fs from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from '../support/axe.js';
import { launchBrowser, signIn } from '../support/browser.js';
import { createOwnWorkspace, switchWorkspace } from '../support/workspace.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const name = `Cart reminder ${Date.now()}`;
const TOKEN = '{{ contact.firstName }}';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // bypassCSP: the app's Content-Security-Policy refuses inline scripts; axe-core is injected as one.
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true, bypassCSP: true });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signIn(page, baseUrl, admin.email, admin.password);
  // A workspace of its own: the new email must not show up in the demo workspace's content list other specs count.
  const workspace = `Content editor ${Date.now()}`;
  await createOwnWorkspace(() => context, baseUrl, workspace);
  await switchWorkspace(page, baseUrl, workspace);
});
afterAll(() => browser?.close());

describe('content editor', () => {
  let contentId: string;

  it('creates an email through the name dialog: nothing is saved before the name is given', async () => {
    await page.goto(`${baseUrl}/content`);
    await page.getByRole('heading', { name: 'Content', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New content' }).click();
    await page.getByRole('menuitem', { name: 'Email' }).click();
    const dialog = page.getByRole('dialog', { name: 'New email' });
    const field = dialog.getByRole('textbox', { name: 'Name' });
    await field.waitFor();
    // Enter on an empty name is refused in place; still on the list.
    await field.press('Enter');
    await dialog.getByText('Give the message a name.').waitFor();
    await expectAccessible(page, 'new email dialog (name refused)');
    expect(new URL(page.url()).pathname).toBe('/content');
    await field.fill(name);
    await field.press('Enter');
    await page.waitForURL(/\/content\/[0-9a-f-]{36}$/);
    contentId = page.url().split('/').at(-1)!;
    await page.getByRole('heading', { name }).waitFor();
    // The new draft's problems are listed beside its fields.
    await page.getByText(/problems? to fix before this can be sent/).waitFor();
  });

  it('inserts a token at the cursor of the HTML body, leaving the cursor after it', async () => {
    const body = page.getByRole('textbox', { name: 'HTML body' });
    await body.fill('<p>Hello there</p>');
    await body.focus();
    await page.keyboard.press('End');
    for (let i = 0; i < 'there</p>'.length; i += 1) await page.keyboard.press('ArrowLeft');
    // Reach the token's Insert button by keyboard and press it.
    const insert = page.getByRole('button', { name: `Insert ${TOKEN} into HTML body` });
    await insert.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => body.inputValue()).toBe(`<p>Hello ${TOKEN}there</p>`);
    expect(await body.evaluate((el: HTMLTextAreaElement) => [document.activeElement === el, el.selectionStart, el.selectionEnd])).toEqual([
      true,
      '<p>Hello '.length + TOKEN.length,
      '<p>Hello '.length + TOKEN.length,
    ]);
    // Typing goes on right after the token.
    await page.keyboard.type(', ');
    await expect.poll(() => body.inputValue()).toBe(`<p>Hello ${TOKEN}, there</p>`);
  });

  it('switches the preview between desktop and phone widths, rendered with the sample contact', async () => {
    const desktop = page.getByTitle('Email preview, desktop width');
    await desktop.waitFor();
    expect(await desktop.getAttribute('sandbox')).toBe('');
    expect((await desktop.boundingBox())!.width).toBeCloseTo(1024, 0);
    await page.getByRole('button', { name: 'Phone (375 px)' }).click();
    const phone = page.getByTitle('Email preview, phone width');
    await phone.waitFor();
    expect(await page.getByRole('button', { name: 'Phone (375 px)' }).getAttribute('aria-pressed')).toBe('true');
    expect((await phone.boundingBox())!.width).toBeCloseTo(375, 0);
    await expectAccessible(page, 'content editor (phone preview, readiness summary, tokens)');
    await expect.poll(() => phone.evaluate((el: HTMLIFrameElement) => el.srcdoc)).toContain('Hello Ada, there');
    // The page itself never scrolls sideways for the wide frame.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('saves, and the audit log says it in words and exports it', async () => {
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved').first().waitFor();
    await page.goto(`${baseUrl}/settings/audit?what=Content`);
    const entries = page.getByRole('list', { name: 'Audit entries' });
    await entries.getByText(`“${name}”`).first().waitFor();
    const created = entries.getByRole('listitem').filter({ hasText: `created email “${name}”` });
    await created.waitFor();
    const updated = entries.getByRole('listitem').filter({ hasText: `updated email “${name}”` });
    // The change reads as before → after, the new text marked as inserted.
    await updated.getByText('HTML body').waitFor();
    expect(await updated.locator('del').allTextContents()).toContain('(empty)');
    expect(await updated.locator('ins').allTextContents()).toContain(`<p>Hello ${TOKEN}, there</p>`);
    expect(new URL(page.url()).searchParams.get('what')).toBe('Content');
    await expectAccessible(page, 'audit log (filtered, with a diff)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = await fs.readFile(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Time (UTC),Actor,Actor type,Actor id,Action,Object type,Object id,Object name,Details,Request id');
    expect(csv).toContain(contentId);
    expect(csv).toContain('content.update');
    expect(csv).not.toContain('apiKey.');
  });

  it('fits a 390 px phone: the editor, its phone preview and the audit log filters never scroll sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.goto(`${baseUrl}/content/${contentId}`);
    await page.getByRole('heading', { name }).waitFor();
    await page.getByTitle('Email preview, desktop width').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await page.getByRole('button', { name: 'Phone (375 px)' }).click();
    await page.getByTitle('Email preview, phone width').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await page.goto(`${baseUrl}/settings/audit`);
    await page.getByRole('list', { name: 'Audit entries' }).waitFor();
    await page.getByRole('button', { name: 'Export CSV' }).waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await page.setViewportSize({ width: 1440, height: 1000 });
  });
});
