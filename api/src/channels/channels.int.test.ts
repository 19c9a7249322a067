import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { abandonedCartSetup, markReady } from '../../test/journeys.js';
import { messagesOf, runsOf } from '../../test/runtime.js';
import { startSmtpServer } from '../../test/smtp.js';
import { signature } from './providers/webhook.provider.js';

const clock = new FakeClock();
let t: TestServer;
let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  scratch = await createMigratedScratchDatabase();
  t = await startTestServer({ clock, databaseUrl: scratch.url, env: { FLARE_ROLE: 'api', WEBHOOK_TIMEOUT_MS: '300' } });
  smtp = await startSmtpServer({ username: 'shop', password: 's3cret-pass' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await scratch.drop();
});

const idle = () => t.server.services.runtime.runUntilIdle();
const SET_SMTP = `mutation($input: SetSmtpChannelInput!) { setSmtpChannel(input: $input) { channel { provider smtp { host port username hasPassword fromAddress } } } }`;
const SET_WEBHOOK = `mutation($input: SetWebhookChannelInput!) { setWebhookChannel(input: $input) { signingSecret channel { provider webhook { url statusCallbackUrl } } } }`;

/** A live journey on seed 003's triggers: an email, then (optionally) a text; customers come with a phone and text opt-in. */
async function live(steps?: (s: Awaited<ReturnType<typeof abandonedCartSetup>>) => unknown[]) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const setup = await abandonedCartSetup(t, admin);
  for (const c of [setup.email, setup.text, setup.push]) await markReady(admin, c.id);
  const definition = {
    ...setup.definition,
    exitTriggerIds: [],
    steps: (steps?.(setup) ?? [{ id: 'email', type: 'SEND_EMAIL', contentId: setup.email.id, sendTo: 'CONTACTPOINT_EMAIL' }]) as { id: string }[],
  };
  definition.firstStepId = definition.steps[0].id;
  const { createJourney } = await admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, { input: { name: 'J', definition } });
  const id = createJourney.journey.id as string;
  await admin.data(`mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`, { id });
  const key = await createIngestionKey(admin);
  const cart = async (authId: string, email = `${authId}@example.com`) => {
    await admin.data(`mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { created } }`, {
      input: { kind: 'PROFILE', authId, phone: '+4915112345678', consents: [{ channel: 'TEXT', purpose: 'COMMERCIAL', status: 'OPTED_IN' }] },
    });
    const res = await postEvents(t, key.secret, {
      events: [{ trigger: setup.cart.key, authId, contactpoint_email: email, attributes: { cartValue: 12.5, cartUrl: 'https://shop.example/c' } }],
    });
    expect(res.body.accepted).toBe(1);
  };
  return { ws, admin, setup, id, cart };
}

const smtpInput = { host: '127.0.0.1', security: 'NONE', username: 'shop', fromName: 'Shop', fromAddress: 'News@Shop.Example', replyTo: 'help@shop.example' };

