import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

let browser: Browser;
let page: Page;
const failedRequests: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('response', (r) => {
    if (r.status() >= 400) failedRequests.push(`${r.status()} ${r.url()} ${r.request().postData() ?? ''}`);
  });
});
afterAll(() => browser?.close());

describe('admin shell', () => {
  it('signs in with the seeded admin and shows the shell', async () => {
    await signIn(page, baseUrl, admin.email, admin.password);
    for (const item of ['Triggers', 'Journeys', 'Content', 'Customers', 'Live dashboard', 'Settings']) {
      expect(await page.getByRole('tab', { name: item }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('combobox', { name: 'Workspace' }).textContent()).toContain('Demo Workspace');
  });

  it('creates an API key that works against the API, and sees it in the list and the audit log', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'Create API key' }).click();
    await page.getByLabel('Label').fill('E2E partner');
    await page.getByLabel(/events:read/).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByLabel('API key secret').inputValue();
    expect(secret).toMatch(/^flr_[A-Za-z0-9]{8}_/);
    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row', { name: /E2E partner/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('events:read');

    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ viewer { kind permissions } }' }),
    });
    expect((await res.json()).data.viewer).toEqual({ kind: 'API_KEY', permissions: ['events:read', 'triggers:read', 'workspace:read'] });

    await page.getByRole('tab', { name: 'Audit log' }).click();
    // The audit log reads as sentences: who did what to which object.
    const entries = page.getByRole('list', { name: 'Audit entries' });
    await entries.getByRole('listitem').filter({ hasText: 'Demo Admin created API key “E2E partner”' }).first().waitFor();
  });

  it('revokes the key after confirming', async () => {
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page
      .getByRole('row', { name: /E2E partner/ })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No API keys yet').waitFor();
  });

  it('signs out back to the sign-in page, and the old session is gone', async () => {
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(failedRequests.filter((r) => !r.includes('Viewer'))).toEqual([]);
  });
});
