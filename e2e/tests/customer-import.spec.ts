import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const run = `imp${Date.now().toString(36)}`;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await signIn(page, baseUrl, admin.email, admin.password);
});
afterAll(() => browser?.close());

/** The customer as the API sees it, asked from the signed-in page (its session cookie). */
async function customerByAuthId(authId: string) {
  return page.evaluate(async (id) => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($id: String!) { customerByAuthId(kind: CONTACT, authId: $id) { authId email firstName source } }', variables: { id } }),
    });
    return ((await res.json()) as { data: { customerByAuthId: Record<string, string> | null } }).data.customerByAuthId;
  }, authId);
}

describe('customer import', () => {
  it('imports a CSV with one bad row: the good customers are stored, the bad row is listed with its reason', async () => {
    const csv = ['Customer ID,Email,First name', `${run}-1,ada-${run}@example.com,Ada`, `${run}-2,not-an-email,Bob`, `${run}-3,cy-${run}@example.com,Cy`].join('\n');
    await page.goto(`${baseUrl}/customers`);
    await page
      .getByRole('button', { name: /Import/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Import customers' }).waitFor();
    await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    // Columns matched by their headers.
    expect(await page.getByRole('combobox', { name: 'Field for column Customer ID' }).inputValue()).toBe('authId');
    expect(await page.getByRole('combobox', { name: 'Field for column First name' }).inputValue()).toBe('firstName');

    // The preview shows the server's verdict at the bad cell.
    const preview = page.getByRole('table', { name: 'Preview' });
    await preview.getByText('“not-an-email” is not an email address.').waitFor();

    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByText('3 rows sent: 2 imported (2 new, 0 updated), 1 refused.').waitFor();
    const refused = page.getByRole('table', { name: 'Refused rows' });
    const rows = refused.getByRole('row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain('INVALID_EMAIL');
    expect(await rows.nth(1).getByRole('cell').first().textContent()).toBe('2');

    // The refused rows download as a CSV with the reason.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download refused rows (CSV)' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.split(/\r?\n/)[0]).toBe('row,Customer ID,Email,First name,problems');
    expect(text).toContain(`2,${run}-2,not-an-email,Bob,email: “not-an-email” is not an email address. (INVALID_EMAIL)`);

    expect(await customerByAuthId(`${run}-1`)).toEqual({ authId: `${run}-1`, email: `ada-${run}@example.com`, firstName: 'Ada', source: 'IMPORT' });
    expect(await customerByAuthId(`${run}-2`)).toBeNull();

    // And in the Customers list.
    await page.getByRole('button', { name: 'Back to customers' }).click();
    await page.getByLabel('Search customers').fill(run);
    const list = page.getByRole('table', { name: 'Customers' });
    await list.getByText(`cy-${run}@example.com`).waitFor();
    await list.getByText(`ada-${run}@example.com`).waitFor();
    expect(await list.getByText('not-an-email').count()).toBe(0);
  });
});