describe('email through a real SMTP server', () => {
  it('delivers the journey’s email through the workspace’s SMTP server, with a stable Message-ID, and records the delivery', async () => {
    const j = await live();
    const { setSmtpChannel } = await j.admin.data(SET_SMTP, { input: { ...smtpInput, port: smtp.port, password: 's3cret-pass' } });
    expect(setSmtpChannel.channel).toEqual({
      provider: 'SMTP',
      smtp: { host: '127.0.0.1', port: smtp.port, username: 'shop', hasPassword: true, fromAddress: 'news@shop.example' },
    });
    await j.cart('m1');
    await idle();
    const [run] = await runsOf(t, j.id);
    const [message] = await messagesOf(t, run.id);
    expect(message).toMatchObject({ status: 'DELIVERED', interactions: ['email_delivered'] });
    const mail = smtp.received.find((m) => m.messageId === `<${message.id}@flare>`)!;
    expect(mail.subject).toBe('You left 12.5 in your cart');
    expect(mail.from?.value[0]).toMatchObject({ address: 'news@shop.example', name: 'Shop' });
    expect(mail.to).toMatchObject({ value: [{ address: 'm1@example.com' }] });
    expect(mail.replyTo?.value[0].address).toBe('help@shop.example');
    // Links go out tracked (tracking/), with the one-click unsubscribe headers.
    expect(mail.html).toMatch(/<a href="http:\/\/localhost:4000\/t\/c\/[\w-]{46}">finish your order<\/a>/);
    expect(mail.headerLines.map((h) => h.line.replace(/\r?\n\s+/g, ' '))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^List-Unsubscribe: ?<http:\/\/localhost:4000\/u\/[\w-]{46}>$/), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click']),
    );
    const [row] = await t.dataSource.query(`SELECT provider FROM journey_messages WHERE id = $1`, [message.id]);
    expect(row.provider).toBe('SMTP');
  });

  it('stores the password sealed and never returns it; an edit without a password keeps it', async () => {
    const j = await live();
    await j.admin.data(SET_SMTP, { input: { ...smtpInput, port: smtp.port, password: 's3cret-pass' } });
    const [row] = await t.dataSource.query(`SELECT secret, settings FROM channel_settings WHERE workspace_id = $1 AND channel = 'EMAIL'`, [j.ws.id]);
    expect(row.secret).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('s3cret-pass');
    const { channelSettings } = await j.admin.data(`{ channelSettings { channel provider smtp { hasPassword } } }`);
    expect(JSON.stringify(channelSettings)).not.toContain('s3cret');
    await j.admin.data(SET_SMTP, { input: { ...smtpInput, port: smtp.port, fromName: 'Shop & Co' } });
    await j.cart('m2');
    await idle();
    expect((await messagesOf(t, (await runsOf(t, j.id))[0].id))[0].status).toBe('DELIVERED');
  });

  it('a recipient the server refuses for good bounces (email_bounced); one it defers is sent again later', async () => {
    const j = await live();
    await j.admin.data(SET_SMTP, { input: { ...smtpInput, port: smtp.port, password: 's3cret-pass' } });
    smtp.behave((to) => (to.startsWith('gone') ? 'reject' : to.startsWith('busy') ? 'defer' : 'accept'));
    await j.cart('gone');
    await j.cart('busy');
    await idle();
    const [gone, busy] = await runsOf(t, j.id);
    const [bounced] = await messagesOf(t, gone.id);
    expect(bounced).toMatchObject({ status: 'BOUNCED', interactions: ['email_bounced'] });
    expect(bounced.reason).toMatch(/^SMTP_550/);
    const [deferred] = await messagesOf(t, busy.id);
    expect(deferred).toMatchObject({ status: 'QUEUED' });
    expect(deferred.reason).toMatch(/^RETRY: SMTP_451/);
    smtp.behave(() => 'accept');
    clock.advance(60_000);
    await idle();
    expect((await messagesOf(t, busy.id))[0]).toMatchObject({ status: 'DELIVERED', interactions: ['email_delivered'] });
  });

  it('a wrong password fails the message with the reason, without retrying', async () => {
    const j = await live();
    await j.admin.data(SET_SMTP, { input: { ...smtpInput, port: smtp.port, password: 'wrong' } });
    await j.cart('w1');
    await idle();
    const [m] = await messagesOf(t, (await runsOf(t, j.id))[0].id);
    expect(m.status).toBe('FAILED');
    expect(m.reason).toMatch(/^SMTP_CONFIG/);
  });

  it('refuses SMTP settings that break a rule, naming the field', async () => {
    const j = await live();
    for (const [over, field] of [
      [{ host: 'not a host' }, 'host'],
      [{ port: 70000 }, 'port'],
      [{ fromAddress: 'nope' }, 'fromAddress'],
      [{ fromName: '' }, 'fromName'],
      [{ replyTo: 'x@' }, 'replyTo'],
    ] as const) {
      const refused = await j.admin.error(SET_SMTP, { input: { ...smtpInput, port: smtp.port, ...over } });
      expect({ code: refused.code, field: refused.error.extensions.field }, field).toEqual({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('a test send goes through the channel to an address, rendering the content for a customer', async () => {
    const j = await live();
    await j.admin.data(SET_SMTP, { input: { ...smtpInput, port: smtp.port, password: 's3cret-pass' } });
    const { sendTestMessage } = await j.admin.data(`mutation($input: SendTestMessageInput!) { sendTestMessage(input: $input) { outcome reason to provider } }`, {
      input: { channel: 'EMAIL', contentId: j.setup.email.id, to: 'Tester@Example.com' },
    });
    expect(sendTestMessage).toEqual({ outcome: 'DELIVERED', reason: null, to: 'tester@example.com', provider: 'SMTP' });
    expect(smtp.received.some((m) => m.to && 'value' in m.to && m.to.value[0].address === 'tester@example.com' && m.headers.get('x-flare-test') === 'true')).toBe(true);
  });
});

describe('text through a signed webhook', () => {
  type Call = { headers: http.IncomingHttpHeaders; body: string };
  let receiver: http.Server;
  let url: string;
  const calls: Call[] = [];
  let answer: (call: Call) => number = () => 200;
  /** While set, the receiver reads the request and never answers (until the test server's timeout gives up). */
  let hang = false;
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (hang) return void setTimeout(() => res.destroy(), 2_000);
        const call = { headers: req.headers, body };
        calls.push(call);
        res.statusCode = answer(call);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: `prov-${calls.length}` }));
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it('posts each text signed; the provider’s signed callback makes it delivered (text_delivered); a bad signature changes nothing', async () => {
    const j = await live((s) => [{ id: 'text', type: 'SEND_TEXT', contentId: s.text.id, sendTo: 'CONTACT_PHONE' }]);
    const { setWebhookChannel } = await j.admin.data(SET_WEBHOOK, { input: { channel: 'TEXT', url } });
    const secret = setWebhookChannel.signingSecret as string;
    expect(secret).toMatch(/^whsec_/);
    const callbackUrl = setWebhookChannel.channel.webhook.statusCallbackUrl as string;
    await j.cart('s1');
    await idle();
    const [run] = await runsOf(t, j.id);
    const [message] = await messagesOf(t, run.id);
    expect(message).toMatchObject({ status: 'SENT' });
    const call = calls.find((c) => (JSON.parse(c.body) as { id: string }).id === message.id)!;
    const ts = Number(/t=(\d+)/.exec(String(call.headers['x-flare-signature']))![1]);
    expect(call.headers['x-flare-signature']).toBe(signature(secret, ts, call.body));
    expect(call.headers['idempotency-key']).toBe(message.id);
    expect(JSON.parse(call.body)).toMatchObject({
      channel: 'TEXT',
      to: '+4915112345678',
      body: expect.stringMatching(/^Your cart is waiting: http:\/\/localhost:4000\/t\/s\/[\w-]{35}$/),
      statusCallbackUrl: callbackUrl,
    });

    const report = JSON.stringify({ id: message.id, status: 'delivered' });
    const path = new URL(callbackUrl).pathname;
    const forged = await fetch(`${t.url}${path}`, {
      method: 'POST',
      body: report,
      headers: { 'x-flare-signature': signature('not-the-secret', Math.floor(clock.now().getTime() / 1000), report) },
    });
    expect(forged.status).toBe(401);
    expect((await messagesOf(t, run.id))[0].status).toBe('SENT');
    const ok = await fetch(`${t.url}${path}`, {
      method: 'POST',
      body: report,
      headers: { 'x-flare-signature': signature(secret, Math.floor(clock.now().getTime() / 1000), report) },
    });
    expect(ok.status).toBe(200);
    expect((await messagesOf(t, run.id))[0]).toMatchObject({ status: 'DELIVERED', interactions: ['text_delivered'] });
  });

  it('retries a provider that fails and recovers; refuses for good on a 4xx', async () => {
    const j = await live((s) => [{ id: 'text', type: 'SEND_TEXT', contentId: s.text.id, sendTo: 'CONTACT_PHONE' }]);
    await j.admin.data(SET_WEBHOOK, { input: { channel: 'TEXT', url } });
    answer = () => 503;
    await j.cart('r1');
    await idle();
    const [run] = await runsOf(t, j.id);
    expect((await messagesOf(t, run.id))[0]).toMatchObject({ status: 'QUEUED' });
    answer = () => 200;
    clock.advance(60_000);
    await idle();
    expect((await messagesOf(t, run.id))[0]).toMatchObject({ status: 'SENT' });
    answer = () => 400;
    await j.cart('r2');
    await idle();
    const m = (await messagesOf(t, (await runsOf(t, j.id))[1].id))[0];
    expect(m.status).toBe('FAILED');
    expect(m.reason).toMatch(/^WEBHOOK_400/);
    answer = () => 200;
  });

  it('a provider that does not answer in time: tried again later, sent once it answers', async () => {
    const j = await live((s) => [{ id: 'text', type: 'SEND_TEXT', contentId: s.text.id, sendTo: 'CONTACT_PHONE' }]);
    await j.admin.data(SET_WEBHOOK, { input: { channel: 'TEXT', url } });
    hang = true;
    await j.cart('slow');
    await idle();
    const [run] = await runsOf(t, j.id);
    const [waiting] = await messagesOf(t, run.id);
    expect(waiting.status).toBe('QUEUED');
    expect(waiting.reason).toMatch(/^RETRY: WEBHOOK_TIMEOUT/);
    hang = false;
    clock.advance(60_000);
    await idle();
    expect((await messagesOf(t, run.id))[0]).toMatchObject({ status: 'SENT', reason: null });
  });

  it('refuses an insecure webhook URL', async () => {
    const j = await live();
    expect(await j.admin.error(SET_WEBHOOK, { input: { channel: 'TEXT', url: 'http://sms.example.com/hook' } })).toMatchObject({ reason: 'INSECURE_URL' });
    expect(await j.admin.error(SET_WEBHOOK, { input: { channel: 'EMAIL', url: 'https://sms.example.com/hook' } })).toMatchObject({ reason: 'CHANNEL_MISMATCH' });
  });
});

describe('the Flare inbox', () => {
  it('is the default: journey messages and test sends land there, fully rendered', async () => {
    const j = await live();
    await j.cart('i1');
    await idle();
    await j.admin.data(`mutation { sendTestMessage(input: { channel: EMAIL, to: "qa@example.com" }) { outcome } }`);
    const { inboxMessages } = await j.admin.data(`{ inboxMessages(first: 10) { totalCount nodes { recipient subject htmlBody test messageId } } }`);
    expect(inboxMessages.totalCount).toBe(2);
    expect(inboxMessages.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recipient: 'i1@example.com', subject: 'You left 12.5 in your cart', test: false }),
        expect.objectContaining({ recipient: 'qa@example.com', subject: 'Flare test message', test: true, messageId: null }),
      ]),
    );
  });
});
