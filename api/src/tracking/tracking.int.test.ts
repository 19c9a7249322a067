import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { abandonedCartSetup, markReady } from '../../test/journeys.js';
import { messagesOf, runsOf } from '../../test/runtime.js';

const clock = new FakeClock();
let t: TestServer;
let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;

beforeAll(async () => {
  scratch = await createMigratedScratchDatabase();
  t = await startTestServer({ clock, databaseUrl: scratch.url, env: { FLARE_ROLE: 'api' } });
});
afterAll(async () => {
  await t.close();
  await scratch.drop();
});

const PUBLIC = 'http://localhost:4000';
const CART = 'https://shop.example/c?id=7&ref=mail';
/** Text renders are not HTML-escaped (content/templates.ts): the URL reads as in the event. */
const CART_IN_TEXT = CART;
const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const idle = () => t.server.services.runtime.runUntilIdle();
/** A tracking URL as sent (under PUBLIC_URL) fetched from the test server, redirects not followed. */
const hit = (url: string, init: RequestInit = {}) =>
  fetch(url.replace(PUBLIC, t.url), { redirect: 'manual', ...init, headers: { 'user-agent': BROWSER, ...(init.headers as Record<string, string> | undefined) } });

/** Seed 003's abandoned-cart journey, live: email, wait up to a day for email_opened, else a text. */
async function live() {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const setup = await abandonedCartSetup(t, admin);
  for (const c of [setup.email, setup.text, setup.push]) await markReady(admin, c.id);
  const { createJourney } = await admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, {
    input: { name: 'Abandoned cart', definition: setup.definition },
  });
  const id = createJourney.journey.id as string;
  await admin.data(`mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`, { id });
  const key = await createIngestionKey(admin);
  const cart = async (authId: string, bindingId?: string) => {
    await admin.data(`mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { created } }`, {
      input: { kind: 'PROFILE', authId, phone: '+4915112345678', consents: [{ channel: 'TEXT', purpose: 'COMMERCIAL', status: 'OPTED_IN' }] },
    });
    const res = await postEvents(t, key.secret, {
      events: [
        {
          trigger: setup.cart.key,
          authId,
          contactpoint_email: `${authId}@example.com`,
          ...(bindingId ? { bindingId } : {}),
          attributes: { cartValue: 12.5, cartUrl: CART },
        },
      ],
    });
    expect(res.body.accepted).toBe(1);
  };
  /** Sends the cart email to `authId` and returns the run, the stored message and the inbox copy. */
  const emailed = async (authId: string) => {
    await cart(authId);
    await idle();
    const run = (await runsOf(t, id)).find((r) => r.auth_id === authId)!;
    const [message] = await messagesOf(t, run.id);
    const [inbox] = await t.dataSource.query(`SELECT html_body, text_body, body, headers FROM inbox_messages WHERE message_id = $1`, [message.id]);
    const links = [...(inbox.html_body as string).matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    const pixel = /<img src="([^"]+)"/.exec(inbox.html_body as string)![1];
    return { run, message, inbox, click: links[0], unsubscribe: links[1], pixel };
  };
  return { ws, admin, setup, id, cart, emailed };
}

const interactionsOf = async (messageId: string) =>
  ((await t.dataSource.query(`SELECT interactions FROM journey_messages WHERE id = $1`, [messageId]))[0] as { interactions: string[] }).interactions;
const eventsOf = (workspaceId: string, trigger: string) =>
  t.dataSource.query<{ payload: { attributes: Record<string, unknown> } }[]>(`SELECT payload FROM trigger_events WHERE workspace_id = $1 AND trigger_key = $2 ORDER BY id`, [
    workspaceId,
    trigger,
  ]);

