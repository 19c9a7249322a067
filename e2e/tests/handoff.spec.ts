import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, sessionGraphql, signIn } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

let browser: Browser;
let marketer: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  marketer = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await marketer.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  page = await marketer.newPage();
  await signIn(page, baseUrl, admin.email, admin.password);
});
afterAll(async () => {
  await browser?.close();
});

const graphql = sessionGraphql(() => marketer, baseUrl);
const clipboardOf = (p: Page) => p.evaluate(() => navigator.clipboard.readText());

describe('developer hand-off', () => {
  it('a shared link opens the Integration tab, where the developer creates a key and copies code that holds it', async () => {
    const { createTrigger } = await graphql(
      `
        mutation ($input: CreateTriggerInput!) {
          createTrigger(input: $input) {
            trigger {
              id
              key
            }
          }
        }
      `,
      { input: { title: `Hand-off ${Date.now()}`, category: 'SIGNAL', identity: 'CONTACT', source: 'Website', attributes: [{ name: 'plan', type: 'TEXT' }] } },
    );
    const id: string = createTrigger.trigger.id;

    // The marketer opens the Integration tab (the address follows) and copies the link for a developer.
    await page.goto(`${baseUrl}/triggers/${id}`);
    await page.getByRole('tab', { name: 'Integration' }).click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/triggers/${id}?tab=integration`);
    await page.getByRole('button', { name: 'Copy link for a developer' }).click();
    // The link names the workspace too, so a developer working in another one is offered to switch.
    await expect.poll(() => clipboardOf(page)).toMatch(new RegExp(`^${baseUrl}/triggers/${id}\\?tab=integration&workspace=[0-9a-f-]{36}$`));
    const link = await clipboardOf(page);

    // The developer, on a phone-sized screen in a fresh browser, opens the link, signs in and lands on the tab.
    const developer = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await developer.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const dev = await developer.newPage();
    await dev.goto(link);
    await dev.getByLabel('Email').fill(admin.email);
    await dev.getByLabel('Password').fill(admin.password);
    await dev.getByRole('button', { name: 'Sign in' }).click();
    const integrationTab = dev.getByRole('tab', { name: 'Integration' });
    await integrationTab.waitFor();
    expect(await integrationTab.getAttribute('aria-selected')).toBe('true');
    expect(dev.url()).toBe(link);

    // Pick or create: this workspace may already have keys, then the form is one click away.
    const label = `Developer hand-off ${Date.now()}`;
    const newKey = dev.getByRole('button', { name: 'Create a new key' });
    await dev
      .getByRole('textbox', { name: /New key label/ })
      .or(newKey)
      .first()
      .waitFor();
    if (await newKey.isVisible()) await newKey.click();
    await dev.getByRole('textbox', { name: /New key label/ }).fill(label);
    await dev.getByRole('button', { name: 'Create key' }).click();
    const secret = await dev.getByLabel('Ingestion key secret').inputValue();
    expect(secret).toMatch(/^fik_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{20,}$/);
    const code = dev.getByRole('region', { name: 'Snippet code' });
    await expect.poll(async () => (await code.textContent()) ?? '').toContain(secret);

    await dev.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => clipboardOf(dev)).toContain(secret);
    const copied = await clipboardOf(dev);
    expect(copied).not.toContain('PASTE-THE-REST-OF-THE-KEY');
    expect(copied).toContain(createTrigger.trigger.key);
    // Server languages carry it too (in the line that says how to run it).
    await dev.getByRole('tab', { name: 'Node.js' }).click();
    await expect.poll(async () => (await code.textContent()) ?? '').toContain(`FLARE_INGESTION_KEY='${secret}'`);
    // The hand-off, key and code fit the phone's width: nothing in them sticks out sideways (the code scrolls inside itself).
    const widest = await dev
      .getByRole('region', { name: 'Integration', exact: true })
      .evaluate((section) =>
        Math.max(section.getBoundingClientRect().right, ...Array.from(section.querySelectorAll('*'), (el) => (el.closest('pre') ? 0 : el.getBoundingClientRect().right))),
      );
    expect(widest).toBeLessThanOrEqual(390);

    // After a reload the secret is gone for good: the code marks where the key goes and the page says so.
    await dev.reload();
    await dev.getByRole('combobox', { name: /Ingestion key/ }).click();
    await dev.getByRole('option', { name: new RegExp(label) }).click();
    await dev.getByText('Add the key yourself').waitFor();
    const prefix = secret.split('_').slice(0, 2).join('_');
    await expect.poll(async () => (await code.textContent()) ?? '').toContain(`${prefix}_PASTE-THE-REST-OF-THE-KEY`);
    expect(await code.textContent()).not.toContain(secret);
    await developer.close();
  });
});
