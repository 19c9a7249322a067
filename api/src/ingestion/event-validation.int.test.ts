import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { CREATE_TRIGGER, createTrigger, triggerInput, UPDATE_TRIGGER } from '../../test/triggers.js';

/** Hardening of event validation through the real server: prototype-named attributes, strict date-times. */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { INGEST_RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => t.close());

async function setup(attributes: Record<string, unknown>[]) {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  const trigger = await createTrigger(admin, { attributes });
  const key = await createIngestionKey(admin);
  return { admin, trigger, key };
}
const reasons = (res: { body: any }) => res.body.results.map((r: any) => r.reasons.map((x: any) => `${x.code}@${x.field}`));

describe('attribute names that are Object.prototype members', () => {
  const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];

  it('enforces required attributes named constructor, toString, valueOf, hasOwnProperty', async () => {
    const { trigger, key } = await setup(names.map((name) => ({ name, type: 'TEXT', required: true })));
    const res = await postEvents(t, key.secret, {
      events: [
        { trigger: trigger.key, authId: 'c-1', attributes: {} },
        { trigger: trigger.key, authId: 'c-1', attributes: Object.fromEntries(names.map((n) => [n, 'x'])) },
      ],
    });
    expect(reasons(res)).toEqual([names.map((n) => `MISSING_ATTRIBUTE@attributes.${n}`), []]);
  });

  it('treats "__proto__" keys in the posted JSON as unknown, without polluting the server', async () => {
    const { trigger, key } = await setup([{ name: 'note', type: 'TEXT' }]);
    const body = `{"events": [{"trigger": "${trigger.key}", "authId": "c-1", "__proto__": {"polluted": 1}, "attributes": {"__proto__": {"polluted": 1}, "note": "hi"}}]}`;
    const res = await postEvents(t, key.secret, body);
    expect(reasons(res)).toEqual([['UNKNOWN_FIELD@__proto__', 'UNKNOWN_ATTRIBUTE@attributes.__proto__']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const single = await postEvents(t, key.secret, `{"trigger": "${trigger.key}", "authId": "c-1", "attributes": {"__proto__": {"note": "x"}}}`);
    expect(reasons(single)).toEqual([['UNKNOWN_ATTRIBUTE@attributes.__proto__']]);
  });

  it('refuses __proto__ and prototype as attribute names when creating or editing a trigger', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    for (const name of ['__proto__', 'prototype']) {
      const error = await admin.error(CREATE_TRIGGER, { input: triggerInput({ attributes: [{ name, type: 'TEXT' }] }) });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RESERVED_ATTRIBUTE_NAME' });
      expect(error.error.extensions.field).toBe('attributes[0].name');
    }
    const trigger = await createTrigger(admin);
    const edit = await admin.error(UPDATE_TRIGGER, {
      input: {
        id: trigger.id,
        baseVersion: 1,
        attributes: [
          { name: 'total', type: 'DECIMAL', required: true },
          { name: 'prototype', type: 'TEXT' },
        ],
      },
    });
    expect(edit).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RESERVED_ATTRIBUTE_NAME' });
    expect(edit.error.extensions.field).toBe('attributes[1].name');
  });
});

describe('times PostgreSQL cannot store', () => {
  it('rejects an event that happened before the year 1 on its own, instead of failing the whole batch', async () => {
    const { trigger, key } = await setup([{ name: 'note', type: 'TEXT' }]);
    const res = await postEvents(t, key.secret, {
      events: [
        { trigger: trigger.key, authId: 'c-1' },
        { trigger: trigger.key, authId: 'c-2', timestamp: '0000-06-01T00:00:00Z' },
      ],
    });
    expect(res.status).toBe(202);
    expect(reasons(res)).toEqual([[], ['TIMESTAMP_OUT_OF_RANGE@timestamp']]);
  });
});

