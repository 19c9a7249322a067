import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { createMigratedScratchDatabase, createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { abandonedCartSetup, markReady } from '../../test/journeys.js';
import { logOf, messagesOf, refusalsOf, runsOf } from '../../test/runtime.js';

const DAY = 86_400_000;
const clock = new FakeClock();
let t: TestServer;
let scratch: Awaited<ReturnType<typeof createMigratedScratchDatabase>>;

beforeAll(async () => {
  // A database of its own: the test moves the clock days ahead and runs every due run in it.
  scratch = await createMigratedScratchDatabase();
  // No background loops: the test drives the runtime (runUntilIdle) after each move of the clock.
  t = await startTestServer({ clock, databaseUrl: scratch.url, env: { FLARE_ROLE: 'api' } });
});
afterAll(async () => {
  await t.close();
  await scratch.drop();
});

const RECORD = `mutation($input: RecordMessageInteractionInput!) { recordMessageInteraction(input: $input) { messageId interactions } }`;
const idle = () => t.server.services.runtime.runUntilIdle();

async function liveCartJourney(over: Record<string, unknown> = {}) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const setup = await abandonedCartSetup(t, admin);
  for (const c of [setup.email, setup.text, setup.push]) await markReady(admin, c.id);
  const { createJourney } = await admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, {
    input: { name: 'Abandoned cart', definition: { ...setup.definition, ...over } },
  });
  const id = createJourney.journey.id as string;
  await admin.data(`mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`, { id });
  const key = await createIngestionKey(admin);
  const send = async (...events: Record<string, unknown>[]) => {
    const res = await postEvents(t, key.secret, { events });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.rejected, JSON.stringify(res.body)).toBe(0);
    return res.body;
  };
  const cart = (authId: string, extra: Record<string, unknown> = {}) =>
    send({ trigger: setup.cart.key, authId, contactpoint_email: `${authId}@example.com`, attributes: { cartValue: 42.5, cartUrl: `https://shop.example/${authId}` }, ...extra });
  const purchase = (authId: string, extra: Record<string, unknown> = {}) => send({ trigger: setup.purchase.key, authId, attributes: { total: 42.5 }, ...extra });
  return { ws, admin, setup, id, send, cart, purchase };
}

describe('journey runtime: seed 003’s abandoned-cart journey over simulated days', () => {
  it('customer 1 never opens: email, then a text after a day, then a push after another day, then completed', async () => {
    const j = await liveCartJourney();
    await j.cart('c1', { contactpoint_phone: '+4915112345678' });
    const [run] = await runsOf(t, j.id);
    // Enrolled in the transaction that stored the event: the run exists as soon as the 202 is answered.
    expect(run).toMatchObject({ auth_id: 'c1', status: 'ACTIVE', step_id: 'email' });

    await idle();
    let messages = await messagesOf(t, run.id);
    expect(messages).toEqual([
      expect.objectContaining({
        step_id: 'email',
        channel: 'EMAIL',
        status: 'DELIVERED',
        recipient: 'c1@example.com',
        subject: 'You left 42.5 in your cart',
        interactions: ['email_delivered'],
      }),
    ]);
    expect(messages[0].html_body).toContain('href="https://shop.example/c1"');
    expect((await runsOf(t, j.id))[0]).toMatchObject({ status: 'WAITING', step_id: 'opened' });

    clock.advance(DAY - 1_000);
    await idle();
    expect((await runsOf(t, j.id))[0]).toMatchObject({ status: 'WAITING', step_id: 'opened' });
    clock.advance(2_000);
    await idle();
    expect((await runsOf(t, j.id))[0]).toMatchObject({ status: 'WAITING', step_id: 'wait' });
    messages = await messagesOf(t, run.id);
    // Text messages need an opt-in by default: blocked with the reason, and the customer goes on.
    expect(messages[1]).toMatchObject({ step_id: 'text', channel: 'TEXT', status: 'BLOCKED', reason: 'CONSENT_MISSING', recipient: '+4915112345678' });

    clock.advance(DAY);
    await idle();
    const [done] = await runsOf(t, j.id);
    expect(done).toMatchObject({ status: 'COMPLETED', wake_at: null });
    expect((await messagesOf(t, run.id))[2]).toMatchObject({ step_id: 'push', status: 'BLOCKED', reason: 'NO_CONTACT_POINT' });
    expect(await logOf(t, run.id)).toEqual([
      'ENTERED',
      'STEP_STARTED@email',
      'MESSAGE_QUEUED@email',
      'STEP_DONE@email',
      'STEP_STARTED@opened',
      'WAITING@opened',
      'BRANCHED@opened:no',
      'STEP_DONE@opened:no',
      'STEP_STARTED@text',
      'MESSAGE_QUEUED@text',
      'STEP_DONE@text',
      'STEP_STARTED@wait',
      'WAITING@wait',
      'STEP_DONE@wait',
      'STEP_STARTED@push',
      'MESSAGE_QUEUED@push',
      'STEP_DONE@push',
      'COMPLETED',
    ]);
  });

  it('customer 2 opens the email: the yes path at once, and the goal counts up to 3 days after completing', async () => {
    const j = await liveCartJourney();
    await j.cart('c2');
    await idle();
    const [run] = await runsOf(t, j.id);
    const [email] = await messagesOf(t, run.id);
    clock.advance(3_600_000);
    const { recordMessageInteraction } = await j.admin.data(RECORD, { input: { messageId: email.id, interaction: 'email_opened' } });
    expect(recordMessageInteraction.interactions).toEqual(['email_delivered', 'email_opened']);
    // The open woke the run in the event's transaction; the executor takes the yes path (none: the run completes).
    expect((await runsOf(t, j.id))[0]).toMatchObject({ status: 'WAITING' });
    await idle();
    expect((await runsOf(t, j.id))[0]).toMatchObject({ status: 'COMPLETED', goal_reached_at: null });
    expect(await logOf(t, run.id)).toContain('BRANCHED@opened:yes');
    expect((await messagesOf(t, run.id)).map((m) => m.step_id)).toEqual(['email']);

    clock.advance(2 * DAY);
    await j.purchase('c2');
    expect((await runsOf(t, j.id))[0].goal_reached_at).not.toBeNull();
  });

  it('a purchase more than 3 days after completing is not the journey’s goal', async () => {
    const j = await liveCartJourney();
    await j.cart('c9');
    await idle();
    const [run] = await runsOf(t, j.id);
    const [email] = await messagesOf(t, run.id);
    await j.admin.data(RECORD, { input: { messageId: email.id, interaction: 'email_opened' } });
    await idle();
    expect((await runsOf(t, j.id))[0].status).toBe('COMPLETED');
    clock.advance(3 * DAY + 60_000);
    await j.purchase('c9');
    expect((await runsOf(t, j.id))[0].goal_reached_at).toBeNull();
  });
});

