import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const title = `Loyalty tier reached ${Date.now()}`;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, baseUrl, admin.email, admin.password);
});
afterAll(() => browser?.close());

const attributeName = (n: number) => page.getByRole('group', { name: `Attribute ${n}` }).getByRole('textbox', { name: /^Name/ });

describe('trigger definitions in the admin app', () => {
  it('shows the catalog with custom and out-of-box triggers', async () => {
    await page.getByRole('tab', { name: 'Triggers' }).click();
    const table = page.getByRole('table', { name: 'Triggers' });
    await table.getByRole('link', { name: 'Cart abandoned' }).waitFor();
    expect(await table.getByRole('img', { name: 'Custom trigger' }).count()).toBeGreaterThan(0);
    expect(await table.getByRole('img', { name: /Out-of-box/ }).count()).toBeGreaterThan(0);
    await page.getByRole('textbox', { name: 'Search triggers' }).fill('email op');
    await table.getByRole('link', { name: 'Email opened' }).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
  });

  it('creates a trigger through the wizard, with inline validation of attributes', async () => {
    await page.getByRole('button', { name: 'New trigger' }).click();
    await page.getByRole('textbox', { name: /^Title/ }).fill(title);
    expect(await page.getByRole('textbox', { name: /^Key/ }).inputValue()).toMatch(/^loyalty_tier_reached_\d+$/);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel(/A customer profile/).check();
    await page.getByText('contactpoint_email').waitFor();
    await page.getByRole('checkbox', { name: 'Phone: send' }).uncheck();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Add attribute' }).click();
    await attributeName(1).fill('tier');
    await page.getByRole('button', { name: 'Add attribute' }).click();
    await attributeName(2).fill('authId');
    // Not while typing: the problem shows once the field is left …
    const reserved = page.getByText('“authId” is reserved for a special attribute.');
    expect(await reserved.count()).toBe(0);
    await attributeName(2).blur();
    await reserved.waitFor();
    // … and Next keeps the wizard on the attributes, with the reason.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Fix the attribute fields marked in red.').waitFor();
    expect(await attributeName(2).inputValue()).toBe('authId');
    await attributeName(2).fill('points');
    await reserved.waitFor({ state: 'detached' });
    await page.getByText('2 / 100 attributes').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('tier (Text), points (Text)').waitFor();
    await page.getByRole('button', { name: 'Create trigger' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    expect(await page.getByText('Awaiting first event').isVisible()).toBe(true);
    const ops = page.getByRole('table', { name: 'Allowed operations' });
    expect(await ops.getByRole('row', { name: /Phone/ }).textContent()).toBe('PhoneNoNo');
  });

  it('edits into version 2, then shows the one-hour lock and the change history', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('textbox', { name: 'Description' }).fill('Reached a new loyalty tier.');
    await page.getByRole('button', { name: 'Save new version' }).click();
    const locked = page.getByRole('button', { name: /Edit \(locked \d+:\d\d\)/ });
    await locked.waitFor();
    expect(await locked.isDisabled()).toBe(true);
    await page.getByRole('tab', { name: /Versions/ }).click();
    const v2 = page.getByLabel('Version 2');
    await v2.getByText('Description changed').waitFor();
    expect(await v2.getByText(/Usable from/).isVisible()).toBe(true);
  });

  it('hides the trigger only after the title is typed, and it leaves the catalog', async () => {
    await page.getByRole('button', { name: 'Hide' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Hide permanently' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill(title);
    await confirm.click();
    await page.getByText('This trigger is hidden.').waitFor();
    await page.getByRole('tab', { name: 'Triggers' }).click();
    await page.getByRole('textbox', { name: 'Search triggers' }).fill('loyalty tier');
    await page.getByText('No triggers match').waitFor();
    await page.getByRole('switch', { name: 'Show hidden' }).check();
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.getByText('Hidden').waitFor();
  });
});
