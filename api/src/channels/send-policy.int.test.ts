import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { addMember, createMigratedScratchDatabase, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { abandonedCartSetup, markReady } from '../../test/journeys.js';
import { messagesOf, runsOf } from '../../test/runtime.js';
import { poolOf } from '../db/data-source.js';
import { MessageSender } from '../runtime/message.sender.js';
import { ContentChannel } from '../content/content.types.js';
import { applySendPolicies } from './send-policy.gate.js';

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

const HOUR = 3_600_000;
const idle = () => t.server.services.runtime.runUntilIdle();
const SET_CAP = `mutation($input: SetFrequencyCapInput!) { setFrequencyCap(input: $input) { channel frequencyCap { per24h per7d per30d } } }`;
const SET_QUIET = `mutation($input: SetQuietHoursInput!) { setQuietHours(input: $input) { channel quietHours { start end days timeZoneMode } } }`;
const ANALYTICS = `query($id: ID!, $range: AnalyticsRangeInput!) { journeyAnalytics(journeyId: $id, range: $range) { messages { stepId sent blocked blockedByReason { reason count } } } }`;

/** A live journey: an email to the start event's contactpoint_email, then a text (no policies on text): a capped email does not stop the run. */
async function live(options: { ignoreFrequencyCap?: boolean } = {}) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const setup = await abandonedCartSetup(t, admin);
  for (const c of [setup.email, setup.text]) await markReady(admin, c.id);
  const definition = {
    ...setup.definition,
    exitTriggerIds: [],
    ignoreFrequencyCap: options.ignoreFrequencyCap ?? false,
    firstStepId: 'email',
    steps: [
      { id: 'email', type: 'SEND_EMAIL', contentId: setup.email.id, sendTo: 'CONTACTPOINT_EMAIL', next: 'text' },
      { id: 'text', type: 'SEND_TEXT', contentId: setup.text.id, sendTo: 'CONTACT_PHONE' },
    ],
  };
  const { createJourney } = await admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id definition { ignoreFrequencyCap } } } }`, {
    input: { name: 'J', definition },
  });
  expect(createJourney.journey.definition.ignoreFrequencyCap).toBe(options.ignoreFrequencyCap ?? false);
  const id = createJourney.journey.id as string;
  await admin.data(`mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`, { id });
  const key = await createIngestionKey(admin);
  /** A cart event of `authId` (created with a phone, text opt-in and `timeZone`) naming `email` as contact point. */
  const cart = async (authId: string, email: string, timeZone: string | null = null) => {
    await admin.data(`mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { created } }`, {
      input: { kind: 'PROFILE', authId, phone: '+4915112345678', timeZone, consents: [{ channel: 'TEXT', purpose: 'COMMERCIAL', status: 'OPTED_IN' }] },
    });
    const res = await postEvents(t, key.secret, {
      events: [{ trigger: setup.cart.key, authId, contactpoint_email: email, attributes: { cartValue: 12.5, cartUrl: 'https://shop.example/c' } }],
    });
    expect(res.body.accepted).toBe(1);
  };
  /** Every email of the journey, oldest first. */
  const emails = () =>
    t.dataSource.query<{ id: string; recipient: string; status: string; reason: string | null; reason_detail: string | null; due_at: Date | null; auth_id: string }[]>(
      `SELECT m.id, m.recipient, m.status, m.reason, m.reason_detail, m.due_at, c.auth_id FROM journey_messages m JOIN customers c ON c.id = m.customer_id
        WHERE m.journey_id = $1 AND m.channel = 'EMAIL' ORDER BY m.created_at, m.id`,
      [id],
    );
  const analytics = async () => {
    const from = new Date(clock.now().getTime() - 40 * 24 * HOUR).toISOString();
    const to = new Date(clock.now().getTime() + 2 * HOUR).toISOString();
    const { journeyAnalytics } = await admin.data(ANALYTICS, { id, range: { from, to, granularity: 'DAY' } });
    return (journeyAnalytics.messages as { stepId: string; sent: number; blocked: number; blockedByReason: { reason: string; count: number }[] }[]).find(
      (m) => m.stepId === 'email',
    )!;
  };
  return { ws, admin, id, cart, emails, analytics };
}

/** The wall clock of `at` in `timeZone`, HH:MM. */
const wallTime = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

describe('settings', () => {
  it('admins set caps and quiet hours per channel; channelSettings shows them; bad values are refused by field', async () => {
    const j = await live();
    expect((await j.admin.data(SET_CAP, { input: { channel: 'EMAIL', per24h: 2, per30d: 10 } })).setFrequencyCap).toEqual({
      channel: 'EMAIL',
      frequencyCap: { per24h: 2, per7d: null, per30d: 10 },
    });
    expect((await j.admin.data(SET_QUIET, { input: { channel: 'TEXT', start: '21:00', end: '08:00', days: ['MON', 'FRI'], timeZoneMode: 'WORKSPACE' } })).setQuietHours).toEqual({
      channel: 'TEXT',
      quietHours: { start: '21:00', end: '08:00', days: ['MON', 'FRI'], timeZoneMode: 'WORKSPACE' },
    });
    const { channelSettings } = await j.admin.data(`{ channelSettings { channel frequencyCap { per24h } quietHours { start } } }`);
    expect(channelSettings).toEqual([
      { channel: 'EMAIL', frequencyCap: { per24h: 2 }, quietHours: null },
      { channel: 'TEXT', frequencyCap: null, quietHours: { start: '21:00' } },
      { channel: 'PUSH', frequencyCap: null, quietHours: null },
    ]);
    for (const [input, field, reason] of [
      [{ channel: 'EMAIL', per24h: 0 }, 'per24h', 'CAP_OUT_OF_RANGE'],
      [{ channel: 'EMAIL', per7d: 1001 }, 'per7d', 'CAP_OUT_OF_RANGE'],
    ] as const) {
      const refused = await j.admin.error(SET_CAP, { input });
      expect([refused.code, refused.error.extensions.field, refused.error.extensions.reason]).toEqual(['BAD_USER_INPUT', field, reason]);
    }
    for (const [input, field, reason] of [
      [{ channel: 'EMAIL', start: '25:00', end: '08:00' }, 'start', 'INVALID_TIME'],
      [{ channel: 'EMAIL', start: '21:00', end: '8' }, 'end', 'INVALID_TIME'],
      [{ channel: 'EMAIL', start: '21:00', end: '21:00' }, 'end', 'EMPTY_WINDOW'],
      [{ channel: 'EMAIL', start: '21:00' }, 'end', 'INCOMPLETE_WINDOW'],
    ] as const) {
      const refused = await j.admin.error(SET_QUIET, { input });
      expect([refused.code, refused.error.extensions.field, refused.error.extensions.reason]).toEqual(['BAD_USER_INPUT', field, reason]);
    }
    const tz = await j.admin.error(`mutation { setWorkspaceTimeZone(input: { timeZone: "Mars/Olympus" }) { timeZone } }`);
    expect(tz.error.extensions.reason).toBe('INVALID_TIME_ZONE');
    expect((await j.admin.data(`mutation { setWorkspaceTimeZone(input: { timeZone: "Europe/Berlin" }) { timeZone } }`)).setWorkspaceTimeZone.timeZone).toBe('Europe/Berlin');
    // Caps removed: every window null.
    expect((await j.admin.data(SET_CAP, { input: { channel: 'EMAIL' } })).setFrequencyCap.frequencyCap).toBeNull();
    expect((await j.admin.data(SET_QUIET, { input: { channel: 'TEXT', start: null, end: null } })).setQuietHours.quietHours).toBeNull();
  });

  it('marketers cannot change them', async () => {
    const j = await live();
    const marketer = await GqlClient.signedIn(t, await addMember(t, j.ws, Role.MARKETER));
    expect((await marketer.error(SET_CAP, { input: { channel: 'EMAIL', per24h: 1 } })).code).toBe('FORBIDDEN');
    expect((await marketer.error(SET_QUIET, { input: { channel: 'EMAIL', start: '21:00', end: '08:00' } })).code).toBe('FORBIDDEN');
  });
});

describe('frequency caps', () => {
  it('a cap of 2 per 24 h blocks the third message to one address (FREQUENCY_CAP, counted), the run goes on; others pass; a day later it sends again', async () => {
    const j = await live();
    await j.admin.data(SET_CAP, { input: { channel: 'EMAIL', per24h: 2 } });
    // Three customers share one address: the cap is per contact point.
    for (const who of ['a1', 'a2', 'a3']) {
      await j.cart(who, 'same@example.com');
      await idle();
      clock.advance(60_000);
    }
    await j.cart('b1', 'other@example.com');
    await idle();
    const emails = await j.emails();
    expect(emails.map((m) => [m.auth_id, m.status, m.reason])).toEqual([
      ['a1', 'DELIVERED', null],
      ['a2', 'DELIVERED', null],
      ['a3', 'BLOCKED', 'FREQUENCY_CAP'],
      ['b1', 'DELIVERED', null],
    ]);
    expect(emails[2].reason_detail).toMatch(/^24H/);
    // The capped customer's run continued to the text and completed.
    const a3 = (await runsOf(t, j.id)).find((r) => r.auth_id === 'a3')!;
    expect(a3.status).toBe('COMPLETED');
    expect((await messagesOf(t, a3.id)).map((m) => [m.channel, m.status])).toEqual([
      ['EMAIL', 'BLOCKED'],
      ['TEXT', 'DELIVERED'],
    ]);
    expect(await j.analytics()).toMatchObject({ blocked: 1, blockedByReason: [{ reason: 'FREQUENCY_CAP', count: 1 }] });

    // 24 hours after the first two went, the address may have two more.
    clock.advance(24 * HOUR);
    await j.cart('a4', 'same@example.com');
    await idle();
    expect((await j.emails()).at(-1)).toMatchObject({ auth_id: 'a4', status: 'DELIVERED' });
  });

  it('a 7-day window counts across days', async () => {
    const j = await live();
    await j.admin.data(SET_CAP, { input: { channel: 'EMAIL', per7d: 1 } });
    await j.cart('w1', 'week@example.com');
    await idle();
    clock.advance(3 * 24 * HOUR);
    await j.cart('w2', 'week@example.com');
    await idle();
    expect((await j.emails()).map((m) => [m.status, m.reason, m.reason_detail?.slice(0, 2) ?? null])).toEqual([
      ['DELIVERED', null, null],
      ['BLOCKED', 'FREQUENCY_CAP', '7D'],
    ]);
  });

  it('a journey that ignores the cap sends anyway', async () => {
    const j = await live({ ignoreFrequencyCap: true });
    await j.admin.data(SET_CAP, { input: { channel: 'EMAIL', per24h: 1 } });
    for (const who of ['i1', 'i2', 'i3']) {
      await j.cart(who, 'vip@example.com');
      await idle();
    }
    expect((await j.emails()).map((m) => m.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
  });

  it('senders working at once (one message each per claim) never exceed the cap', async () => {
    const j = await live();
    await j.admin.data(SET_CAP, { input: { channel: 'EMAIL', per24h: 2 } });
    for (let i = 0; i < 8; i += 1) await j.cart(`c${i}`, 'race@example.com');
    // Runs move and queue their emails; nothing is sent yet.
    while ((await t.server.services.runtime.executor.tick()) > 0);
    expect((await j.emails()).map((m) => m.status)).toEqual(Array(8).fill('QUEUED'));
    const s = t.server.services;
    const senders = Array.from(
      { length: 4 },
      () =>
        new MessageSender({
          pool: poolOf(t.dataSource),
          clock,
          logger: s.logger,
          batchSize: 1,
          delivery: s.channelDelivery,
          raise: (tx, events) => s.pipeline.writeRaised(tx, events),
        }),
    );
    await Promise.all(
      senders.map(async (sender) => {
        while ((await sender.tick()) > 0);
      }),
    );
    await idle();
    const emails = await j.emails();
    expect(emails.filter((m) => m.status === 'DELIVERED')).toHaveLength(2);
    expect(emails.filter((m) => m.status === 'BLOCKED' && m.reason === 'FREQUENCY_CAP')).toHaveLength(6);
    expect(await j.analytics()).toMatchObject({ blockedByReason: [{ reason: 'FREQUENCY_CAP', count: 6 }] });
  });

  it('a second claim of the same address waits for the first to commit its lease, then counts it', async () => {
    const j = await live();
    await j.admin.data(SET_CAP, { input: { channel: 'EMAIL', per24h: 1 } });
    await j.cart('r1', 'lock@example.com');
    await j.cart('r2', 'lock@example.com');
    while ((await t.server.services.runtime.executor.tick()) > 0);
    const [m1, m2] = (await j.emails()).map((m) => ({ workspace_id: j.ws.id, id: m.id, customer_id: '', channel: ContentChannel.EMAIL, recipient: m.recipient }));
    const pool = poolOf(t.dataSource);
    const [a, b] = [await pool.connect(), await pool.connect()];
    try {
      // Sender A decides m1 may go and leases it, but has not committed yet.
      await a.query('BEGIN');
      expect((await applySendPolicies({ client: a, now: clock.now(), afterCommit: () => {} }, [m1])).send.has(m1.id)).toBe(true);
      await a.query(`UPDATE journey_messages SET attempts = attempts + 1 WHERE id = $1`, [m1.id]);
      // Sender B, deciding m2 for the same address, waits on A's lock instead of counting without A's lease.
      await b.query('BEGIN');
      let decided = false;
      const second = applySendPolicies({ client: b, now: clock.now(), afterCommit: () => {} }, [m2]).then((o) => ((decided = true), o));
      await new Promise((r) => setTimeout(r, 300));
      expect(decided).toBe(false);
      await a.query('COMMIT');
      expect((await second).blocked).toEqual([m2.id]);
      await b.query('COMMIT');
    } finally {
      a.release();
      b.release();
    }
    expect((await j.emails()).map((m) => [m.status, m.reason])).toEqual([
      ['QUEUED', null],
      ['BLOCKED', 'FREQUENCY_CAP'],
    ]);
  });
});

describe('quiet hours', () => {
  /** Moves the clock to the next 03:00 UTC: night in New York (22:00/23:00) and Berlin (04:00/05:00), noon in Tokyo. */
  const toNight = () => {
    const d = new Date(clock.now().getTime() + 24 * HOUR);
    d.setUTCHours(3, 0, 0, 0);
    clock.set(d);
  };

  it('holds a message until the window ends in the customer’s time zone (the workspace’s when unknown), then sends it', async () => {
    const j = await live();
    await j.admin.data(`mutation { setWorkspaceTimeZone(input: { timeZone: "Europe/Berlin" }) { timeZone } }`);
    await j.admin.data(SET_QUIET, { input: { channel: 'EMAIL', start: '21:00', end: '08:00' } });
    toNight();
    const night = clock.now();
    await j.cart('ny', 'ny@example.com', 'America/New_York');
    await j.cart('nozone', 'nozone@example.com');
    await j.cart('tokyo', 'tokyo@example.com', 'Asia/Tokyo');
    await idle();
    const held = await j.emails();
    const ny = held.find((m) => m.auth_id === 'ny')!;
    const nozone = held.find((m) => m.auth_id === 'nozone')!;
    expect(held.find((m) => m.auth_id === 'tokyo')!.status).toBe('DELIVERED');
    for (const [m, zone] of [
      [ny, 'America/New_York'],
      [nozone, 'Europe/Berlin'],
    ] as const) {
      expect(m).toMatchObject({ status: 'QUEUED', reason: 'QUIET_HOURS', reason_detail: `until 08:00 ${zone}` });
      expect(wallTime(m.due_at!, zone)).toBe('08:00');
      expect(m.due_at!.getTime() - night.getTime()).toBeGreaterThan(0);
      expect(m.due_at!.getTime() - night.getTime()).toBeLessThanOrEqual(11 * HOUR);
    }

    // Held messages are counted on the journey's analytics while they wait.
    const held2 = await j.admin.data(`query($id: ID!, $range: AnalyticsRangeInput!) { journeyAnalytics(journeyId: $id, range: $range) { messages { stepId held } } }`, {
      id: j.id,
      range: { from: new Date(night.getTime() - HOUR).toISOString(), to: new Date(night.getTime() + HOUR).toISOString(), granularity: 'HOUR' },
    });
    expect(held2.journeyAnalytics.messages.find((m: { stepId: string }) => m.stepId === 'email')).toMatchObject({ held: 2 });

    // A minute before Berlin's morning nothing moves; at it, the Berlin-time message goes, New York's still waits.
    clock.set(nozone.due_at!.getTime() - 60_000);
    await idle();
    expect((await j.emails()).find((m) => m.auth_id === 'nozone')!.status).toBe('QUEUED');
    clock.set(nozone.due_at!);
    await idle();
    let now = await j.emails();
    expect(now.find((m) => m.auth_id === 'nozone')).toMatchObject({ status: 'DELIVERED', reason: null, reason_detail: null });
    expect(now.find((m) => m.auth_id === 'ny')!.status).toBe('QUEUED');
    clock.set(ny.due_at!);
    await idle();
    now = await j.emails();
    expect(now.find((m) => m.auth_id === 'ny')).toMatchObject({ status: 'DELIVERED', reason: null });
    expect((await runsOf(t, j.id)).find((r) => r.auth_id === 'ny')!.status).toBe('COMPLETED');
  });

  it('a message released from hold is capped when the cap filled meanwhile', async () => {
    const j = await live();
    await j.admin.data(SET_CAP, { input: { channel: 'EMAIL', per24h: 1 } });
    await j.admin.data(SET_QUIET, { input: { channel: 'EMAIL', start: '21:00', end: '08:00' } });
    toNight();
    // Night in New York: held. Noon in Tokyo, same address: sent now, filling the cap.
    await j.cart('held', 'shared@example.com', 'America/New_York');
    await idle();
    clock.advance(60_000);
    await j.cart('day', 'shared@example.com', 'Asia/Tokyo');
    await idle();
    let emails = await j.emails();
    expect(emails.map((m) => [m.auth_id, m.status, m.reason])).toEqual([
      ['held', 'QUEUED', 'QUIET_HOURS'],
      ['day', 'DELIVERED', null],
    ]);
    clock.set(emails[0].due_at!);
    await idle();
    emails = await j.emails();
    expect(emails[0]).toMatchObject({ status: 'BLOCKED', reason: 'FREQUENCY_CAP' });
    expect((await runsOf(t, j.id)).find((r) => r.auth_id === 'held')!.status).toBe('COMPLETED');
    expect(await j.analytics()).toMatchObject({ blockedByReason: [{ reason: 'FREQUENCY_CAP', count: 1 }] });
  });
});
