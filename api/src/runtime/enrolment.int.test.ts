import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { abandonedCartSetup, markReady } from '../../test/journeys.js';
import { logOf, messagesOf, refusalsOf, runsOf } from '../../test/runtime.js';
import { UPDATE_TRIGGER } from '../../test/triggers.js';

const HOUR = 3_600_000;
const clock = new FakeClock();
let t: TestServer;
let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;

beforeAll(async () => {
  // A database of its own: the clock moves hours ahead and every due run in it is moved.
  scratch = await createMigratedScratchDatabase();
  t = await startTestServer({ clock, databaseUrl: scratch.url, env: { FLARE_ROLE: 'api' } });
});
afterAll(async () => {
  await t.close();
  await scratch.drop();
});

const idle = () => t.server.services.runtime.runUntilIdle();

/** A live journey on seed 003's Cart abandoned trigger: by default one email, then a wait of an hour. */
async function live(over: (s: Awaited<ReturnType<typeof abandonedCartSetup>>) => Record<string, unknown> = () => ({})) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const setup = await abandonedCartSetup(t, admin);
  for (const c of [setup.email, setup.text, setup.push]) await markReady(admin, c.id);
  const definition = {
    ...setup.definition,
    startAt: new Date(clock.now().getTime() - 60_000).toISOString(),
    exitTriggerIds: [],
    firstStepId: 'email',
    steps: [
      { id: 'email', type: 'SEND_EMAIL', contentId: setup.email.id, sendTo: 'CONTACTPOINT_EMAIL', next: 'pause' },
      { id: 'pause', type: 'WAIT', waitSeconds: 3_600 },
    ],
    ...over(setup),
  };
  const { createJourney } = await admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, { input: { name: 'J', definition } });
  const id = createJourney.journey.id as string;
  await admin.data(`mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`, { id });
  const key = await createIngestionKey(admin);
  const send = async (...events: Record<string, unknown>[]) => {
    const res = await postEvents(t, key.secret, { events });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body as { accepted: number; rejected: number };
  };
  const cart = (authId: string, extra: Record<string, unknown> = {}) =>
    send({ trigger: setup.cart.key, authId, contactpoint_email: `${authId}@example.com`, attributes: { cartValue: 10 }, ...extra });
  const purchase = (authId: string, extra: Record<string, unknown> = {}) => send({ trigger: setup.purchase.key, authId, attributes: { total: 10 }, ...extra });
  return { admin, setup, id, send, cart, purchase };
}

describe('repeat policies (customer 4 enters twice under each)', () => {
  it('NOT_ALLOWED: once per customer, ever', async () => {
    const j = await live(() => ({ repeatPolicy: 'NOT_ALLOWED' }));
    await j.cart('c4');
    await idle();
    clock.advance(HOUR + 1_000);
    await idle();
    expect((await runsOf(t, j.id)).map((r) => r.status)).toEqual(['COMPLETED']);
    await j.cart('c4');
    await j.cart('c4', { bindingId: 'cart/other' });
    expect((await runsOf(t, j.id)).length).toBe(1);
    expect(await refusalsOf(t, j.id)).toEqual(['REPEAT_NOT_ALLOWED', 'REPEAT_NOT_ALLOWED']);
  });

  it('IMMEDIATELY: again as soon as the previous run ended, not while it is open', async () => {
    const j = await live(() => ({ repeatPolicy: 'IMMEDIATELY' }));
    await j.cart('c4');
    await j.cart('c4');
    expect(await refusalsOf(t, j.id)).toEqual(['ALREADY_ACTIVE']);
    await idle();
    clock.advance(HOUR + 1_000);
    await idle();
    await j.cart('c4');
    expect((await runsOf(t, j.id)).map((r) => r.status)).toEqual(['COMPLETED', 'ACTIVE']);
  });

  it('AFTER d: again once d has passed since the previous entry', async () => {
    const j = await live(() => ({ repeatPolicy: 'AFTER', repeatAfterSeconds: 2 * 3_600 }));
    await j.cart('c4');
    await idle();
    clock.advance(HOUR + 1_000);
    await idle();
    await j.cart('c4');
    expect(await refusalsOf(t, j.id)).toEqual(['REPEAT_TOO_SOON']);
    clock.advance(HOUR);
    await j.cart('c4');
    expect((await runsOf(t, j.id)).map((r) => r.status)).toEqual(['COMPLETED', 'ACTIVE']);
  });

  it('two events of one customer in one batch: the first decides', async () => {
    const j = await live(() => ({ repeatPolicy: 'NOT_ALLOWED' }));
    const body = await j.send(
      { trigger: j.setup.cart.key, authId: 'c10', contactpoint_email: 'c10@example.com', attributes: { cartValue: 1 } },
      { trigger: j.setup.cart.key, authId: 'c10', contactpoint_email: 'c10@example.com', attributes: { cartValue: 2 }, bindingId: 'cart/2' },
    );
    expect(body.accepted).toBe(2);
    expect((await runsOf(t, j.id)).length).toBe(1);
    expect(await refusalsOf(t, j.id)).toEqual(['REPEAT_NOT_ALLOWED']);
  });
});

