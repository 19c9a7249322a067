import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, sessionGraphql, signIn } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let site: http.Server;
let siteOrigin: string;
let snippetCode = '';

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  await signIn(page, baseUrl, admin.email, admin.password);
  // A customer's web site on another origin, serving the snippet the developer pasted.
  site = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><html><body><h1>Shop</h1><script>${snippetCode}</script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  site?.close();
});

const graphql = sessionGraphql(() => context, baseUrl);

describe('integration and live verification', () => {
  it('turns Ready to use live when the JavaScript snippet runs on the customer’s site', async () => {
    const title = `Newsletter signup ${Date.now()}`;
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
      {
        input: {
          title,
          category: 'SIGNAL',
          identity: 'CONTACT',
          source: 'Website',
          attributes: [
            { name: 'list', type: 'TEXT', required: true },
            { name: 'optIn', type: 'BOOLEAN' },
          ],
        },
      },
    );
    const dashboard = await context.newPage();
    await dashboard.goto(`${baseUrl}/live`);
    const card = dashboard.getByRole('listitem', { name: title });
    await card.getByText('Awaiting first event').waitFor();

    await page.goto(`${baseUrl}/triggers/${createTrigger.trigger.id}`);
    await page.getByRole('tab', { name: 'Integration' }).click();
    await page.getByLabel('Verification').getByText('Waiting for the first valid event').waitFor();
    // With keys already in the workspace, the new-key form is one click away.
    const newKey = page.getByRole('button', { name: 'Create a new key' });
    await page
      .getByRole('textbox', { name: /Allowed browser origin/ })
      .or(newKey)
      .first()
      .waitFor();
    if (await newKey.isVisible()) await newKey.click();
    await page.getByRole('textbox', { name: /Allowed browser origin/ }).fill(siteOrigin);
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByLabel('Ingestion key secret').waitFor();
    const code = page.getByLabel('Snippet code');
    await expect.poll(async () => (await code.textContent()) ?? '').toMatch(/var FLARE_INGESTION_KEY = "fik_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{20,}"/);
    snippetCode = (await code.textContent())!;
    expect(snippetCode).toContain(`flareTrack(`);
    expect(snippetCode).toContain(createTrigger.trigger.key);
    expect(snippetCode).toContain(`flareIdentify(`);

    const shop = await context.newPage();
    const answered = shop.waitForResponse((r) => r.url().endsWith('/v1/events'));
    const identified = shop.waitForResponse((r) => r.url().endsWith('/v1/identify'));
    await shop.goto(siteOrigin);
    expect((await answered).status()).toBe(202);
    expect((await identified).status()).toBe(202);
    // The snippet's identify call and its event both name contact-42; whichever lands first creates the customer
    // (source API or EVENT), and the identify call's email is on it either way.
    const { customerByAuthId } = await graphql(`
      {
        customerByAuthId(kind: CONTACT, authId: "contact-42") {
          email
          source
        }
      }
    `);
    expect(customerByAuthId.email).toBe('ada@example.com');
    expect(['API', 'EVENT']).toContain(customerByAuthId.source);

    // Without reloading: the verification panel, the header badge and the dashboard all change.
    await page.getByLabel('Verification').getByText('Ready to use').waitFor();
    await expect.poll(async () => page.getByLabel('Valid events').textContent()).toBe('1');
    await page.getByRole('table', { name: 'Received events' }).getByText('Accepted').waitFor();
    await card.getByText('Ready to use').waitFor();
  });

  it('shows key usage in Settings, rotates with an overlap and revokes', async () => {
    await page.goto(`${baseUrl}/settings/ingestion-keys`);
    const row = page.getByRole('row', { name: /Web site/ }).first();
    await row.getByRole('cell', { name: '1', exact: true }).first().waitFor();
    await row.getByRole('button', { name: 'Rotate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
    expect(await page.getByLabel('New ingestion key').inputValue()).toMatch(/^fik_/);
    await page.getByRole('button', { name: 'Done' }).click();
    await page
      .getByRole('row', { name: /expiring until/ })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => page.getByRole('row', { name: /expiring until/ }).count()).toBe(0);
  });
});
