import http from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { benchWorkspace, startStack } from './support/stack.js';

/**
 * Messages sent per second through the two real-world providers, each beside its floor from the same run:
 *   SMTP: Flare's sender (claim, send-time checks, lease, nodemailer pool, record, email_delivered raised) against
 *         nodemailer alone sending the same number of messages to the same in-process SMTP server, same parallelism;
 *   webhook: Flare's signed POSTs against bare fetch POSTs of the same size to the same receiver.
 * Messages are queued first (the executor renders them), then the sender alone is timed. BENCH_SCALE shrinks it.
 * Prints figures; asserts nothing.
 */
const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const N = Math.max(50, Math.round(5_000 * SCALE));
const PARALLEL = 8;

const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => callback());
  },
});
await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
const smtpPort = (smtp.server.address() as AddressInfo).port;
const receiver = http.createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end('{"id":"p"}');
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const stack = await startStack({ FLARE_ROLE: 'api' });
const { services } = stack.server;
const { viewer, query } = await benchWorkspace(stack);
const trigger = await services.triggers.create(viewer, {
  title: 'Order placed',
  description: '',
  category: 'TRANSACTION' as never,
  identity: 'PROFILE' as never,
  source: 'Bench',
  key: null,
  attributes: [{ name: 'total', type: 'DECIMAL' as never, required: true }],
  allowedOperations: null,
});
const { secret } = await services.ingestionKeys.create(viewer, { label: 'bench', allowedOrigins: [] });
const post = async (events: unknown[]) => {
  const res = await fetch(`${stack.url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-flare-key': secret }, body: JSON.stringify({ events }) });
  if (res.status !== 202) throw new Error(`events: ${res.status} ${await res.text()}`);
};
await post([{ trigger: trigger.key, authId: 'setup', attributes: { total: 1 } }]);
const email = await services.content.create(viewer, {
  channel: 'EMAIL' as never,
  name: 'Receipt',
  subject: 'Your order of {{ trigger.total }}',
  senderName: 'Shop',
  htmlBody: '<p>Thanks for {{ trigger.total }}. <a href="https://shop.example/orders">Your orders</a></p>',
  textBody: 'Thanks for {{ trigger.total }}',
});
await services.content.markReady(viewer, email.id);
const text = await services.content.create(viewer, { channel: 'TEXT' as never, name: 'Receipt text', body: 'Thanks for {{ trigger.total }}' });
await services.content.markReady(viewer, text.id);

async function journey(name: string, step: Record<string, unknown>) {
  const definition = {
    startTriggerId: trigger.id,
    startTriggerVersion: 1,
    repeatPolicy: 'IMMEDIATELY',
    startAt: new Date(Date.now() - 60_000).toISOString(),
    exitTriggerIds: [],
    firstStepId: 'send',
    steps: [{ id: 'send', ...step }],
  };
  const created = await query(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, { input: { name, definition } });
  const id = created.createJourney.journey.id as string;
  await query(`mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`, { id });
  return id;
}

/** Enrols N customers (text opt-in, a phone, an email), renders their messages, and times the sender alone. */
async function timeSender(journeyId: string, prefix: string) {
  for (let i = 0; i < N; i += 500) {
    const batch = Array.from({ length: Math.min(500, N - i) }, (_, k) => ({
      trigger: trigger.key,
      authId: `${prefix}-${i + k}`,
      contactpoint_email: `${prefix}-${i + k}@example.com`,
      contactpoint_phone: '+4915112345678',
      attributes: { total: 10 },
    }));
    await post(batch);
  }
  await stack.dataSource.query(
    `INSERT INTO customer_consents (workspace_id, customer_id, channel, purpose, status, changed_at, source)
     SELECT c.workspace_id, c.id, 'TEXT', 'COMMERCIAL', 'OPTED_IN', now(), 'IMPORT' FROM customers c WHERE c.auth_id LIKE $1 ON CONFLICT DO NOTHING`,
    [`${prefix}-%`],
  );
  while ((await services.runtime.executor.tick()) > 0);
  const started = performance.now();
  while ((await services.runtime.sender.tick()) > 0);
  const ms = performance.now() - started;
  const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM journey_messages WHERE journey_id = $1 AND status IN ('DELIVERED', 'SENT')`, [journeyId]);
  return { sent: n as number, ms, rate: Math.round((n as number) / (ms / 1000)) };
}

async function parallel(n: number, run: (i: number) => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < n) await run(next++);
    }),
  );
  const ms = performance.now() - started;
  return { ms, rate: Math.round(n / (ms / 1000)) };
}

// SMTP
await query(`mutation($input: SetSmtpChannelInput!) { setSmtpChannel(input: $input) { channel { provider } } }`, {
  input: { host: '127.0.0.1', port: smtpPort, security: 'NONE', fromName: 'Shop', fromAddress: 'news@shop.example' },
});
const emailJourney = await journey('Receipt', { type: 'SEND_EMAIL', contentId: email.id, sendTo: 'CONTACTPOINT_EMAIL' });
const flareSmtp = await timeSender(emailJourney, 'e');
const transport = nodemailer.createTransport({ pool: true, maxConnections: 4, host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
const floorSmtp = await parallel(N, async (i) => {
  await transport.sendMail({ from: 'Shop <news@shop.example>', to: `f-${i}@example.com`, subject: 'Your order of 10', html: '<p>Thanks for 10.</p>', text: 'Thanks for 10' });
});
transport.close();

// Webhook
await query(`mutation($input: SetWebhookChannelInput!) { setWebhookChannel(input: $input) { signingSecret } }`, { input: { channel: 'TEXT', url: hookUrl } });
const textJourney = await journey('Receipt text', { type: 'SEND_TEXT', contentId: text.id, sendTo: 'CONTACTPOINT_PHONE' });
const flareHook = await timeSender(textJourney, 't');
const body = JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', channel: 'TEXT', to: '+4915112345678', body: 'Thanks for 10', title: null, link: null });
const floorHook = await parallel(N, async () => {
  const res = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.text();
});

console.log(`Channel sending benchmark (BENCH_SCALE=${SCALE}; ${N} messages each; sender parallelism ${PARALLEL}; in-process SMTP server and webhook receiver on loopback)`);
console.log(`  SMTP    Flare sender      : ${flareSmtp.rate} messages/s (${flareSmtp.sent} delivered in ${Math.round(flareSmtp.ms)} ms)`);
console.log(`          floor: nodemailer : ${floorSmtp.rate} messages/s   ratio ${(flareSmtp.rate / floorSmtp.rate).toFixed(2)}`);
console.log(`  webhook Flare sender      : ${flareHook.rate} messages/s (${flareHook.sent} sent in ${Math.round(flareHook.ms)} ms)`);
console.log(`          floor: bare fetch : ${floorHook.rate} messages/s   ratio ${(flareHook.rate / floorHook.rate).toFixed(2)}`);

await stack.stop();
await new Promise<void>((r) => smtp.close(() => r()));
await new Promise<void>((r) => receiver.close(() => r()));
