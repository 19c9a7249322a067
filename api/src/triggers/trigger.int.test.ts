import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/clock.js';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';
import { CREATE_TRIGGER, createTrigger, HIDE_TRIGGER, TRIGGER_FIELDS, triggerInput, UPDATE_TRIGGER } from '../../test/triggers.js';
import { EDIT_LOCK_MS } from './trigger.rules.js';

const clock = new FakeClock();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ clock });
});
afterAll(() => t.close());

async function adminClient() {
  const ws = await createWorkspace(t);
  return { ws, admin: await GqlClient.signedIn(t, ws.admin) };
}
const countTriggers = async (workspaceId: string) =>
  (await t.dataSource.query(`SELECT count(*)::int AS n FROM triggers WHERE workspace_id = $1 AND kind = 'CUSTOM'`, [workspaceId]))[0].n;

describe('creating triggers', () => {
  it('creates version 1: usable at once, editable, awaiting its first event, key from the title', async () => {
    const { ws, admin } = await adminClient();
    const trigger = await createTrigger(admin, { title: 'Wi-Fi sign-up', attributes: [{ name: 'location', type: 'TEXT' }] });
    expect(trigger).toMatchObject({
      key: 'wi_fi_sign_up',
      kind: 'CUSTOM',
      title: 'Wi-Fi sign-up',
      status: 'AWAITING_FIRST_EVENT',
      latestVersion: 1,
      hiddenAt: null,
      editLockedUntil: null,
      outOfBox: false,
      canStartJourneys: false,
    });
    expect(trigger.currentVersion).toMatchObject({ number: 1, usableNow: true, breaking: false });
    expect(trigger.currentVersion.attributes).toEqual([
      { name: 'location', displayName: 'location', type: 'TEXT', required: false, maxLength: 1000, entity: null, comparators: ['EQUALS', 'NOT_EQUALS', 'CONTAINS', 'STARTS_WITH'] },
    ]);
    expect(trigger.currentVersion.allowedOperations).toEqual([
      { identifier: 'EMAIL', read: false, write: true },
      { identifier: 'PHONE', read: false, write: true },
      { identifier: 'CRM_ID', read: true, write: true },
    ]);
    const [entry] = await t.dataSource.query(`SELECT action, target_id FROM audit_entries WHERE workspace_id = $1 AND action = 'trigger.create'`, [ws.id]);
    expect(entry.target_id).toBe(trigger.id);
  });

  it('refuses invalid definitions with every problem listed, creating nothing', async () => {
    const { ws, admin } = await adminClient();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '  ' }, 'TITLE_REQUIRED'],
      [{ key: 'Order-Placed' }, 'INVALID_KEY'],
      [{ key: 'email_opened' }, 'KEY_RESERVED'],
      [{ attributes: [{ name: 'authId', type: 'TEXT' }] }, 'RESERVED_ATTRIBUTE_NAME'],
      [{ attributes: [{ name: 'contactpoint_phone', type: 'TEXT' }] }, 'RESERVED_ATTRIBUTE_NAME'],
      [
        {
          attributes: [
            { name: 'a', type: 'TEXT' },
            { name: 'A', type: 'NUMBER' },
          ],
        },
        'DUPLICATE_ATTRIBUTE',
      ],
      [{ attributes: Array.from({ length: 101 }, (_, i) => ({ name: `a${i}`, type: 'BOOLEAN' })) }, 'TOO_MANY_ATTRIBUTES'],
      [{ attributes: [{ name: 'order', type: 'ENTITY_REFERENCE' }] }, 'ENTITY_REQUIRED'],
      [{ attributes: [{ name: 'note', type: 'TEXT', maxLength: 100_000 }] }, 'INVALID_MAX_LENGTH'],
      [{ allowedOperations: [{ identifier: 'CRM_ID', read: true, write: false }] }, 'CRM_ID_WRITE_REQUIRED'],
    ];
    for (const [over, reason] of cases) {
      const error = await admin.error(CREATE_TRIGGER, { input: triggerInput(over) });
      expect(error, reason).toMatchObject({ code: 'BAD_USER_INPUT', reason });
      expect(error.error.extensions.problems.length).toBeGreaterThan(0);
    }
    expect(await countTriggers(ws.id)).toBe(0);
    const hundred = await createTrigger(admin, { attributes: Array.from({ length: 100 }, (_, i) => ({ name: `a${i}`, type: 'BOOLEAN' })) });
    expect(hundred.currentVersion.attributes).toHaveLength(100);
  });

  it('keeps titles unique among visible triggers (case-insensitively) and keys unique for good', async () => {
    const { admin } = await adminClient();
    const first = await createTrigger(admin, { title: 'Cart abandoned' });
    expect(await admin.error(CREATE_TRIGGER, { input: triggerInput({ title: 'cart ABANDONED ' }) })).toMatchObject({ code: 'CONFLICT', reason: 'TITLE_TAKEN' });
    expect(await admin.error(CREATE_TRIGGER, { input: triggerInput({ title: 'Email opened', key: 'my_email_opened' }) })).toMatchObject({
      code: 'CONFLICT',
      reason: 'TITLE_TAKEN',
    });
    await admin.data(HIDE_TRIGGER, { input: { id: first.id, confirmTitle: 'Cart abandoned' } });
    expect(await admin.error(CREATE_TRIGGER, { input: triggerInput({ title: 'Cart abandoned' }) })).toMatchObject({ code: 'CONFLICT', reason: 'KEY_TAKEN' });
    const again = await createTrigger(admin, { title: 'Cart abandoned', key: 'cart_abandoned_v2' });
    expect(again.title).toBe('Cart abandoned');
  });
});

