import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, sessionGraphql, signIn } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const invitee = `invitee-${Date.now()}@example.com`;

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, baseUrl, admin.email, admin.password);
});
afterAll(async () => {
  await browser?.close();
});

describe('invitations: emailed, listed as pending, revoked, and a revoked link says so', () => {
  let inviteUrl = '';

  it('invites from Members: the email goes to the demo workspace’s Flare inbox and the invitation is listed as pending', async () => {
    await page.goto(`${baseUrl}/settings/members`);
    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByLabel('Email').fill(invitee);
    await dialog.getByRole('button', { name: 'Invite' }).click();
    await dialog.getByText(`An invitation email went to ${invitee}`).waitFor();
    inviteUrl = await dialog.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    expect(inviteUrl.startsWith(`${baseUrl}/accept-invitation?token=`)).toBe(true);
    await dialog.getByRole('button', { name: 'Done' }).click();

    const { inboxMessages } = await sessionGraphql(() => context, baseUrl)(`query { inboxMessages(first: 20, channel: EMAIL) { nodes { recipient subject textBody } } }`);
    const mail = inboxMessages.nodes.find((m: { recipient: string }) => m.recipient === invitee);
    expect(mail.subject).toMatch(/^You are invited to .+ on Flare$/);
    expect(mail.textBody).toContain(inviteUrl);

    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await pending.getByText(invitee).waitFor();
  });

  it('revokes it (after asking), and the link then shows a clear page instead of the join form', async () => {
    await page.getByRole('button', { name: `Revoke invitation to ${invitee}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke this invitation?' });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText(`Invitation for ${invitee} revoked`).first().waitFor();
    expect(await page.getByRole('table', { name: 'Pending invitations' }).getByText(invitee).count()).toBe(0);

    const stranger = await browser.newContext();
    const link = await stranger.newPage();
    await link.goto(inviteUrl);
    await link.getByRole('heading', { name: 'This invitation was withdrawn' }).waitFor();
    expect(await link.getByRole('link', { name: 'Sign in to Flare' }).isVisible()).toBe(true);
    expect(await link.getByRole('button', { name: /Join/ }).count()).toBe(0);
    expect(await link.getByLabel(/Password/).count()).toBe(0);
    await stranger.close();
  });
});