describe('one batch, several events of one customer', () => {
  it('a start and then an exit of the same cart in one request: the run is created ended, with its goal; another cart’s run goes on', async () => {
    const j = await live((s) => ({ exitTriggerIds: [s.purchase.id], goalTriggerId: s.purchase.id, goalPercent: 50 }));
    const cart = (bindingId: string) => ({ trigger: j.setup.cart.key, authId: 'c11', contactpoint_email: 'c11@example.com', bindingId, attributes: { cartValue: 5 } });
    await j.send(cart('cart/A'), cart('cart/B'), { trigger: j.setup.purchase.key, authId: 'c11', bindingId: 'cart/A', attributes: { total: 5 } });
    const runs = await runsOf(t, j.id);
    expect(runs.map((r) => [r.binding, r.status, r.end_reason, r.goal_reached_at !== null])).toEqual([
      ['cart/A', 'EXITED', 'EXIT_TRIGGER', true],
      ['cart/B', 'ACTIVE', null, false],
    ]);
    await idle();
    expect(await messagesOf(t, runs[0].id)).toEqual([]);
  });
});

describe('who may enter', () => {
  it('the end date stops new entries only: people inside go on', async () => {
    const j = await live(() => ({ endAt: new Date(clock.now().getTime() + HOUR / 2).toISOString() }));
    await j.cart('in');
    await idle();
    clock.advance(HOUR / 2 + 1_000);
    await j.cart('late');
    expect(await refusalsOf(t, j.id)).toEqual(['ENDED']);
    clock.advance(HOUR);
    await idle();
    expect((await runsOf(t, j.id)).map((r) => [r.auth_id, r.status])).toEqual([['in', 'COMPLETED']]);
  });

  it('before the start date nobody enters', async () => {
    const j = await live(() => ({ startAt: new Date(clock.now().getTime() + HOUR).toISOString() }));
    await j.cart('early');
    expect(await refusalsOf(t, j.id)).toEqual(['NOT_STARTED']);
  });

  it('no address for any message the journey sends: NO_CONTACT_POINT', async () => {
    const j = await live();
    await j.send({ trigger: j.setup.cart.key, authId: 'nomail', attributes: { cartValue: 10 } });
    expect(await refusalsOf(t, j.id)).toEqual(['NO_CONTACT_POINT']);
    expect(await runsOf(t, j.id)).toEqual([]);
  });

  it('an event of another version enrols only if it also fits the pinned version', async () => {
    const j = await live();
    clock.advance(HOUR + 1_000);
    // Version 2 makes cartValue optional; the journey stays pinned to version 1, which requires it.
    await j.admin.data(UPDATE_TRIGGER, {
      input: {
        id: j.setup.cart.id,
        baseVersion: 1,
        attributes: [
          { name: 'cartValue', type: 'DECIMAL', required: false },
          { name: 'cartUrl', type: 'TEXT' },
        ],
      },
    });
    await j.send({ trigger: j.setup.cart.key, version: 2, authId: 'fits', contactpoint_email: 'fits@example.com', attributes: { cartValue: 3 } });
    await j.send({ trigger: j.setup.cart.key, version: 2, authId: 'misfit', contactpoint_email: 'misfit@example.com', attributes: {} });
    expect((await runsOf(t, j.id)).map((r) => r.auth_id)).toEqual(['fits']);
    expect(await refusalsOf(t, j.id)).toEqual(['VERSION_MISMATCH']);
  });
});

describe('waiting for a trigger, with binding', () => {
  it('a purchase of another cart does not end the wait; the same cart takes the yes path; none within the limit takes no', async () => {
    const j = await live((s) => ({
      steps: [
        { id: 'bought', type: 'IF_THEN', waitTriggerId: s.purchase.id, withinSeconds: 3_600, yes: 'thanks', no: 'email' },
        { id: 'thanks', type: 'SEND_PUSH', contentId: s.push.id },
        { id: 'email', type: 'SEND_EMAIL', contentId: s.email.id, sendTo: 'CONTACTPOINT_EMAIL' },
      ],
      firstStepId: 'bought',
    }));
    await j.cart('w1', { bindingId: 'cart/A' });
    await j.cart('w2', { bindingId: 'cart/A' });
    await idle();
    await j.purchase('w1', { bindingId: 'cart/B' });
    await idle();
    expect((await runsOf(t, j.id)).map((r) => [r.auth_id, r.status, r.step_id])).toEqual([
      ['w1', 'WAITING', 'bought'],
      ['w2', 'WAITING', 'bought'],
    ]);
    await j.purchase('w1', { bindingId: 'cart/A' });
    await idle();
    clock.advance(HOUR + 1_000);
    await idle();
    const [w1, w2] = await runsOf(t, j.id);
    expect(await logOf(t, w1.id)).toContain('BRANCHED@bought:yes');
    expect(await logOf(t, w2.id)).toContain('BRANCHED@bought:no');
    expect((await messagesOf(t, w2.id)).map((m) => [m.step_id, m.status])).toEqual([['email', 'DELIVERED']]);
  });
});

