import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setUpAbandonedCart, snippetLibrary } from './abandoned-cart.js';
import { launchBrowser, signIn } from './browser.js';
import { createOwnWorkspace, switchWorkspace } from './workspace.js';

/**
 * A signed-in browser in a workspace of its own with seed 003's abandoned-cart setup, and the shop's web site on
 * another origin serving the JavaScript snippet (its key allows that origin). Each spec's live journeys, runs and
 * inbox stay out of the demo workspace other specs count.
 */
export async function openShop(baseUrl: string, admin: { email: string; password: string }, workspaceName: string) {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1500, height: 1100 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, baseUrl, admin.email, admin.password);
  let snippet = '';
  const site = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><html><body><h1>Shop</h1><script>${snippet}</script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const { graphql } = await createOwnWorkspace(() => context, baseUrl, workspaceName);
  const setup = await setUpAbandonedCart(graphql, baseUrl, siteOrigin);
  snippet = await snippetLibrary(graphql, setup.cart.id, setup.webKey);
  await switchWorkspace(page, baseUrl, workspaceName);
  return {
    browser,
    context,
    page,
    siteOrigin,
    graphql,
    setup,
    close: async () => {
      await browser.close();
      site.close();
    },
  };
}