describe('editing triggers', () => {
  it('saves each edit as a new immutable version, then locks editing for exactly one hour', async () => {
    const { admin } = await adminClient();
    const trigger = await createTrigger(admin);
    const savedAt = clock.now().getTime();
    const { updateTrigger } = await admin.data(UPDATE_TRIGGER, {
      input: { id: trigger.id, baseVersion: 1, description: 'Now with gift wrap.', attributes: [...triggerInput().attributes.slice(0, 2), { name: 'giftWrap', type: 'BOOLEAN' }] },
    });
    expect(updateTrigger.version).toMatchObject({
      number: 2,
      breaking: true,
      usableNow: false,
      usableFrom: new Date(savedAt + EDIT_LOCK_MS).toISOString(),
      authorLabel: expect.stringContaining('@example.com'),
    });
    expect(updateTrigger.version.changes.map((c: any) => `${c.kind}:${c.attribute ?? ''}:${c.breaking}`)).toEqual([
      'DESCRIPTION_CHANGED::false',
      'ATTRIBUTE_REMOVED:coupon:true',
      'ATTRIBUTE_REMOVED:order:true',
      'ATTRIBUTE_ADDED:giftWrap:false',
    ]);
    expect(updateTrigger.trigger.editLockedUntil).toBe(new Date(savedAt + EDIT_LOCK_MS).toISOString());

    clock.set(savedAt + EDIT_LOCK_MS - 1);
    const locked = await admin.error(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 2, title: `${trigger.title} (renamed)` } });
    expect(locked).toMatchObject({ code: 'CONFLICT', reason: 'TRIGGER_EDIT_LOCKED' });
    expect(locked.error.extensions.unlockAt).toBe(new Date(savedAt + EDIT_LOCK_MS).toISOString());
    const v2 = await admin.data(`query($id: ID!) { trigger(id: $id) { version(number: 2) { usableNow } } }`, { id: trigger.id });
    expect(v2.trigger.version.usableNow).toBe(false);

    clock.set(savedAt + EDIT_LOCK_MS);
    expect((await admin.data(`query($id: ID!) { trigger(id: $id) { editLockedUntil version(number: 2) { usableNow } } }`, { id: trigger.id })).trigger).toEqual({
      editLockedUntil: null,
      version: { usableNow: true },
    });
    const renamed = await admin.data(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 2, title: `${trigger.title} (renamed)` } });
    expect(renamed.updateTrigger.version).toMatchObject({ number: 3, breaking: false });
    expect(renamed.updateTrigger.trigger.title).toBe(`${trigger.title} (renamed)`);
    clock.set(Date.now());

    const history = await admin.data(`query($id: ID!) { trigger(id: $id) { versions { number title description } } }`, { id: trigger.id });
    expect(history.trigger.versions.map((v: any) => [v.number, v.title])).toEqual([
      [3, `${trigger.title} (renamed)`],
      [2, trigger.title],
      [1, trigger.title],
    ]);
    expect(history.trigger.versions[2].description).toBe(trigger.description);
  });

  it('refuses a stale base version with CONFLICT and overwrites nothing', async () => {
    const { admin } = await adminClient();
    const trigger = await createTrigger(admin);
    clock.advance(0);
    await admin.data(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 1, source: 'Shop' } });
    clock.advance(EDIT_LOCK_MS);
    const stale = await admin.error(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 1, source: 'Overwritten?' } });
    expect(stale).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(stale.error.extensions.latestVersion).toBe(2);
    const { trigger: now } = await admin.data(`query($id: ID!) { trigger(id: $id) { source latestVersion } }`, { id: trigger.id });
    expect(now).toEqual({ source: 'Shop', latestVersion: 2 });
    clock.set(Date.now());
  });

  it('lets exactly one of N concurrent edits of the same version win', async () => {
    const { admin } = await adminClient();
    const trigger = await createTrigger(admin);
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, i) => admin.request(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 1, source: `Source ${i}` } })));
    const winners = attempts.filter((r) => !r.body.errors);
    expect(winners).toHaveLength(1);
    for (const loser of attempts.filter((r) => r.body.errors)) expect(loser.body.errors![0].extensions.code).toBe('CONFLICT');
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM trigger_versions WHERE trigger_id = $1', [trigger.id]);
    expect(n).toBe(2);
  });

  it('refuses edits that change nothing and invalid edits', async () => {
    const { admin } = await adminClient();
    const trigger = await createTrigger(admin);
    expect(await admin.error(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 1, source: trigger.source } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NO_CHANGES',
    });
    expect(await admin.error(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 1, attributes: [{ name: 'authId', type: 'TEXT' }] } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RESERVED_ATTRIBUTE_NAME',
    });
    expect((await admin.data(`query($id: ID!) { trigger(id: $id) { latestVersion } }`, { id: trigger.id })).trigger.latestVersion).toBe(1);
  });

  it('records a description-only edit as only that, even when the unchanged allowed operations are sent back in another key order', async () => {
    const { admin } = await adminClient();
    const trigger = await createTrigger(admin);
    // What the edit form sends back: the stored operations, keys in whatever order the client holds them.
    const sentBack = trigger.currentVersion.allowedOperations.map(({ identifier, read, write }: any) => ({ write, read, identifier }));
    const changesOf = (version: any) => version.changes.map((c: any) => c.kind);
    const savedAt = clock.now().getTime();
    const first = await admin.data(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 1, description: 'Now with gift wrap.', allowedOperations: sentBack } });
    expect(changesOf(first.updateTrigger.version)).toEqual(['DESCRIPTION_CHANGED']);
    expect(first.updateTrigger.version.breaking).toBe(false);

    clock.set(savedAt + EDIT_LOCK_MS);
    const second = await admin.data(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 2, description: 'Gift wrap and notes.', allowedOperations: sentBack } });
    expect(changesOf(second.updateTrigger.version)).toEqual(['DESCRIPTION_CHANGED']);
    clock.set(Date.now());

    // The version summary (changes recorded at save) and the version diff (computed on request) agree.
    const {
      trigger: saved,
      first: d12,
      second: d23,
    } = await admin.data(
      `query($id: ID!) { trigger(id: $id) { versions { number changes { kind summary } } }
        first: triggerVersionDiff(triggerId: $id, from: 1, to: 2) { changes { kind summary } }
        second: triggerVersionDiff(triggerId: $id, from: 2, to: 3) { changes { kind summary } } }`,
      { id: trigger.id },
    );
    const recorded = (n: number) => saved.versions.find((v: any) => v.number === n).changes;
    expect(recorded(2)).toEqual([{ kind: 'DESCRIPTION_CHANGED', summary: 'Description changed' }]);
    expect(d12.changes).toEqual(recorded(2));
    expect(d23.changes).toEqual(recorded(3));
    for (const v of saved.versions) expect(v.changes.map((c: any) => c.kind)).not.toContain('ALLOWED_OPERATIONS_CHANGED');
  });

  it('diffs two versions and exports a JSON Schema per version', async () => {
    const { admin } = await adminClient();
    const trigger = await createTrigger(admin);
    await admin.data(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 1, identity: 'PROFILE' } });
    const { triggerVersionDiff, trigger: t2 } = await admin.data(
      `query($id: ID!) { triggerVersionDiff(triggerId: $id, from: 1, to: 2) { breaking changes { kind breaking } } trigger(id: $id) { version(number: 2) { jsonSchema } } }`,
      { id: trigger.id },
    );
    expect(triggerVersionDiff).toEqual({ breaking: true, changes: [{ kind: 'IDENTITY_CHANGED', breaking: true }] });
    const schema = t2.version.jsonSchema;
    expect(schema.properties.trigger.const).toBe(trigger.key);
    expect(schema.properties.contactpoint_email).toBeDefined();
    expect(schema.properties.attributes.required).toEqual(['total', 'order']);
    expect(await admin.error(`query($id: ID!) { triggerVersionDiff(triggerId: $id, from: 1, to: 9) { breaking } }`, { id: trigger.id })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VERSION_NOT_FOUND',
    });
  });
});

