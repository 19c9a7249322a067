import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const NEW_PASSWORD = `reset-${Date.now()}-password`;
const SUBJECT = 'Reset your Flare password';

let browser: Browser;
let visitor: BrowserContext;
let page: Page;
/** The password the admin has now: the other specs sign in with `admin.password`, so it is put back at the end. */
let current = admin.password;

/** Signs in over the API; resolves to the session cookie, or null when the password is refused. */
async function apiSignIn(password: string): Promise<string | null> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }', variables: { input: { email: admin.email, password } } }),
  });
  const body = await res.json();
  return body.errors ? null : res.headers.get('set-cookie')!.split(';')[0];
}

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await visitor.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  // Whatever happened above, the admin leaves with the password the other specs know.
  if (current !== admin.password) {
    const cookie = await apiSignIn(current);
    if (cookie) {
      await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({
          query: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { signedOutSessions } }',
          variables: { input: { currentPassword: current, newPassword: admin.password } },
        }),
      });
    }
  }
  await browser?.close();
});

describe('password reset by email', () => {
  let resetLink = '';

  it('asks for a reset from the sign-in page and gets the same answer as for any address', async () => {
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email').fill(admin.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain(`If ${admin.email} has a Flare account`);
  });

  it('finds the email in the demo workspace’s Flare inbox, with the link to the reset page', async () => {
    const reader = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const inbox = await reader.newPage();
    inbox.setDefaultTimeout(15_000);
    await signIn(inbox, baseUrl, admin.email, admin.password);
    await inbox.goto(`${baseUrl}/inbox`);
    await inbox.getByRole('heading', { name: 'Inbox' }).waitFor();
    const row = inbox.getByRole('table', { name: 'Inbox messages' }).getByRole('row').filter({ hasText: SUBJECT }).first();
    // The email goes out just after the answer (so timing does not tell known from unknown addresses): wait for it.
    for (let i = 0; i < 20 && !(await row.isVisible()); i += 1) {
      await inbox.getByRole('button', { name: 'Refresh' }).click();
      await inbox.waitForTimeout(500);
    }
    await row.getByRole('link', { name: SUBJECT }).click();
    await inbox.getByRole('heading', { name: SUBJECT }).waitFor();
    await inbox.getByRole('tab', { name: 'Text' }).click();
    const text = (await inbox.getByRole('tabpanel').textContent()) ?? '';
    resetLink = text.match(/https?:\/\/\S+\/reset-password\?token=[\w-]+/)?.[0] ?? '';
    expect(resetLink.startsWith(`${baseUrl}/reset-password?token=`)).toBe(true);
    await reader.close();
  });

  it('sets a new password with the link, which then cannot be used again', async () => {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, baseUrl, admin.email, admin.password);

    await page.goto(resetLink);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await page.getByText(`For ${admin.email}.`).isVisible()).toBe(true);
    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByLabel(/^Repeat the new password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { name: 'Password changed' }).waitFor();
    current = NEW_PASSWORD;

    // Every session of the account was signed out.
    await otherPage.reload();
    await otherPage.getByRole('heading', { name: 'Sign in to Flare' }).waitFor();
    await other.close();

    await page.goto(resetLink);
    await page.getByRole('heading', { name: 'This reset link was already used' }).waitFor();
    expect(await page.getByRole('link', { name: 'Ask for a new reset link' }).getAttribute('href')).toBe('/forgot-password');
    expect(await apiSignIn(admin.password)).toBeNull();
  });

  it('signs in with the new password, and changes it back on the Account page', async () => {
    await signIn(page, baseUrl, admin.email, NEW_PASSWORD);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Account and password' }).click();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    await page.getByLabel(/^Current password/).fill(NEW_PASSWORD);
    await page.getByLabel(/^New password/).fill(admin.password);
    await page.getByLabel(/^Repeat the new password/).fill(admin.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed').first().waitFor();
    current = admin.password;
    expect(await apiSignIn(admin.password)).not.toBeNull();
    expect(await apiSignIn(NEW_PASSWORD)).toBeNull();
    // This session stayed signed in.
    await page.reload();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
  });
});
