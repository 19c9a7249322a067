import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { abandonedCartSetup, markReady } from '../../test/journeys.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const SIMULATE = `mutation($input: SimulateJourneyInput!) {
  simulateJourney(input: $input) {
    startedAt endStatus endStepId endedAt goalReachedAt sampleEvent
    path { stepId kind at detail }
    messages { stepId channel subject htmlBody textBody body title at }
    problems { code stepId }
  }
}`;
const DAY = 86_400_000;

async function cartWorkspace(ready = true) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const setup = await abandonedCartSetup(t, admin);
  if (ready) for (const c of [setup.email, setup.text, setup.push]) await markReady(admin, c.id);
  return { ws, admin, setup };
}

/** Nothing a test run does may leave a trace. */
async function writtenFor(workspaceId: string) {
  const [row] = await t.dataSource.query(
    `SELECT (SELECT count(*)::int FROM journey_runs WHERE workspace_id = $1) AS runs, (SELECT count(*)::int FROM journey_messages WHERE workspace_id = $1) AS messages,
            (SELECT count(*)::int FROM journey_run_log WHERE workspace_id = $1) AS log`,
    [workspaceId],
  );
  return row;
}

describe('simulateJourney', () => {
  it('plays an unsaved definition on a virtual clock: no open → text a day later, push a day after, and writes nothing', async () => {
    const { ws, admin, setup } = await cartWorkspace();
    const { simulateJourney: sim } = await admin.data(SIMULATE, { input: { definition: setup.definition, sampleEvent: { cartValue: 42.5, cartUrl: 'https://shop.example/c1' } } });
    const start = Date.parse(sim.startedAt);
    expect(sim.problems).toEqual([]);
    expect(sim).toMatchObject({ endStatus: 'COMPLETED', endStepId: null });
    expect(Date.parse(sim.endedAt) - start).toBe(2 * DAY);
    expect(sim.messages.map((m: { stepId: string; at: string }) => [m.stepId, Date.parse(m.at) - start])).toEqual([
      ['email', 0],
      ['text', DAY],
      ['push', 2 * DAY],
    ]);
    expect(sim.messages[0]).toMatchObject({ channel: 'EMAIL', subject: 'You left 42.5 in your cart', textBody: 'Finish your order: https://shop.example/c1' });
    // The sample contact fills contact.* as content preview does.
    expect(sim.messages[0].htmlBody).toContain('Hi Ada,');
    expect(sim.messages[1]).toMatchObject({ channel: 'TEXT', body: 'Your cart is waiting: https://shop.example/c1' });
    expect(sim.messages[2]).toMatchObject({ channel: 'PUSH', title: 'Still thinking?' });
    expect(sim.path.find((p: { kind: string }) => p.kind === 'BRANCHED')).toMatchObject({ stepId: 'opened', detail: { path: 'no' } });
    expect(await writtenFor(ws.id)).toEqual({ runs: 0, messages: 0, log: 0 });
  });

  it('plays a saved journey with a script: an open after an hour takes the yes path; the purchase is the goal; the sample event is the default', async () => {
    const { ws, admin, setup } = await cartWorkspace();
    const { createJourney } = await admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, {
      input: { name: 'Abandoned cart', definition: setup.definition },
    });
    const { simulateJourney: sim } = await admin.data(SIMULATE, {
      input: {
        journeyId: createJourney.journey.id,
        bindingId: 'cart/8812',
        script: [
          { afterSeconds: 3_600, kind: 'INTERACTION', stepId: 'email', interaction: 'email_opened' },
          { afterSeconds: 7_200, kind: 'TRIGGER', triggerId: setup.purchase.id, bindingId: 'cart/8812' },
        ],
      },
    });
    const start = Date.parse(sim.startedAt);
    expect(sim.sampleEvent).toEqual({ cartValue: 49.95, cartUrl: 'https://shop.example.com/cart/123' });
    expect(sim).toMatchObject({ endStatus: 'COMPLETED', problems: [] });
    expect(Date.parse(sim.endedAt) - start).toBe(3_600_000);
    // Completed on the yes path at +1h; the purchase an hour later still counts as the goal.
    expect(Date.parse(sim.goalReachedAt) - start).toBe(7_200_000);
    expect(sim.messages.map((m: { stepId: string }) => m.stepId)).toEqual(['email']);
    expect(sim.path.map((p: { kind: string }) => p.kind)).toContain('GOAL_REACHED');
    expect(await writtenFor(ws.id)).toEqual({ runs: 0, messages: 0, log: 0 });
  });

  it('returns the problems of a definition that cannot run, with an empty path', async () => {
    const { admin, setup } = await cartWorkspace(false);
    const { simulateJourney: sim } = await admin.data(SIMULATE, { input: { definition: setup.definition } });
    expect(sim).toMatchObject({ path: [], messages: [], endStatus: null });
    expect(sim.problems.map((p: { code: string; stepId: string }) => `${p.code}:${p.stepId}`)).toEqual(
      expect.arrayContaining(['CONTENT_NOT_READY:email', 'CONTENT_NOT_READY:text', 'CONTENT_NOT_READY:push']),
    );
  });

  it('refuses both or neither source, a bad script, and another workspace’s journey', async () => {
    const { admin, setup } = await cartWorkspace();
    expect(await admin.error(SIMULATE, { input: {} })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SIMULATION_SOURCE' });
    expect(
      await admin.error(SIMULATE, { input: { definition: setup.definition, script: [{ afterSeconds: 60, kind: 'INTERACTION', stepId: 'email', interaction: 'push_opened' }] } }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCRIPT' });
    const other = await cartWorkspace();
    const { createJourney } = await other.admin.data(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`, {
      input: { name: 'Theirs', definition: other.setup.definition },
    });
    expect(await admin.error(SIMULATE, { input: { journeyId: createJourney.journey.id } })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