describe('tracking through the Flare inbox', () => {
  it('sends the email with tracked links, an open pixel, an unsubscribe link and one-click headers; the stored render stays untracked', async () => {
    const j = await live();
    const { message, inbox, click, unsubscribe, pixel } = await j.emailed('t1');
    expect(click).toMatch(new RegExp(`^${PUBLIC}/t/c/[A-Za-z0-9_-]{46}$`));
    expect(unsubscribe).toMatch(new RegExp(`^${PUBLIC}/u/[A-Za-z0-9_-]{46}$`));
    expect(pixel).toMatch(new RegExp(`^${PUBLIC}/t/o/[A-Za-z0-9_-]{46}\\.gif$`));
    expect(inbox.html_body).not.toContain('shop.example');
    expect(inbox.text_body).toMatch(new RegExp(`^Finish your order: ${PUBLIC}/t/c/\\S+\n\nUnsubscribe: ${unsubscribe}\n$`));
    expect(inbox.headers).toEqual({ 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(message.html_body).toContain('<a href="https://shop.example/c?id=7&amp;ref=mail">finish your order</a>');
    const [row] = await t.dataSource.query(`SELECT links FROM journey_messages WHERE id = $1`, [message.id]);
    expect(row.links).toEqual([CART, CART_IN_TEXT]);
  });

  it('a person’s open records email_opened and the waiting run takes its yes path', async () => {
    const j = await live();
    const { run, message, pixel } = await j.emailed('t2');
    expect((await runsOf(t, j.id))[0]).toMatchObject({ status: 'WAITING', step_id: 'opened' });
    clock.advance(60_000);
    const res = await hit(pixel);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 6)
        .toString(),
    ).toBe('GIF89a');
    expect(await interactionsOf(message.id)).toEqual(['email_delivered', 'email_opened']);
    await idle();
    expect((await runsOf(t, j.id)).find((r) => r.id === run.id)).toMatchObject({ status: 'COMPLETED' });
    expect((await messagesOf(t, run.id)).map((m) => m.step_id)).toEqual(['email']);
    const [opened] = await eventsOf(j.ws.id, 'email_opened');
    expect(opened.payload.attributes).toMatchObject({ deliveryId: message.id, journeyId: j.id, stepId: 'email' });
    // Opened again: counted once.
    await hit(pixel);
    expect(await eventsOf(j.ws.id, 'email_opened')).toHaveLength(1);
  });

  it('machine opens (within 2 s of delivery, Gmail’s image proxy, Apple Mail Privacy Protection, HEAD) are email_opened_machine only; the run keeps waiting', async () => {
    const j = await live();
    const { message, pixel } = await j.emailed('t3');
    expect((await hit(pixel)).status).toBe(200); // the same instant as the delivery
    expect(await interactionsOf(message.id)).toEqual(['email_delivered', 'email_opened_machine']);
    clock.advance(60_000);
    for (const ua of ['Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)', 'Mozilla/5.0'])
      expect((await hit(pixel, { headers: { 'user-agent': ua } })).status).toBe(200);
    expect((await hit(pixel, { method: 'HEAD' })).status).toBe(200);
    expect(await interactionsOf(message.id)).toEqual(['email_delivered', 'email_opened_machine']);
    expect(await eventsOf(j.ws.id, 'email_opened')).toEqual([]);
    await idle();
    expect((await runsOf(t, j.id))[0]).toMatchObject({ status: 'WAITING', step_id: 'opened' });
    const range = { from: new Date(clock.now().getTime() - 86_400_000).toISOString(), to: new Date(clock.now().getTime() + 3_600_000).toISOString(), granularity: 'HOUR' };
    const { journeyAnalytics } = await j.admin.data(
      `query($id: ID!, $range: AnalyticsRangeInput!) { journeyAnalytics(journeyId: $id, range: $range) { messages { stepId opened openedHuman } } }`,
      { id: j.id, range },
    );
    expect(journeyAnalytics.messages[0]).toEqual({ stepId: 'email', opened: 1, openedHuman: 0 });
  });

  it('a click redirects to the stored link and records email_clicked with the URL; a scanner’s click is redirected, not recorded', async () => {
    const j = await live();
    const { message, click } = await j.emailed('t4');
    const scanned = await hit(click, { method: 'HEAD' });
    expect(scanned.status).toBe(302);
    expect(scanned.headers.get('location')).toBe('https://shop.example/c?id=7&ref=mail');
    expect((await hit(click)).status).toBe(302); // sub-second after delivery
    expect(await interactionsOf(message.id)).toEqual(['email_delivered']);
    clock.advance(5_000);
    const res = await hit(click);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://shop.example/c?id=7&ref=mail');
    expect(await interactionsOf(message.id)).toEqual(['email_delivered', 'email_clicked']);
    const clicks = await eventsOf(j.ws.id, 'email_clicked');
    expect(clicks.map((c) => c.payload.attributes)).toEqual([expect.objectContaining({ url: 'https://shop.example/c?id=7&ref=mail', deliveryId: message.id })]);
  });

  it('a forged or modified token is a 404 (never a redirect) and records nothing; a bad pixel token is still a GIF', async () => {
    const j = await live();
    const { message, click, pixel, unsubscribe } = await j.emailed('t5');
    clock.advance(60_000);
    const token = click.split('/').pop()!;
    const raw = Buffer.from(token, 'base64url');
    raw[17] ^= 1; // link 0 → link 1, signature unchanged
    const other = `${PUBLIC}/t/c/${raw.toString('base64url')}`;
    for (const url of [other, `${click}x`, `${PUBLIC}/t/c/https%3A%2F%2Fevil.example`, `${PUBLIC}/t/s/${token}`, `${PUBLIC}/t/c/${unsubscribe.split('/').pop()}`]) {
      const res = await hit(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('location')).toBeNull();
    }
    const forgedPixel = await hit(pixel.replace(/.{4}\.gif$/, 'AAAA.gif'));
    expect(forgedPixel.status).toBe(200);
    expect(forgedPixel.headers.get('content-type')).toBe('image/gif');
    expect(
      (
        await hit(
          unsubscribe.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
          { method: 'POST' },
        )
      ).status,
    ).toBe(404);
    expect(await interactionsOf(message.id)).toEqual(['email_delivered']);
    const [consent] = await t.dataSource.query(`SELECT count(*)::int AS n FROM consent_changes WHERE workspace_id = $1 AND channel = 'EMAIL'`, [j.ws.id]);
    expect(consent.n).toBe(0);
  });

  it('the unsubscribe page names the workspace only, has no script; one-click POST opts the customer out and the next email is blocked', async () => {
    const j = await live();
    const { message, unsubscribe } = await j.emailed('t6');
    const pageRes = await hit(unsubscribe);
    expect(pageRes.status).toBe(200);
    expect(pageRes.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await pageRes.text();
    const [{ name }] = await t.dataSource.query(`SELECT name FROM workspaces WHERE id = $1`, [j.ws.id]);
    expect(html).toContain(`<h1>Unsubscribe from ${name} emails?</h1>`);
    expect(html).toMatch(/<form method="post">[\s\S]*<button type="submit">Unsubscribe<\/button><\/form>/);
    expect(html).not.toMatch(/<script|\son\w+=|t6|example\.com/i);
    // Mail clients' one-click unsubscribe (RFC 8058).
    const res = await hit(unsubscribe, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed');
    const customerId = (await runsOf(t, j.id))[0].customer_id;
    const consents = await t.dataSource.query(
      `SELECT status, source, contact_point FROM customer_consents WHERE customer_id = $1 AND channel = 'EMAIL' AND purpose = 'COMMERCIAL'`,
      [customerId],
    );
    expect(consents).toEqual([{ status: 'OPTED_OUT', source: 'UNSUBSCRIBE', contact_point: 't6@example.com' }]);
    expect(await t.dataSource.query(`SELECT status, source FROM consent_changes WHERE customer_id = $1 AND channel = 'EMAIL'`, [customerId])).toEqual([
      { status: 'OPTED_OUT', source: 'UNSUBSCRIBE' },
    ]);
    expect(message.status).toBe('DELIVERED');
    await j.cart('t6', 'cart/second');
    await idle();
    const second = (await runsOf(t, j.id)).find((r) => r.binding === 'cart/second')!;
    expect((await messagesOf(t, second.id))[0]).toMatchObject({ status: 'BLOCKED', reason: 'CONSENT_OPTED_OUT' });
  });

  it('a text message’s links become short tracked links; a click records text_clicked', async () => {
    const j = await live();
    const { run } = await j.emailed('t7');
    clock.advance(86_400_000 + 1_000); // no open within a day: the text goes
    await idle();
    const text = (await messagesOf(t, run.id)).find((m) => m.step_id === 'text')!;
    expect(text.status).toBe('DELIVERED');
    const [inbox] = await t.dataSource.query(`SELECT body FROM inbox_messages WHERE message_id = $1`, [text.id]);
    const short = /(\S+)$/.exec(inbox.body as string)![1];
    expect(inbox.body).toBe(`Your cart is waiting: ${short}`);
    expect(short).toMatch(new RegExp(`^${PUBLIC}/t/s/[A-Za-z0-9_-]{35}$`));
    clock.advance(10_000);
    const res = await hit(short);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(CART_IN_TEXT);
    expect(await interactionsOf(text.id)).toEqual(['text_delivered', 'text_clicked']);
    expect((await eventsOf(j.ws.id, 'text_clicked'))[0].payload.attributes).toMatchObject({ url: CART_IN_TEXT, deliveryId: text.id });
  });
});