describe('hiding triggers', () => {
  it('hides irreversibly after confirmation by title, keeps history, and leaves the catalog', async () => {
    const { admin } = await adminClient();
    const trigger = await createTrigger(admin);
    expect(await admin.error(HIDE_TRIGGER, { input: { id: trigger.id, confirmTitle: 'wrong' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TITLE_MISMATCH' });
    const { hideTrigger } = await admin.data(HIDE_TRIGGER, { input: { id: trigger.id, confirmTitle: trigger.title } });
    expect(hideTrigger.trigger.hiddenAt).not.toBeNull();
    expect(await admin.error(HIDE_TRIGGER, { input: { id: trigger.id, confirmTitle: trigger.title } })).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_HIDDEN' });
    expect(await admin.error(UPDATE_TRIGGER, { input: { id: trigger.id, baseVersion: 1, source: 'x' } })).toMatchObject({ code: 'CONFLICT', reason: 'TRIGGER_HIDDEN' });

    const catalog = `query($f: TriggerFilter) { triggers(first: 100, filter: $f) { nodes { id hiddenAt } } }`;
    expect((await admin.data(catalog, { f: { kind: ['CUSTOM'] } })).triggers.nodes).toEqual([]);
    expect((await admin.data(catalog, { f: { kind: ['CUSTOM'], includeHidden: true } })).triggers.nodes).toEqual([{ id: trigger.id, hiddenAt: hideTrigger.trigger.hiddenAt }]);
    const direct = await admin.data(`query($id: ID!) { trigger(id: $id) { hiddenAt versions { number } } }`, { id: trigger.id });
    expect(direct.trigger.versions).toEqual([{ number: 1 }]);
  });

  it('offers no way to unhide', async () => {
    const { admin } = await adminClient();
    const { __schema } = await admin.data(`{ __schema { mutationType { fields { name } } } }`);
    const names = __schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names).toContain('hideTrigger');
    expect(names.filter((n: string) => /unhide|restore|show/i.test(n))).toEqual([]);
  });
});

describe('out-of-box catalog', () => {
  it('seeds every new workspace with ready interaction and business triggers that cannot be edited or hidden', async () => {
    const { admin } = await adminClient();
    const { triggers } = await admin.data(`{ triggers(first: 100) { totalCount nodes { id key kind status outOfBox canStartJourneys title latestVersion } } }`);
    expect(triggers.totalCount).toBe(17);
    const interaction = triggers.nodes.filter((n: any) => n.kind === 'INTERACTION');
    const business = triggers.nodes.filter((n: any) => n.kind === 'BUSINESS');
    expect(interaction).toHaveLength(8);
    expect(business).toHaveLength(9);
    expect(triggers.nodes.every((n: any) => n.outOfBox && n.status === 'READY_TO_USE')).toBe(true);
    expect(interaction.every((n: any) => !n.canStartJourneys)).toBe(true);
    expect(business.every((n: any) => n.canStartJourneys)).toBe(true);
    const opened = interaction.find((n: any) => n.key === 'email_opened');
    expect(await admin.error(UPDATE_TRIGGER, { input: { id: opened.id, baseVersion: 1, source: 'x' } })).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_BOX_READ_ONLY' });
    expect(await admin.error(HIDE_TRIGGER, { input: { id: opened.id, confirmTitle: opened.title } })).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_BOX_READ_ONLY' });
  });

  it('is reconciled idempotently', async () => {
    const { ws } = await adminClient();
    expect(await t.server.services.triggers.ensureCatalog(undefined, ws.id)).toBe(0);
  });
});

describe('the catalog query', () => {
  it('filters by kind, category, status, search and usability, sorted by title', async () => {
    const { admin } = await adminClient();
    await createTrigger(admin, { title: 'Zebra signal', category: 'SIGNAL' });
    await createTrigger(admin, { title: 'Alpha conversion', category: 'CONVERSION' });
    const q = `query($f: TriggerFilter) { triggers(first: 100, filter: $f) { totalCount nodes { title } } }`;
    const titles = async (f: Record<string, unknown>) => (await admin.data(q, { f })).triggers.nodes.map((n: { title: string }) => n.title);
    expect(await titles({ kind: ['CUSTOM'] })).toEqual(['Alpha conversion', 'Zebra signal']);
    expect(await titles({ kind: ['CUSTOM'], category: ['SIGNAL'] })).toEqual(['Zebra signal']);
    expect(await titles({ search: 'ZEBRA' })).toEqual(['Zebra signal']);
    expect(await titles({ search: 'email_op' })).toEqual(['Email opened']);
    expect(await titles({ search: '100%' })).toEqual([]);
    expect(await titles({ status: 'AWAITING_FIRST_EVENT' })).toEqual(['Alpha conversion', 'Zebra signal']);
    const startable = await titles({ usableAsStart: true });
    expect(startable).toHaveLength(9);
    expect(startable).not.toContain('Email opened');
    const all = await titles({});
    expect(all).toEqual([...all].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it('pages by title with cursors', async () => {
    const { admin } = await adminClient();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { triggers }: any = await admin.data(`query($after: String) { triggers(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { key } } }`, {
        after,
      });
      seen.push(...triggers.nodes.map((n: { key: string }) => n.key));
      if (!triggers.pageInfo.hasNextPage) break;
      after = triggers.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(17);
    expect(new Set(seen).size).toBe(17);
  });

  it('answers by key and lists attribute types with their comparators', async () => {
    const { admin } = await adminClient();
    const created = await createTrigger(admin, { key: 'purchase_completed', title: 'Purchase completed' });
    expect((await admin.data(`{ triggerByKey(key: "purchase_completed") { id } }`)).triggerByKey.id).toBe(created.id);
    expect((await admin.error(`{ triggerByKey(key: "nope") { id } }`)).code).toBe('NOT_FOUND');
    const { attributeTypes } = await admin.data(`{ attributeTypes { type label comparators } }`);
    expect(attributeTypes.find((a: any) => a.type === 'DATETIME')).toEqual({ type: 'DATETIME', label: 'Date/time', comparators: ['BEFORE', 'ON', 'AFTER', 'BETWEEN'] });
    expect(attributeTypes).toHaveLength(7);
  });

  it('does not grow its SQL statement count with the page size (no N+1)', async () => {
    const { admin, ws } = await adminClient();
    for (let i = 0; i < 90; i += 1) await createTrigger(admin);
    expect((await admin.data(`{ triggers(first: 1) { totalCount } }`)).triggers.totalCount).toBeGreaterThanOrEqual(100);
    const page = (n: number) =>
      `{ triggers(first: ${n}) { nodes { id description identity editLockedUntil liveJourneys currentVersion { number attributes { name comparators } jsonSchema } versions { number changes { kind } } } } }`;
    const statements = async (n: number) => {
      const before = t.queries.count;
      const data = await admin.data(page(n));
      expect(data.triggers.nodes).toHaveLength(n);
      return t.queries.count - before;
    };
    await statements(5);
    const five = await statements(5);
    const hundred = await statements(100);
    expect(hundred).toBe(five);
    expect(ws.id).toBeTruthy();
  });
});

describe('access', () => {
  it('lets viewers read but not write, and scopes partner keys', async () => {
    const { ws, admin } = await adminClient();
    const viewer = await GqlClient.signedIn(t, await addMember(t, ws, Role.VIEWER));
    expect((await viewer.data(`{ triggers { totalCount } }`)).triggers.totalCount).toBe(17);
    expect(await viewer.error(CREATE_TRIGGER, { input: triggerInput() })).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
    const developer = await GqlClient.signedIn(t, await addMember(t, ws, Role.DEVELOPER));
    expect((await createTrigger(developer)).kind).toBe('CUSTOM');

    const key = async (scopes: string[]) =>
      GqlClient.withKey(t, (await admin.data(`mutation($s: [ApiKeyScope!]!) { createApiKey(input: { label: "p", scopes: $s }) { secret } }`, { s: scopes })).createApiKey.secret);
    const reader = await key(['TRIGGERS_READ']);
    expect((await reader.data(`{ triggers { totalCount } }`)).triggers.totalCount).toBe(18);
    expect(await reader.error(CREATE_TRIGGER, { input: triggerInput() })).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
    const writer = await key(['TRIGGERS_READ', 'TRIGGERS_WRITE']);
    const byPartner = await createTrigger(writer);
    const [{ author_label }] = await t.dataSource.query('SELECT author_label FROM trigger_versions WHERE trigger_id = $1', [byPartner.id]);
    expect(author_label).toMatch(/^p \(flr_/);
    expect((await (await key(['EVENTS_READ'])).error(`{ triggers { totalCount } }`)).code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for another workspace’s triggers and changes nothing', async () => {
    const { admin: mine } = await adminClient();
    const { admin: theirs } = await adminClient();
    const their = await createTrigger(theirs);
    for (const [query, variables] of [
      [`query($id: ID!) { trigger(id: $id) { id } }`, { id: their.id }],
      [`query($id: ID!) { triggerVersionDiff(triggerId: $id, from: 1, to: 1) { breaking } }`, { id: their.id }],
      [UPDATE_TRIGGER, { input: { id: their.id, baseVersion: 1, source: 'hijacked' } }],
      [HIDE_TRIGGER, { input: { id: their.id, confirmTitle: their.title } }],
      [`query($k: String!) { triggerByKey(key: $k) { id } }`, { k: their.key }],
    ] as const) {
      expect((await mine.error(query, variables)).code).toBe('NOT_FOUND');
    }
    const { trigger } = await theirs.data(`query($id: ID!) { trigger(id: $id) { ${TRIGGER_FIELDS} } }`, { id: their.id });
    expect(trigger).toEqual(their);
  });

  it('keeps versions immutable in the database', async () => {
    const { admin } = await adminClient();
    const trigger = await createTrigger(admin);
    await expect(t.dataSource.query(`UPDATE trigger_versions SET title = 'forged' WHERE trigger_id = $1`, [trigger.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM trigger_versions WHERE trigger_id = $1`, [trigger.id])).rejects.toThrow(/append-only/);
  });
});