describe('send-time checks and failures', () => {
  it('a customer who opted out of email is BLOCKED with the reason, and goes on', async () => {
    const j = await live();
    await j.admin.data(`mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { created } }`, {
      input: { kind: 'PROFILE', authId: 'optout', email: 'optout@example.com', consents: [{ channel: 'EMAIL', purpose: 'COMMERCIAL', status: 'OPTED_OUT' }] },
    });
    await j.cart('optout');
    await idle();
    const [run] = await runsOf(t, j.id);
    expect(await messagesOf(t, run.id)).toEqual([expect.objectContaining({ status: 'BLOCKED', reason: 'CONSENT_OPTED_OUT' })]);
    expect(run).toMatchObject({ status: 'WAITING', step_id: 'pause' });
  });

  it('an exit while a message is queued cancels it', async () => {
    const j = await live((s) => ({ exitTriggerIds: [s.purchase.id] }));
    await j.cart('quick');
    await t.server.services.runtime.executor.tick();
    await j.purchase('quick');
    await idle();
    const [run] = await runsOf(t, j.id);
    expect(run.status).toBe('EXITED');
    expect(await messagesOf(t, run.id)).toEqual([expect.objectContaining({ status: 'CANCELLED', reason: 'RUN_EXITED' })]);
  });

  it('a run that hits an unexpected error fails with it, and the others go on', async () => {
    const j = await live();
    await j.cart('ok');
    await idle();
    // Tamper with the message so rendering throws (an unknown filter): nothing a user could save.
    await t.dataSource.query(`UPDATE content_items SET subject = '{{ trigger.cartValue | no_such_filter }}' WHERE id = $1`, [j.setup.email.id]);
    await j.cart('broken');
    await idle();
    const runs = await runsOf(t, j.id);
    expect(runs.map((r) => [r.auth_id, r.status])).toEqual([
      ['ok', 'WAITING'],
      ['broken', 'FAILED'],
    ]);
    expect(runs[1].error).toMatch(/Rendering “Initial email reminder” failed/);
    const { journey } = await j.admin.data(`query($id: ID!) { journey(id: $id) { runCounts { entered waiting failed } } }`, { id: j.id });
    expect(journey.runCounts).toEqual({ entered: 2, waiting: 1, failed: 1 });
  });

  it('a run whose claims keep failing is given up as FAILED after 5 attempts, never retried forever', async () => {
    const j = await live();
    await j.cart('stuck');
    // As if five processes had claimed it and died before committing.
    await t.dataSource.query(`UPDATE journey_runs SET attempts = 5 WHERE journey_id = $1`, [j.id]);
    await idle();
    const [run] = await runsOf(t, j.id);
    expect(run).toMatchObject({ status: 'FAILED' });
    expect(run.error).toMatch(/Gave up after 5 attempts/);
  });
});

describe('right to be forgotten', () => {
  it('erasing a customer ends their open runs and strips the start event and rendered messages, keeping the counts', async () => {
    const j = await live();
    await j.cart('forget-me', { bindingId: 'cart/77' });
    await idle();
    const [run] = await runsOf(t, j.id);
    await j.admin.data(`mutation($input: EraseCustomerInput!) { eraseCustomer(input: $input) { id } }`, { input: { id: run.customer_id, confirmAuthId: 'forget-me' } });
    const [after] = await t.dataSource.query(`SELECT status, end_reason, attributes, contactpoint_email, binding FROM journey_runs WHERE id = $1`, [run.id]);
    expect(after).toEqual({ status: 'EXITED', end_reason: 'CUSTOMER_ERASED', attributes: {}, contactpoint_email: null, binding: null });
    expect(await messagesOf(t, run.id)).toEqual([expect.objectContaining({ status: 'DELIVERED', recipient: null, subject: null, html_body: null })]);
    clock.advance(2 * HOUR);
    await idle();
    expect((await runsOf(t, j.id)).map((r) => r.status)).toEqual(['EXITED']);
  });
});