describe('impossible date-times', () => {
  it('rejects them in DATETIME and DATE attributes, timestamp and sentAt', async () => {
    const { trigger, key } = await setup([
      { name: 'at', type: 'DATETIME' },
      { name: 'on', type: 'DATE' },
    ]);
    const event = (over: Record<string, unknown>) => ({ trigger: trigger.key, authId: 'c-1', ...over });
    const res = await postEvents(t, key.secret, {
      events: [
        event({ attributes: { at: '2026-02-31T10:00:00Z' } }),
        event({ attributes: { at: '2026-01-01T24:00:00Z' } }),
        event({ attributes: { at: '2026-01-01T10:00Z' } }),
        event({ attributes: { on: '2026-02-29' } }),
        event({ timestamp: '2026-02-31T10:00:00Z' }),
        event({ timestamp: '2026-01-01T10:00:00Z', sentAt: '2026-01-01T24:00:00Z' }),
        event({ timestamp: '2016-12-31T23:59:60Z', attributes: { at: '2016-12-31T23:59:60Z', on: '2024-02-29' } }),
      ],
    });
    expect(reasons(res)).toEqual([
      ['INVALID_TYPE@attributes.at'],
      ['INVALID_TYPE@attributes.at'],
      ['INVALID_TYPE@attributes.at'],
      ['INVALID_TYPE@attributes.on'],
      ['INVALID_TIMESTAMP@timestamp'],
      ['INVALID_TIMESTAMP@sentAt'],
      [],
    ]);
  });
});

describe('bindingId (event-format.rules.ts rule 10)', () => {
  it('rejects each broken limit on its own and stores accepted ones as sent, top-level in the payload', async () => {
    const { trigger, key } = await setup([{ name: 'note', type: 'TEXT' }]);
    const event = (bindingId: unknown, authId = 'c-1') => ({ trigger: trigger.key, authId, bindingId });
    const tries: [string, unknown, boolean][] = [
      ['201 code points', 'x'.repeat(201), false],
      ['201 astral code points (402 UTF-16 units)', '😀'.repeat(201), false],
      ['200 astral code points', '😀'.repeat(200), true],
      ['a control character', 'cart/\n8812', false],
      ['a C1 control character', 'cart/\u00858812', false],
      ['only slashes', '///', false],
      ['empty', '', false],
      ['a number instead of a string', 8812, false],
      ['an object', { type: 'cart', id: '8812' }, false],
      ['null, "not sent"', null, true],
      ['cart/8812', 'cart/8812', true],
      ['A/B/C', 'A/B/C', true],
    ];
    const res = await postEvents(t, key.secret, { events: tries.map(([, bindingId], i) => event(bindingId, `c-${i}`)) });
    expect(res.status).toBe(202);
    expect(Object.fromEntries(tries.map(([what], i) => [what, reasons(res)[i]]))).toEqual(
      Object.fromEntries(tries.map(([what, , ok]) => [what, ok ? [] : ['INVALID_BINDING_ID@bindingId']])),
    );
    expect(res.body.results[0].reasons[0].message).toMatch(/\{entityType\}\/\{entityId\}/);

    const stored = await t.dataSource.query(`SELECT auth_id, accepted, payload FROM trigger_events WHERE trigger_id = $1 AND accepted ORDER BY id`, [trigger.id]);
    expect(stored.map((r: any) => [r.auth_id, r.payload.bindingId])).toEqual([
      ['c-2', '😀'.repeat(200)],
      ['c-9', null],
      ['c-10', 'cart/8812'],
      ['c-11', 'A/B/C'],
    ]);
  });

  it('is reported next to the event’s other problems', async () => {
    const { trigger, key } = await setup([{ name: 'note', type: 'TEXT' }]);
    const res = await postEvents(t, key.secret, { trigger: trigger.key, authId: 'c-1', bindingId: '/', attributes: { note: 5 } });
    expect(reasons(res)).toEqual([['INVALID_BINDING_ID@bindingId', 'INVALID_TYPE@attributes.note']]);
  });
});
