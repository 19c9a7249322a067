import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { snippetLibrary } from '../support/abandoned-cart.js';
import { launchBrowser, signIn } from '../support/browser.js';
import { createOwnWorkspace, switchWorkspace, type Graphql } from '../support/workspace.js';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let graphql: Graphql;
let site: http.Server;
let siteOrigin: string;
/** The page the customer's site serves at each path: the pasted snippet, then one flareTrack call. */
const pages = new Map<string, string>();
let trigger: { id: string; key: string };
const workspaceName = `Snippet errors ${Date.now()}`;

beforeAll(async () => {
  browser = await launchBrowser();
  // bypassCSP: axe-core is injected into the SPA's pages to check the debugger.
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
  page = await context.newPage();
  await signIn(page, baseUrl, admin.email, admin.password);
  ({ graphql } = await createOwnWorkspace(() => context, baseUrl, workspaceName));
  await switchWorkspace(page, baseUrl, workspaceName);
  // A customer's web site on another origin (another port of 127.0.0.1).
  site = http.createServer((req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1><script>${pages.get(req.url ?? '/') ?? ''}</script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
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
    { input: { title: 'Newsletter signup', category: 'SIGNAL', identity: 'CONTACT', source: 'Website', attributes: [{ name: 'list', type: 'TEXT', required: true }] } },
  );
  trigger = createTrigger.trigger;
});
afterAll(async () => {
  await browser?.close();
  site?.close();
});

const createKey = async (label: string, allowedOrigins: string[]) => {
  const { createIngestionKey } = await graphql(
    `
      mutation ($input: CreateIngestionKeyInput!) {
        createIngestionKey(input: $input) {
          secret
          ingestionKey {
            id
            prefix
          }
        }
      }
    `,
    { input: { label, allowedOrigins } },
  );
  return { id: createIngestionKey.ingestionKey.id as string, prefix: createIngestionKey.ingestionKey.prefix as string, secret: createIngestionKey.secret as string };
};

/**
 * Opens the site's page that runs the real JavaScript snippet with `key` and tracks one event; answers what the
 * snippet reported (its console warning) and what flareTrack's promise resolved to.
 */
async function runSnippet(path: string, library: string) {
  pages.set(path, `${library}\nwindow.__flare = flareTrack({ trigger: ${JSON.stringify(trigger.key)}, authId: 'contact-7', attributes: { list: 'weekly' } });`);
  const shop = await context.newPage();
  const messages: ConsoleMessage[] = [];
  shop.on('console', (m) => messages.push(m));
  await shop.goto(`${siteOrigin}${path}`);
  const outcome = await shop.evaluate(() =>
    (window as unknown as { __flare: Promise<unknown> }).__flare.then(
      (r) => ({ ok: true, result: r }),
      (e: Error) => ({ ok: false, result: String(e) }),
    ),
  );
  await shop.close();
  return { outcome, warnings: messages.filter((m) => m.type() === 'warning').map((m) => m.text()), errors: messages.filter((m) => m.type() === 'error').map((m) => m.text()) };
}

describe('the JavaScript snippet with a refused key', () => {
  it('reports ORIGIN_NOT_ALLOWED, KEY_REVOKED and INVALID_KEY to the page instead of a CORS failure', async () => {
    const elsewhere = await createKey('Other site', ['https://elsewhere.example']);
    const refused = await runSnippet('/refused-origin', await snippetLibrary(graphql, trigger.id, elsewhere));
    expect(refused.outcome).toMatchObject({ ok: true, result: { error: { code: 'ORIGIN_NOT_ALLOWED' } } });
    expect(refused.warnings.join('\n')).toContain('ORIGIN_NOT_ALLOWED');
    expect(refused.errors.join('\n')).not.toMatch(/CORS|Access-Control-Allow-Origin/);

    const revoked = await createKey('Revoked', [siteOrigin]);
    const revokedLibrary = await snippetLibrary(graphql, trigger.id, revoked);
    await graphql(
      `
        mutation ($id: ID!) {
          revokeIngestionKey(input: { id: $id }) {
            ingestionKey {
              state
            }
          }
        }
      `,
      { id: revoked.id },
    );
    const afterRevoke = await runSnippet('/revoked', revokedLibrary);
    expect(afterRevoke.outcome).toMatchObject({ ok: true, result: { error: { code: 'KEY_REVOKED' } } });
    expect(afterRevoke.warnings.join('\n')).toContain('KEY_REVOKED');
    expect(afterRevoke.errors.join('\n')).not.toMatch(/CORS|Access-Control-Allow-Origin/);

    const wrong = await runSnippet('/wrong-key', revokedLibrary.replace(revoked.secret, `${revoked.prefix}_wrongwrongwrongwrongwrongwrong`));
    expect(wrong.outcome).toMatchObject({ ok: true, result: { error: { code: 'INVALID_KEY' } } });
    expect(wrong.warnings.join('\n')).toContain('INVALID_KEY');
  });

  it('shows the refusals in the trigger’s event debugger, with origin and key prefix, never the secret', async () => {
    await page.goto(`${baseUrl}/triggers/${trigger.id}`);
    await openIntegration(page);
    await choose(page, 'Refused requests');
    const table = page.getByRole('table', { name: 'Refused requests' });
    await table.getByText('ORIGIN_NOT_ALLOWED').waitFor();
    await table.getByText('KEY_REVOKED').waitFor();
    await table.getByText('INVALID_KEY').waitFor();
    expect(await table.getByText(siteOrigin).count()).toBeGreaterThan(0);
    expect(await table.textContent()).not.toContain('wrongwrongwrong');
    expect(new URL(page.url()).searchParams.get('status')).toBe('refused');
  });
});

/**
 * Picks a filter with the keyboard (focus, Space), as a keyboard user would; a click could land beside it while
 * the tab's content above is still loading and moves it.
 */
async function choose(p: Page, name: string) {
  const radio = p.getByRole('radio', { name });
  await radio.focus();
  await p.keyboard.press('Space');
  await expect.poll(() => radio.isChecked()).toBe(true);
}

/** Serious and critical axe-core violations inside the event debugger (the rest of the page is other specs' concern). */
async function debuggerViolations(p: Page): Promise<string[]> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await p.addScriptTag({ content: source });
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: string): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
    const { violations } = await axe.run('section[aria-labelledby="event-debugger-heading"]');
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => (n as { target: unknown }).target))}`);
  });
}

/** The debugger is on the Integration tab; the tab may already be open (from the address). */
async function openIntegration(p: Page) {
  const tab = p.getByRole('tab', { name: 'Integration' });
  await tab.waitFor();
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await p.getByRole('heading', { name: 'Event debugger' }).waitFor();
}

describe('the event debugger after a reload', () => {
  it('still shows the earlier events, accepted and rejected, and keeps its filter from the address', async () => {
    const key = await createKey('Server', []);
    const res = await fetch(`${baseUrl}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flare-key': key.secret },
      body: JSON.stringify({
        events: [
          { trigger: trigger.key, authId: 'contact-accepted', attributes: { list: 'weekly' } },
          { trigger: trigger.key, authId: 'contact-rejected', attributes: {} },
        ],
      }),
    });
    expect(await res.json()).toMatchObject({ accepted: 1, rejected: 1 });

    await page.goto(`${baseUrl}/triggers/${trigger.id}`);
    await openIntegration(page);
    await choose(page, 'All events');
    const events = page.getByRole('table', { name: 'Received events' });
    await events.getByRole('cell', { name: 'contact-accepted' }).waitFor();
    await events.getByRole('cell', { name: 'contact-rejected' }).waitFor();

    await page.reload();
    await openIntegration(page);
    await events.getByRole('cell', { name: 'contact-accepted' }).waitFor();
    await events.getByRole('cell', { name: 'contact-rejected' }).waitFor();
    await events.getByText(/MISSING_ATTRIBUTE/).waitFor();

    await choose(page, 'Rejected');
    await expect.poll(() => events.getByRole('cell', { name: 'contact-accepted' }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('status')).toBe('rejected');
    await page.reload();
    await openIntegration(page);
    expect(await page.getByRole('radio', { name: 'Rejected' }).isChecked()).toBe(true);
    await events.getByRole('cell', { name: 'contact-rejected' }).waitFor();
    expect(await events.getByRole('cell', { name: 'contact-accepted' }).count()).toBe(0);
    // Back returns to the previous filter.
    await page.goBack();
    await openIntegration(page);
    await expect.poll(() => page.getByRole('radio', { name: 'All events' }).isChecked()).toBe(true);

    // On a phone the debugger fits the screen: its table scrolls inside itself, its choices wrap.
    await page.setViewportSize({ width: 390, height: 844 });
    await events.getByRole('cell', { name: 'contact-rejected' }).waitFor();
    const debuggerSection = page.getByRole('region', { name: 'Event debugger' });
    const overflow = await debuggerSection.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    expect(overflow.right).toBeLessThanOrEqual(390);
    expect(await debuggerViolations(page)).toEqual([]);
    await choose(page, 'Refused requests');
    await page.getByRole('table', { name: 'Refused requests' }).waitFor();
    expect(await debuggerViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 1000 });
  });
});
