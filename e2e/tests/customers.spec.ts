import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, sessionGraphql, signIn } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const authId = `crm-grace-${Date.now()}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1500, height: 1100 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signIn(page, baseUrl, admin.email, admin.password);
});
afterAll(() => browser?.close());

const graphql = sessionGraphql(() => context, baseUrl);

describe('customers in the admin app', () => {
  let customerId: string;

  it('finds a customer created through the API by searching, and opens it with the keyboard', async () => {
    const { upsertCustomer } = await graphql(
      `
        mutation ($input: UpsertCustomerInput!) {
          upsertCustomer(input: $input) {
            created
            customer {
              id
            }
          }
        }
      `,
      { input: { kind: 'CONTACT', authId, email: `${authId}@example.com`, firstName: 'Grace', lastName: 'Hopper', phone: '+44 20 7946 0958', city: 'Arlington' } },
    );
    expect(upsertCustomer.created).toBe(true);
    customerId = upsertCustomer.customer.id;

    await page.getByRole('tab', { name: 'Customers' }).click();
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    const search = page.getByRole('textbox', { name: 'Search customers' });
    await search.fill(authId);
    const table = page.getByRole('table', { name: 'Customers' });
    const link = table.getByRole('link', { name: 'Grace Hopper' });
    await link.waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await page.getByText('Showing 1 of 1').waitFor();
    // The row is one tab stop: from the filters, Tab lands on its link; Enter opens the customer.
    await page.getByRole('combobox', { name: 'Consent' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Grace Hopper');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/customers/${customerId}`);
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    await page.getByRole('region', { name: 'Identity' }).getByText('+442079460958').waitFor();
    // Creating a contact raised the out-of-box business trigger; it is the first entry of the timeline.
    const first = page.getByRole('table', { name: 'Timeline' }).getByRole('row').nth(1);
    await first.getByRole('link', { name: 'Contact created' }).waitFor();
    expect(await first.getByText('Accepted').isVisible()).toBe(true);
  });

  it('changes a consent after confirming it and shows the change in the history', async () => {
    const row = page.getByRole('row', { name: /^Email commercial/ });
    expect(await row.getByText('Can send').isVisible()).toBe(true);
    await row.getByRole('button', { name: 'Change Email commercial consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Email commercial consent' });
    await dialog.getByRole('radio', { name: 'Opted out' }).check();
    await dialog.getByText(/no longer be sent/).waitFor();
    await dialog.getByRole('button', { name: 'Change consent' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Blocked').waitFor();
    expect(await row.getByText('Opted out').isVisible()).toBe(true);
    const history = page.getByRole('table', { name: 'Consent history' });
    const change = history.getByRole('row', { name: /Email commercial/ });
    await change.waitFor();
    expect(await change.textContent()).toContain('Opted out');
    expect(await change.textContent()).toContain('Admin app');
    expect(await change.textContent()).toContain(`${authId}@example.com`);
  });

  it('previews content with this customer instead of the sample contact', async () => {
    const { createContent } = await graphql(`
      mutation {
        createContent(input: { channel: EMAIL, name: "Customer greeting", subject: "Hi {{ contact.firstName }} from {{ contact.city }}" }) {
          content {
            id
          }
        }
      }
    `);
    await page.goto(`${baseUrl}/content/${createContent.content.id}`);
    await expect.poll(async () => page.getByLabel('Preview subject').textContent()).toBe('Hi Ada from London');
    await page.getByRole('combobox', { name: /Preview for/ }).fill(authId);
    await page.getByRole('option', { name: `Grace Hopper · ${authId}@example.com` }).click();
    await expect.poll(async () => page.getByLabel('Preview subject').textContent()).toBe('Hi Grace from Arlington');
    await page.goto(`${baseUrl}/customers/${customerId}`);
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
  });

  it('erases the customer only after the authId is typed, then shows the erased state', async () => {
    await page.getByRole('button', { name: 'Erase' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase this customer?' });
    const confirm = dialog.getByRole('textbox', { name: /Type the customer’s authId/ });
    const erase = dialog.getByRole('button', { name: 'Erase customer' });
    await confirm.fill(authId.toUpperCase());
    expect(await erase.isDisabled()).toBe(true);
    await confirm.fill(authId);
    await erase.click();
    await page.getByRole('heading', { name: 'Erased customer' }).waitFor();
    expect(await page.getByText('Grace').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Erase' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Customers' }).click();
    await page.getByRole('textbox', { name: 'Search customers' }).fill(authId);
    await page.getByText('No customers match').waitFor();
  });
});