describe('journey runtime: correlation, exits, repeat', () => {
  it('customer 3 abandons carts A and B; buying cart A exits A’s run (cancelling its timer) while B’s goes on', async () => {
    const j = await liveCartJourney();
    await j.cart('c3', { bindingId: 'cart/A' });
    await j.cart('c3', { bindingId: 'cart/B' });
    await idle();
    const runs = await runsOf(t, j.id);
    expect(runs.map((r) => [r.binding, r.status, r.step_id])).toEqual([
      ['cart/A', 'WAITING', 'opened'],
      ['cart/B', 'WAITING', 'opened'],
    ]);
    await j.purchase('c3', { bindingId: 'cart/A' });
    const after = await runsOf(t, j.id);
    expect(after[0]).toMatchObject({ binding: 'cart/A', status: 'EXITED', end_reason: 'EXIT_TRIGGER', wake_at: null });
    expect(after[0].goal_reached_at).not.toBeNull();
    // The log names the exit trigger that happened (and the goal's).
    const details: { kind: string; detail: { triggerId?: string } }[] = await t.dataSource.query(
      `SELECT kind, detail FROM journey_run_log WHERE run_id = $1 AND kind IN ('EXITED', 'GOAL_REACHED')`,
      [after[0].id],
    );
    expect(details.map((d) => [d.kind, d.detail.triggerId]).sort()).toEqual([
      ['EXITED', j.setup.purchase.id],
      ['GOAL_REACHED', j.setup.purchase.id],
    ]);
    expect(after[1]).toMatchObject({ binding: 'cart/B', status: 'WAITING', goal_reached_at: null });
    clock.advance(DAY + 1_000);
    await idle();
    expect((await runsOf(t, j.id)).map((r) => [r.binding, r.status, r.step_id])).toEqual([
      ['cart/A', 'EXITED', 'opened'],
      ['cart/B', 'WAITING', 'wait'],
    ]);
    // A purchase without binding acts on every run of the customer.
    await j.purchase('c3');
    expect((await runsOf(t, j.id)).map((r) => r.status)).toEqual(['EXITED', 'EXITED']);
  });

  it('the same cart again while its run is open is refused as ALREADY_ACTIVE', async () => {
    const j = await liveCartJourney();
    await j.cart('c5', { bindingId: 'cart/A' });
    await j.cart('c5', { bindingId: 'cart/A' });
    expect((await runsOf(t, j.id)).length).toBe(1);
    expect(await refusalsOf(t, j.id)).toEqual(['ALREADY_ACTIVE']);
  });

  it('stopping the journey ends every open run and cancels its queued messages', async () => {
    const j = await liveCartJourney();
    await j.cart('c6');
    await j.cart('c7');
    await idle();
    await j.cart('c8');
    await t.server.services.runtime.executor.tick();
    const { stopJourney } = await j.admin.data(`mutation($id: ID!) { stopJourney(input: { id: $id }) { journey { status } } }`, { id: j.id });
    expect(stopJourney.journey.status).toBe('STOPPED');
    const runs = await runsOf(t, j.id);
    expect(runs.map((r) => [r.auth_id, r.status, r.end_reason])).toEqual([
      ['c6', 'STOPPED', 'JOURNEY_STOPPED'],
      ['c7', 'STOPPED', 'JOURNEY_STOPPED'],
      ['c8', 'STOPPED', 'JOURNEY_STOPPED'],
    ]);
    expect(await messagesOf(t, runs[2].id)).toEqual([expect.objectContaining({ status: 'CANCELLED', reason: 'JOURNEY_STOPPED' })]);
    await idle();
    clock.advance(2 * DAY);
    await idle();
    expect((await runsOf(t, j.id)).map((r) => r.status)).toEqual(['STOPPED', 'STOPPED', 'STOPPED']);
  });
});
