import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';
import { abandonedCartSetup, JOURNEY_FIELDS, markReady } from '../../test/journeys.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { createTrigger, HIDE_TRIGGER, UPDATE_TRIGGER } from '../../test/triggers.js';

const clock = new FakeClock();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ clock });
});
afterAll(() => t.close());

const CREATE = `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { ${JOURNEY_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateJourneyInput!) { updateJourney(input: $input) { journey { ${JOURNEY_FIELDS} } } }`;
const VALIDATE = `mutation($id: ID!) { validateJourney(input: { id: $id }) { valid problems { code stepId field message } } }`;
const PUBLISH = `mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { ${JOURNEY_FIELDS} } } }`;

async function setup() {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const cartSetup = await abandonedCartSetup(t, admin);
  const { createJourney } = await admin.data(CREATE, { input: { name: 'Abandoned cart', definition: cartSetup.definition } });
  return { ws, admin, ...cartSetup, journey: createJourney.journey };
}

describe('journeys', () => {
  it('builds seed 003’s abandoned-cart journey: refused while content is draft, published once ready, then immutable', async () => {
    const { admin, journey, email, text, push } = await setup();
    expect(journey).toMatchObject({ status: 'DRAFT', revision: 1 });
    expect(journey.definition.steps).toHaveLength(5);
    const { validateJourney } = await admin.data(VALIDATE, { id: journey.id });
    expect(validateJourney.valid).toBe(false);
    expect(validateJourney.problems.map((p: any) => `${p.code}@${p.stepId}`)).toEqual(['CONTENT_NOT_READY@email', 'CONTENT_NOT_READY@text', 'CONTENT_NOT_READY@push']);
    const refused = await admin.error(PUBLISH, { id: journey.id });
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'JOURNEY_INVALID' });
    expect(refused.error.extensions.problems).toHaveLength(3);
    expect((await admin.data(`query($id: ID!) { journey(id: $id) { status } }`, { id: journey.id })).journey.status).toBe('DRAFT');

    for (const c of [email, text, push]) await markReady(admin, c.id);
    expect((await admin.data(VALIDATE, { id: journey.id })).validateJourney).toEqual({ valid: true, problems: [] });
    const { publishJourney } = await admin.data(PUBLISH, { id: journey.id });
    expect(publishJourney.journey).toMatchObject({ status: 'LIVE' });
    expect(publishJourney.journey.publishedAt).not.toBeNull();

    expect(await admin.error(UPDATE, { input: { id: journey.id, baseRevision: publishJourney.journey.revision, name: 'Changed' } })).toMatchObject({
      code: 'CONFLICT',
      reason: 'JOURNEY_PUBLISHED',
    });
    expect(await admin.error(PUBLISH, { id: journey.id })).toMatchObject({ code: 'CONFLICT', reason: 'JOURNEY_PUBLISHED' });
  });

  it('refuses hiding a trigger and editing content used by a live journey, naming the journey', async () => {
    const { admin, journey, cart, email, text, push } = await setup();
    for (const c of [email, text, push]) await markReady(admin, c.id);
    await admin.data(PUBLISH, { id: journey.id });
    expect(await admin.error(HIDE_TRIGGER, { input: { id: cart.id, confirmTitle: 'Cart abandoned' } })).toMatchObject({ code: 'CONFLICT', reason: 'TRIGGER_IN_LIVE_JOURNEY' });
    const hideError = await admin.error(HIDE_TRIGGER, { input: { id: cart.id, confirmTitle: 'Cart abandoned' } });
    expect(hideError.error.extensions.journeys).toEqual(['Abandoned cart']);
    const { triggers } = await admin.data(`{ triggers(first: 50, filter: { kind: [CUSTOM] }) { nodes { title liveJourneys } } }`);
    expect(triggers.nodes).toEqual(
      expect.arrayContaining([
        { title: 'Cart abandoned', liveJourneys: ['Abandoned cart'] },
        { title: 'Purchase completed', liveJourneys: ['Abandoned cart'] },
      ]),
    );
    const { createApiKey } = await admin.data(`mutation { createApiKey(input: { label: "catalog sync", scopes: [TRIGGERS_READ] }) { secret } }`);
    const withoutJourneys = await GqlClient.withKey(t, createApiKey.secret).request(`query($id: ID!) { trigger(id: $id) { title liveJourneys } }`, { id: cart.id });
    expect(withoutJourneys.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const edit = await admin.error(`mutation($id: ID!) { updateContent(input: { id: $id, baseRevision: 2, subject: "New" }) { content { id } } }`, { id: email.id });
    expect(edit).toMatchObject({ code: 'CONFLICT', reason: 'CONTENT_IN_LIVE_JOURNEY' });
    const { contents } = await admin.data(`{ contents(first: 10) { nodes { name liveJourneys } } }`);
    expect(contents.nodes).toEqual(
      expect.arrayContaining([
        { name: 'Initial email reminder', liveJourneys: ['Abandoned cart'] },
        { name: 'Final push notification', liveJourneys: ['Abandoned cart'] },
      ]),
    );
    const { duplicateContent } = await admin.data(`mutation($id: ID!) { duplicateContent(input: { id: $id }) { content { id name state subject htmlBody channel } } }`, {
      id: email.id,
    });
    const { content: original } = await admin.data(`query($id: ID!) { content(id: $id) { subject htmlBody state } }`, { id: email.id });
    expect(duplicateContent.content).toMatchObject({
      name: 'Initial email reminder (copy)',
      state: 'DRAFT',
      channel: 'EMAIL',
      subject: original.subject,
      htmlBody: original.htmlBody,
    });
    expect(original.state).toBe('READY_TO_SEND');
    const copyEdit = await admin.data(`mutation($id: ID!) { updateContent(input: { id: $id, baseRevision: 1, subject: "New" }) { content { subject } } }`, {
      id: duplicateContent.content.id,
    });
    expect(copyEdit.updateContent.content.subject).toBe('New');

    await admin.data(`mutation($id: ID!) { stopJourney(input: { id: $id }) { journey { status } } }`, { id: journey.id });
    expect((await admin.data(`query($id: ID!) { content(id: $id) { liveJourneys } }`, { id: email.id })).content.liveJourneys).toEqual([]);
    expect((await admin.data(`query($id: ID!) { trigger(id: $id) { liveJourneys } }`, { id: cart.id })).trigger.liveJourneys).toEqual([]);
    expect((await admin.data(HIDE_TRIGGER, { input: { id: cart.id, confirmTitle: 'Cart abandoned' } })).hideTrigger.trigger.hiddenAt).not.toBeNull();
  });

  it('publishes an if/then that waits for a trigger, and refuses hiding that trigger while the journey is live', async () => {
    const { admin, journey, email, text, push, definition } = await setup();
    for (const c of [email, text, push]) await markReady(admin, c.id);
    const shipped = await createTrigger(admin, { title: 'Order shipped', identity: 'PROFILE', attributes: [{ name: 'carrier', type: 'TEXT' }] });
    const steps = definition.steps.map((s) => (s.id === 'opened' ? { id: 'opened', type: 'IF_THEN', waitTriggerId: shipped.id, withinSeconds: 86_400, no: 'text' } : s));
    // Neither goal nor exit names the trigger: only the step refers to it.
    const waiting = { ...definition, goalTriggerId: null, goalPercent: null, exitTriggerIds: [], steps };
    const STEPS = `query($id: ID!) { journey(id: $id) { definition { steps { id branchStepId interactionTriggerKey waitTriggerId withinSeconds } } } }`;
    await admin.data(UPDATE, { input: { id: journey.id, baseRevision: 1, definition: waiting } });
    expect((await admin.data(STEPS, { id: journey.id })).journey.definition.steps[1]).toEqual({
      id: 'opened',
      branchStepId: null,
      interactionTriggerKey: null,
      waitTriggerId: shipped.id,
      withinSeconds: 86_400,
    });
    const notReady = (await admin.data(VALIDATE, { id: journey.id })).validateJourney.problems;
    expect(notReady).toEqual([expect.objectContaining({ code: 'WAIT_TRIGGER_NOT_READY', stepId: 'opened', field: 'waitTriggerId' })]);
    const key = await createIngestionKey(admin);
    await postEvents(t, key.secret, { events: [{ trigger: shipped.key, authId: 'p-1', attributes: { carrier: 'DHL' } }] });
    expect((await admin.data(VALIDATE, { id: journey.id })).validateJourney).toEqual({ valid: true, problems: [] });
    expect((await admin.data(PUBLISH, { id: journey.id })).publishJourney.journey.status).toBe('LIVE');

    const refused = await admin.error(HIDE_TRIGGER, { input: { id: shipped.id, confirmTitle: 'Order shipped' } });
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'TRIGGER_IN_LIVE_JOURNEY' });
    expect(refused.error.extensions.journeys).toEqual(['Abandoned cart']);
    expect((await admin.data(`query($id: ID!) { trigger(id: $id) { liveJourneys } }`, { id: shipped.id })).trigger.liveJourneys).toEqual(['Abandoned cart']);

    await admin.data(`mutation($id: ID!) { stopJourney(input: { id: $id }) { journey { status } } }`, { id: journey.id });
    expect((await admin.data(HIDE_TRIGGER, { input: { id: shipped.id, confirmTitle: 'Order shipped' } })).hideTrigger.trigger.hiddenAt).not.toBeNull();
  });

  it('reads an if/then stored before waitTriggerId existed as waiting for an interaction', async () => {
    const { admin, journey, email, text, push } = await setup();
    for (const c of [email, text, push]) await markReady(admin, c.id);
    await t.dataSource.query(
      `UPDATE journeys SET definition = jsonb_set(definition, '{steps}', (SELECT jsonb_agg(s - 'waitTriggerId') FROM jsonb_array_elements(definition->'steps') s)) WHERE id = $1`,
      [journey.id],
    );
    const [stored] = await t.dataSource.query(`SELECT definition->'steps'->1 ? 'waitTriggerId' AS has FROM journeys WHERE id = $1`, [journey.id]);
    expect(stored.has).toBe(false);
    const { journey: read } = await admin.data(`query($id: ID!) { journey(id: $id) { definition { steps { id waitTriggerId interactionTriggerKey } } } }`, { id: journey.id });
    expect(read.definition.steps[1]).toEqual({ id: 'opened', waitTriggerId: null, interactionTriggerKey: 'email_opened' });
    expect((await admin.data(VALIDATE, { id: journey.id })).validateJourney).toEqual({ valid: true, problems: [] });
    expect((await admin.data(PUBLISH, { id: journey.id })).publishJourney.journey.status).toBe('LIVE');
  });

  it('lets an edit that was in flight during publish win: the publish waits for it and then refuses draft content', async () => {
    const { admin, journey, email, text, push } = await setup();
    for (const c of [email, text, push]) await markReady(admin, c.id);
    const editor = t.dataSource.createQueryRunner();
    await editor.connect();
    try {
      await editor.startTransaction();
      await editor.query(`SELECT id FROM content_items WHERE id = $1 FOR UPDATE`, [email.id]);
      const publishing = admin.request(PUBLISH, { id: journey.id });
      await new Promise((r) => setTimeout(r, 300));
      await editor.query(`UPDATE content_items SET state = 'DRAFT', revision = revision + 1 WHERE id = $1`, [email.id]);
      await editor.commitTransaction();
      const res = await publishing;
      expect(res.body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'JOURNEY_INVALID',
        problems: [expect.objectContaining({ code: 'CONTENT_NOT_READY' })],
      });
    } finally {
      await editor.release();
    }
    expect((await admin.data(`query($id: ID!) { journey(id: $id) { status } }`, { id: journey.id })).journey.status).toBe('DRAFT');
  });

  it('publishes once when two publishes race, and refuses a draft edit that races a publish', async () => {
    const { admin, journey, email, text, push } = await setup();
    for (const c of [email, text, push]) await markReady(admin, c.id);
    const results = await Promise.all([
      admin.request(PUBLISH, { id: journey.id }),
      admin.request(PUBLISH, { id: journey.id }),
      admin.request(UPDATE, { input: { id: journey.id, baseRevision: 1, name: 'Racing edit' } }),
    ]);
    const publishes = results.slice(0, 2).map((r) => r.body.errors?.[0].extensions.reason ?? r.body.data?.publishJourney.journey.status);
    expect(publishes.sort()).toEqual(['JOURNEY_PUBLISHED', 'LIVE']);
    const { journey: after } = await admin.data(`query($id: ID!) { journey(id: $id) { name status } }`, { id: journey.id });
    expect(after.status).toBe('LIVE');
    // The edit either landed before the publish (and was published) or was refused after it; never after.
    const edit = results[2].body;
    if (edit.errors) expect(edit.errors[0].extensions.reason).toBe('JOURNEY_PUBLISHED');
    else expect(after.name).toBe('Racing edit');
  });

  it('stops a live journey and duplicates it into an editable draft', async () => {
    const { admin, journey, email, text, push } = await setup();
    for (const c of [email, text, push]) await markReady(admin, c.id);
    await admin.data(PUBLISH, { id: journey.id });
    const { duplicateJourney } = await admin.data(`mutation($id: ID!) { duplicateJourney(input: { id: $id }) { journey { ${JOURNEY_FIELDS} } } }`, { id: journey.id });
    expect(duplicateJourney.journey).toMatchObject({ name: 'Abandoned cart (copy)', status: 'DRAFT' });
    expect(duplicateJourney.journey.definition).toEqual((await admin.data(`query($id: ID!) { journey(id: $id) { ${JOURNEY_FIELDS} } }`, { id: journey.id })).journey.definition);
    const { auditLog } = await admin.data(`query { auditLog(first: 50) { nodes { action targetId details } } }`);
    expect(auditLog.nodes.filter((e: any) => e.targetId === duplicateJourney.journey.id)).toEqual([
      { action: 'journey.duplicate', targetId: duplicateJourney.journey.id, details: { name: 'Abandoned cart (copy)', from: journey.id } },
    ]);
    const renamed = await admin.data(UPDATE, { input: { id: duplicateJourney.journey.id, baseRevision: duplicateJourney.journey.revision, name: 'Abandoned cart v2' } });
    expect(renamed.updateJourney.journey).toMatchObject({ name: 'Abandoned cart v2', status: 'DRAFT' });
    const { stopJourney } = await admin.data(`mutation($id: ID!) { stopJourney(input: { id: $id }) { journey { status stoppedAt } } }`, { id: journey.id });
    expect(stopJourney.journey.status).toBe('STOPPED');
    expect(await admin.error(`mutation($id: ID!) { stopJourney(input: { id: $id }) { journey { status } } }`, { id: journey.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'JOURNEY_NOT_LIVE',
    });
    expect(await admin.error(UPDATE, { input: { id: journey.id, baseRevision: 1, name: 'x' } })).toMatchObject({ code: 'CONFLICT', reason: 'JOURNEY_PUBLISHED' });
  });

  it('uses optimistic concurrency on drafts', async () => {
    const { admin, journey } = await setup();
    await admin.data(UPDATE, { input: { id: journey.id, baseRevision: 1, name: 'Renamed' } });
    expect(await admin.error(UPDATE, { input: { id: journey.id, baseRevision: 1, name: 'Lost update?' } })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVISION' });
    expect((await admin.data(`query($id: ID!) { journey(id: $id) { name revision } }`, { id: journey.id })).journey).toEqual({ name: 'Renamed', revision: 2 });
  });

  it('refuses bad names and oversized drafts with a clear error, and keeps the draft as it was', async () => {
    const { admin, journey } = await setup();
    for (const name of ['   ', 'x'.repeat(121)]) {
      const refused = await admin.error(UPDATE, { input: { id: journey.id, baseRevision: 1, name } });
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_NAME', error: { extensions: { field: 'name' } } });
    }
    expect(await admin.error(CREATE, { input: { name: '' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_NAME' });
    const steps = Array.from({ length: 201 }, (_, i) => ({ id: `w${i}`, type: 'WAIT', waitSeconds: 3_600 }));
    expect(await admin.error(UPDATE, { input: { id: journey.id, baseRevision: 1, definition: { firstStepId: 'w0', steps } } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_STEPS',
      error: { extensions: { field: 'steps' } },
    });
    const refusedShape = async (definition: Record<string, unknown>) => (await admin.error(UPDATE, { input: { id: journey.id, baseRevision: 1, definition } })).error.extensions;
    expect(await refusedShape({ steps: [{ id: 'has space', type: 'WAIT' }] })).toMatchObject({ reason: 'INVALID_STEP_ID', field: 'steps[0].id' });
    expect(await refusedShape({ steps: [{ id: 'x'.repeat(65), type: 'WAIT' }] })).toMatchObject({ reason: 'INVALID_STEP_ID' });
    expect(await refusedShape({ steps: [{ id: 'w', type: 'WAIT', label: 'l'.repeat(81) }] })).toMatchObject({ reason: 'LABEL_TOO_LONG', field: 'steps[0].label' });
    expect(await refusedShape({ steps: [{ id: 'b', type: 'ATTRIBUTE_BRANCH', values: ['1', '2', '3'] }] })).toMatchObject({ reason: 'TOO_MANY_VALUES' });
    const exits = Array.from({ length: 21 }, () => '00000000-0000-4000-8000-000000000000');
    expect(await refusedShape({ exitTriggerIds: exits })).toMatchObject({ reason: 'TOO_MANY_EXIT_TRIGGERS', field: 'exitTriggerIds' });
    const { journey: after } = await admin.data(`query($id: ID!) { journey(id: $id) { name revision definition { steps { id } } } }`, { id: journey.id });
    expect(after).toMatchObject({ name: 'Abandoned cart', revision: 1 });
    expect(after.definition.steps).toHaveLength(5);
    const long = 'x'.repeat(120);
    expect((await admin.data(UPDATE, { input: { id: journey.id, baseRevision: 1, name: long } })).updateJourney.journey.name).toBe(long);
    const atLimits = { firstStepId: 'x'.repeat(64), steps: [{ id: 'x'.repeat(64), type: 'WAIT', label: 'l'.repeat(80), waitSeconds: 3_600 }] };
    const saved = await admin.data(UPDATE, { input: { id: journey.id, baseRevision: 2, definition: atLimits } });
    expect(saved.updateJourney.journey.definition.steps).toHaveLength(1);
  });

  it('waits one hour before a new trigger version can start a journey', async () => {
    const { admin, journey, cart, email, text, push, definition } = await setup();
    for (const c of [email, text, push]) await markReady(admin, c.id);
    await admin.data(UPDATE_TRIGGER, { input: { id: cart.id, baseVersion: 1, description: 'v2' } });
    await admin.data(UPDATE, { input: { id: journey.id, baseRevision: 1, definition: { ...definition, startTriggerVersion: 2 } } });
    expect((await admin.data(VALIDATE, { id: journey.id })).validateJourney.problems.map((p: any) => p.code)).toEqual(['START_VERSION_NOT_USABLE']);
    clock.advance(3_600_000);
    expect((await admin.data(VALIDATE, { id: journey.id })).validateJourney.valid).toBe(true);
    clock.set(Date.now());
  });

  it('reports a hidden or unready start trigger and tokens the start version lacks', async () => {
    const { admin, journey, email, text, push, definition, purchase } = await setup();
    for (const c of [email, text, push]) await markReady(admin, c.id);
    await admin.data(UPDATE, {
      input: { id: journey.id, baseRevision: 1, definition: { ...definition, startTriggerId: purchase.id, exitTriggerIds: [], goalTriggerId: null, goalPercent: null } },
    });
    const codes = (await admin.data(VALIDATE, { id: journey.id })).validateJourney.problems.map((p: any) => `${p.code}@${p.stepId}`);
    expect(codes).toEqual(['TOKEN_UNRESOLVABLE@email', 'TOKEN_UNRESOLVABLE@email', 'TOKEN_UNRESOLVABLE@text']);
  });

  it('names its start trigger, never one of another workspace, and only to those who may read triggers', async () => {
    const { admin, journey, cart } = await setup();
    const START = `query($id: ID!) { journey(id: $id) { startTrigger { id title } } }`;
    expect((await admin.data(START, { id: journey.id })).journey.startTrigger).toEqual({ id: cart.id, title: 'Cart abandoned' });
    const { cart: foreign } = await setup();
    const { createJourney } = await admin.data(CREATE, { input: { name: 'Pointing elsewhere', definition: { startTriggerId: foreign.id } } });
    expect((await admin.data(START, { id: createJourney.journey.id })).journey.startTrigger).toBeNull();
    const { createApiKey } = await admin.data(`mutation { createApiKey(input: { label: "journeys only", scopes: [JOURNEYS_READ] }) { secret } }`);
    const res = await GqlClient.withKey(t, createApiKey.secret).request(START, { id: journey.id });
    expect(res.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(res.body.data?.journey).toEqual({ startTrigger: null });
  });

  it('lets journeys:read keys read but not write, and viewers neither publish nor edit', async () => {
    const { ws, admin, journey } = await setup();
    const { createApiKey } = await admin.data(`mutation { createApiKey(input: { label: "bi", scopes: [JOURNEYS_READ] }) { secret } }`);
    const reader = GqlClient.withKey(t, createApiKey.secret);
    expect((await reader.data(`{ journeys { totalCount nodes { name } } contents { totalCount } }`)).journeys.totalCount).toBe(1);
    expect(await reader.error(PUBLISH, { id: journey.id })).toMatchObject({ code: 'FORBIDDEN' });
    const viewer = await GqlClient.signedIn(t, await addMember(t, ws, Role.VIEWER));
    expect(await viewer.error(UPDATE, { input: { id: journey.id, baseRevision: 1, name: 'x' } })).toMatchObject({ code: 'FORBIDDEN' });
    const { admin: other } = await setup();
    expect((await other.error(`query($id: ID!) { journey(id: $id) { id } }`, { id: journey.id })).code).toBe('NOT_FOUND');
    expect((await other.error(PUBLISH, { id: journey.id })).code).toBe('NOT_FOUND');
  });
});

describe('content', () => {
  it('validates on marking ready, returns to draft when edited, and previews with a sample event, escaped', async () => {
    const { admin, email, cart } = await setup();
    const { createContent } = await admin.data(`mutation { createContent(input: { channel: TEXT, name: "Too long", body: "${'x'.repeat(1_601)}" }) { content { id } } }`);
    expect(await admin.error(`mutation($id: ID!) { markContentReady(input: { id: $id }) { content { state } } }`, { id: createContent.content.id })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CONTENT_INCOMPLETE',
    });
    const ready = await markReady(admin, email.id);
    expect(ready.markContentReady.content.state).toBe('READY_TO_SEND');
    const { updateContent } = await admin.data(
      `mutation($id: ID!, $rev: Int!) { updateContent(input: { id: $id, baseRevision: $rev, senderName: "Shop <team>" }) { content { state revision } } }`,
      { id: email.id, rev: ready.markContentReady.content.revision },
    );
    expect(updateContent.content.state).toBe('DRAFT');
    const { previewContent } = await admin.data(`query($c: ID!, $t: ID!) { previewContent(input: { contentId: $c, triggerId: $t }) { subject html text } }`, {
      c: email.id,
      t: cart.id,
    });
    expect(previewContent.subject).toBe('You left 49.95 in your cart');
    expect(previewContent.html).toContain('Hi Ada');
    expect(previewContent.text).toBe('Finish your order: https://shop.example.com/cart/123');
    // No trigger: trigger tokens render empty rather than failing.
    const bare = await admin.data(`query($c: ID!) { previewContent(input: { contentId: $c }) { subject } }`, { c: email.id });
    expect(bare.previewContent.subject).toBe('You left  in your cart');
  });

  it('refuses a blank or over-long content name and keeps the content', async () => {
    const { admin, email } = await setup();
    const UPDATE_CONTENT = `mutation($id: ID!, $name: String!) { updateContent(input: { id: $id, baseRevision: 1, name: $name }) { content { name } } }`;
    for (const name of ['', 'x'.repeat(121)]) expect(await admin.error(UPDATE_CONTENT, { id: email.id, name })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_NAME' });
    expect(await admin.error(`mutation { createContent(input: { channel: PUSH, name: " " }) { content { id } } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_NAME',
    });
    const { content } = await admin.data(`query($id: ID!) { content(id: $id) { name revision } }`, { id: email.id });
    expect(content.revision).toBe(1);
    expect((await admin.data(UPDATE_CONTENT, { id: email.id, name: 'x'.repeat(120) })).updateContent.content.name).toHaveLength(120);
  });

  it('finds content and triggers by name and by the ids a journey references, within the workspace only', async () => {
    const { admin, email, push, cart } = await setup();
    const names = async (filter: Record<string, unknown>) =>
      (await admin.data(`query($f: ContentFilter) { contents(filter: $f) { nodes { name } } }`, { f: filter })).contents.nodes.map((n: any) => n.name).sort();
    expect(await names({ search: 'REMINDER' })).toEqual(['Initial email reminder', 'Second text reminder']);
    expect(await names({ search: 'reminder', channel: 'TEXT' })).toEqual(['Second text reminder']);
    expect(await names({ search: '%' })).toEqual([]);
    expect(await names({ ids: [email.id, push.id] })).toEqual(['Final push notification', 'Initial email reminder']);
    expect(await names({ ids: [] })).toEqual([]);
    expect(await admin.error(`{ contents(filter: { ids: ["nope"] }) { totalCount } }`)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    const { triggers } = await admin.data(`query($ids: [ID!]) { triggers(filter: { ids: $ids }) { nodes { title } } }`, { ids: [cart.id] });
    expect(triggers.nodes).toEqual([{ title: 'Cart abandoned' }]);
    const { admin: other } = await setup();
    expect((await other.data(`query($ids: [ID!]) { contents(filter: { ids: $ids }) { totalCount } }`, { ids: [email.id] })).contents.totalCount).toBe(0);
  });

  it('lists live-journey usage with one statement however many items the page holds', async () => {
    const { admin } = await setup();
    for (let i = 0; i < 12; i += 1) await admin.data(`mutation { createContent(input: { channel: TEXT, name: "Text ${i}" }) { content { id } } }`);
    const statements = async (n: number) => {
      const before = t.queries.count;
      expect((await admin.data(`{ contents(first: ${n}) { nodes { id liveJourneys } } }`)).contents.nodes).toHaveLength(n);
      return t.queries.count - before;
    };
    await statements(2);
    expect(await statements(15)).toBe(await statements(2));
  });

  it('lists the personalisation tokens of a trigger and the contact, every one of them accepted in content', async () => {
    const { admin, cart } = await setup();
    const { personalisationTokens } = await admin.data(`query($t: ID) { personalisationTokens(triggerId: $t) { token label source } }`, { t: cart.id });
    expect(personalisationTokens).toEqual(
      expect.arrayContaining([
        { token: '{{ trigger.cartValue }}', label: 'cartValue', source: 'TRIGGER' },
        { token: '{{ trigger.cartUrl }}', label: 'cartUrl', source: 'TRIGGER' },
        { token: '{{ contact.firstName }}', label: 'First name', source: 'CONTACT' },
      ]),
    );
    const body = personalisationTokens.map((t: { token: string }) => t.token).join(' ');
    const { createContent } = await admin.data(`mutation($b: String!) { createContent(input: { channel: TEXT, name: "All tokens", body: $b }) { content { id } } }`, { b: body });
    expect((await markReady(admin, createContent.content.id)).markContentReady.content.state).toBe('READY_TO_SEND');
    const { personalisationTokens: contactOnly } = await admin.data(`{ personalisationTokens { source } }`);
    expect(new Set(contactOnly.map((t: { source: string }) => t.source))).toEqual(new Set(['CONTACT']));
  });

  it('cuts off abusive templates with a clear error', async () => {
    const { admin } = await setup();
    const { createContent } = await admin.data(
      `mutation { createContent(input: { channel: TEXT, name: "Loop", body: "{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}" }) { content { id } } }`,
    );
    expect(await admin.error(`query($c: ID!) { previewContent(input: { contentId: $c }) { body } }`, { c: createContent.content.id })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TEMPLATE_ERROR',
    });
  });
});
