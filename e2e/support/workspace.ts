import type { BrowserContext, Page } from 'playwright-core';
import { sessionGraphql } from './browser.js';

export type Graphql = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/**
 * A workspace of its own for a spec (dittofeed's "fresh tenant per test"): the signed-in user becomes its ADMIN,
 * and nothing the spec creates shows up in the demo workspace the other specs count on. Returns its id and a
 * GraphQL client on the browser's session cookie scoped to it (the `x-flare-workspace` header the SPA sends).
 */
export async function createOwnWorkspace(context: () => BrowserContext, baseUrl: string, name: string): Promise<{ id: string; graphql: Graphql }> {
  const { createWorkspace } = await sessionGraphql(context, baseUrl)(
    `
      mutation ($input: CreateWorkspaceInput!) {
        createWorkspace(input: $input) {
          workspace {
            id
          }
        }
      }
    `,
    { input: { name } },
  );
  const id: string = createWorkspace.workspace.id;
  const graphql: Graphql = async (query, variables = {}) => {
    const cookie = (await context().cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-flare-workspace': id },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  return { id, graphql };
}

/** Switches the signed-in SPA to a workspace with the header's switcher, as a user would. */
export async function switchWorkspace(page: Page, baseUrl: string, name: string) {
  // The switcher lists the memberships loaded at sign-in: load the app again to see a workspace created since.
  await page.goto(`${baseUrl}/journeys`);
  const switcher = page.getByRole('combobox', { name: 'Workspace' });
  const option = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  // A native <select> (chosen with the keyboard or the system picker) or a Fluent dropdown (a listbox of options).
  const native = await switcher.evaluate((el) => el.tagName === 'SELECT');
  if (native) {
    const value = (await switcher.locator('option').filter({ hasText: option }).first().getAttribute('value')) ?? '';
    await switcher.selectOption(value);
  } else {
    await switcher.click();
    await page.getByRole('option', { name: option }).click();
  }
  await page.getByRole('heading', { name: 'Journeys' }).waitFor();
  await page.waitForFunction((expected) => {
    const el = document.querySelector('[aria-label="Workspace"]');
    const shown = el instanceof HTMLSelectElement ? el.selectedOptions[0]?.textContent : el?.textContent;
    return shown?.includes(expected);
  }, name);
}
