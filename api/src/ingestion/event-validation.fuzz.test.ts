import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { createIngestionKey, postEvents } from '../../test/ingestion.js';
import { CREATE_TRIGGER } from '../../test/triggers.js';
import { eventJsonSchema } from '../triggers/trigger-schema.js';
import { definitionProblems, MAX_TEXT_MAX_LENGTH, normaliseAttribute } from '../triggers/trigger.rules.js';
import { AttributeType, CustomerIdentity, IdentifierKind, TriggerCategory, TriggerKind, type AttributeDefinition, type TriggerDefinition } from '../triggers/trigger.types.js';
import { compileValidator, eventSizeProblem, messageIdProblem, occurredAt, versionProblem, type EventValidator, type Rejection } from './event-validation.rules.js';

/**
 * Property: for every event, the server's validator and ajv on the JSON Schema the trigger version publishes
 * give the same verdict, accepted or rejected (the rules both follow: triggers/event-format.rules.ts).
 *
 * The rules no JSON Schema can state (event-format.rules.ts rule 9) are kept out: generated events name the
 * trigger's key and pin no other existing version, and rejections only for size or the clock do not count.
 *
 * CI: a fixed seed and 2,000 cases (plus a smaller sample through the real server). `pnpm fuzz`: FUZZ_RUNS=20000
 * with a random seed, printed at the start and in fast-check's failure report; replay with FUZZ_SEED=<seed>.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Math.floor(Math.random() * 2 ** 31) : 20_261_128;
const SERVER_RUNS = Math.max(20, Math.round(RUNS / 80));
const SERVER_ONLY = new Set(['EVENT_TOO_LARGE', 'FUTURE_TIMESTAMP', 'TIMESTAMP_OUT_OF_RANGE']);

/**
 * ajv as a partner would set it up for the published schema: draft 2020-12, ajv-formats, strict mode (a schema
 * mistake fails loudly). `ownProperties`: JSON objects have no prototype, so a missing required attribute
 * named `constructor` must not be found on Object.prototype. `addUsedSchema: false`: every case publishes
 * its own `$id`.
 */
function partnerAjv() {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, ownProperties: true, addUsedSchema: false });
  addFormats.default(ajv);
  ajv.addKeyword({ keyword: 'x-flare-entity', schemaType: ['string', 'null'] });
  return ajv;
}

// ── Generators ──────────────────────────────────────────────────────────────────────────────────────────────

const ABSENT = Symbol('absent');
const object = (entries: [string, unknown][]) => Object.fromEntries(entries.filter(([, v]) => v !== ABSENT));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** One code point each: ASCII, BMP beyond Latin-1, astral (two UTF-16 units). No NUL or lone surrogates (refused earlier, by event-text.rules.ts). */
const char = fc.constantFrom('a', 'Z', '7', ' ', '-', '.', '@', '"', '\\', 'é', 'ß', '中', '😀', '𝄞');
const text = (maxLength: number, minLength = 0) => fc.string({ unit: char, minLength, maxLength });
const repeated = (count: number) => fc.constantFrom('a', 'é', '😀').map((c) => c.repeat(count));
const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), text(4), fc.constant([]), fc.constant({}), fc.constant({ a: 1 }));

const fullDate = fc
  .oneof(
    { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(0, 1900, 2000, 2023, 2024, 2100, 9999), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })) },
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const dateArb = fc.oneof(
  { weight: 6, arbitrary: fullDate },
  { weight: 1, arbitrary: fc.constantFrom('2026-1-01', '20261122', '2026-11-22T00:00:00Z', '', '2026-11-22 ', '２０２６-01-01', '+02026-01-01') },
);

const offsetArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Z', 'z', '+00:00', '-00:00') },
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom(':', ':', ':', '', 'none'))
      .map(([s, h, m, colon]) => `${s}${pad(h)}${colon === 'none' ? '' : colon + pad(m)}`),
  },
);
const fractionArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.stringMatching(/^\.\d{1,25}$/) },
  { weight: 1, arbitrary: fc.constantFrom('.', '.999999999999999', '.9999999999999999', '.99999999999999999', '.5Z') },
);
/** Mostly well-formed pieces, some out of range; separators and offsets in every form validators disagree on. */
const dateTimeArb = fc
  .record({
    date: dateArb,
    sep: fc.constantFrom('T', 'T', 'T', 't', ' '),
    h: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 23 }) }, { weight: 1, arbitrary: fc.constantFrom(24, 99) }),
    m: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 59 }) }, { weight: 1, arbitrary: fc.constant(60) }),
    s: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 59 }) }, { weight: 1, arbitrary: fc.constantFrom(60, 61) }),
    seconds: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    fraction: fractionArb,
    offset: offsetArb,
  })
  .map(({ date, sep, h, m, s, seconds, fraction, offset }) => `${date}${sep}${pad(h)}:${pad(m)}${seconds ? `:${pad(s)}${fraction}` : ''}${offset}`);
/** Second 60 at, or one minute off, 23:59 UTC seen through an offset: where leap-second rules differ. */
const leapSecondArb = fc
  .record({ date: fullDate, offset: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }), miss: fc.constantFrom(0, 0, 1, -1), fraction: fractionArb })
  .map(({ date, offset, miss, fraction }) => {
    const local = (((1439 + offset + miss) % 1440) + 1440) % 1440;
    const abs = Math.abs(offset);
    const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    return `${date}T${pad(Math.floor(local / 60))}:${pad(local % 60)}:60${fraction}${zone}`;
  });
const dateTimeValue = fc.oneof(
  { weight: 5, arbitrary: dateTimeArb },
  { weight: 1, arbitrary: leapSecondArb },
  { weight: 1, arbitrary: fc.constantFrom('yesterday', '', '2026-11-22T10:15:00.000+01:00:00') },
);

const wrongType = fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.boolean(), text(3), fc.constant([]), fc.constant({}));
const recordIdArb = fc.oneof(
  { weight: 4, arbitrary: text(6, 1) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.constantFrom('', 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, -(2 ** 53), 1.5, 1e300, -0, true) },
  { weight: 1, arbitrary: fc.constantFrom(199, 200, 201).chain(repeated) },
);

/**
 * bindingId (event-format.rules.ts rule 10). Units: `/`, characters at the edges of the control ranges (C0 without
 * NUL, DEL, C1) and just outside them (space, `~`, U+00A0, U+200B), letters and an astral character.
 */
const bindingUnit = fc.constantFrom('/', '/', 'a', '8', '😀', ' ', '~', '\u00a0', '\u200b', '\u0001', '\t', '\n', '\u001f', '\u007f', '\u0080', '\u009f');
const goodBindingId = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('cart', 'Appointment', 'order', 'A/B'), text(6, 1)).map(([type, id]) => `${type}/${id}`) },
  { weight: 2, arbitrary: text(8, 1) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', '/', '//'), text(3, 1), fc.constantFrom('', '/', '//')).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.constantFrom('a', '😀').map((c) => c.repeat(200)) },
  { weight: 1, arbitrary: fc.constantFrom('/'.repeat(199) + 'a', 'a' + '/'.repeat(199), `cart/${'😀'.repeat(195)}`) },
);
const bindingIdArb = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: bindingUnit, maxLength: 8 }) },
  // n code points of one character, or n characters of `c/c/…`
  { weight: 2, arbitrary: fc.constantFrom(199, 200, 201).chain((n) => fc.constantFrom('a', '😀', '/', 'c/').map((c) => c.repeat(n).slice(0, c === 'c/' ? n : undefined))) },
  { weight: 2, arbitrary: fc.constantFrom('', '/', '///', 'cart/\n8812', 'cart/\u007f', 'cart/\u0085', '\t', 'cart/\u00a08812', 8812, 0, true, [], {}, { type: 'cart', id: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => '/'.repeat(n)) },
  { weight: 1, arbitrary: goodBindingId },
);

function valueArb(a: AttributeDefinition): fc.Arbitrary<unknown> {
  const typed = ((): fc.Arbitrary<unknown> => {
    switch (a.type) {
      case AttributeType.TEXT: {
        const max = a.maxLength!;
        return fc.oneof({ weight: 4, arbitrary: text(Math.min(max, 12)) }, { weight: 2, arbitrary: repeated(max) }, { weight: 2, arbitrary: repeated(max + 1) });
      }
      case AttributeType.NUMBER:
        return fc.oneof(fc.integer(), fc.constantFrom(2 ** 53 - 1, 2 ** 53, 2 ** 60, 1e300, -(2 ** 63), -0, 1.5, '3'), fc.double({ noNaN: true }));
      case AttributeType.DECIMAL:
        return fc.oneof(fc.double({ noNaN: true }), fc.integer(), fc.constantFrom('1.5', false));
      case AttributeType.BOOLEAN:
        return fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1));
      case AttributeType.DATE:
        return dateArb;
      case AttributeType.DATETIME:
        return dateTimeValue;
      case AttributeType.ENTITY_REFERENCE:
        return recordIdArb;
    }
  })();
  return fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongType });
}

const PROTOTYPE_MEMBERS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString'];
const attributeArb = fc
  .record({
    name: fc.oneof(fc.constantFrom(...PROTOTYPE_MEMBERS, 'total', 'note', 'placedAt', 'order'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/)),
    type: fc.constantFrom(...Object.values(AttributeType)),
    required: fc.boolean(),
    maxLength: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(200, MAX_TEXT_MAX_LENGTH)),
  })
  .map(({ name, type, required, maxLength }) =>
    normaliseAttribute({ name, type, required, maxLength: type === AttributeType.TEXT ? maxLength : null, entity: type === AttributeType.ENTITY_REFERENCE ? 'order' : null }),
  );
const writes = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
const definitionArb: fc.Arbitrary<TriggerDefinition> = fc
  .record({
    identity: fc.constantFrom(...Object.values(CustomerIdentity)),
    attributes: fc.uniqueArray(attributeArb, { maxLength: 6, selector: (a) => a.name.toLowerCase() }),
    email: writes,
    phone: writes,
    crm: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  })
  .map(({ identity, attributes, email, phone, crm }) => ({
    title: 'Fuzzed',
    description: '',
    category: TriggerCategory.SIGNAL,
    identity,
    source: 'Fuzz',
    attributes,
    allowedOperations: [
      { identifier: IdentifierKind.EMAIL, read: false, write: email },
      { identifier: IdentifierKind.PHONE, read: false, write: phone },
      { identifier: IdentifierKind.CRM_ID, read: true, write: crm },
    ],
  }))
  .filter((def) => definitionProblems(def).length === 0);

const emailArb = fc.oneof(
  { weight: 4, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.integer({ min: 170, max: 200 }).map((n) => `${'a'.repeat(64)}@${'b'.repeat(n)}.example`) },
  { weight: 2, arbitrary: fc.constantFrom('åsa@example.com', 'a@b', 'a b@example.com', 'a@-b.example', 'A@EXAMPLE.COM', 'a..b@example.com', 'a@b..example', '@example.com', 7) },
);
const phoneArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('+', '0', '1', '9', ' ', '(', ')', '-', 'x', '.'), minLength: 3, maxLength: 34 }),
  fc.constantFrom('+46 70 123 45 67', 46701234567),
);

const daysIn = (year: number, month: number) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
const goodDate = (minYear = 0, maxYear = 9999) =>
  fc
    .tuple(fc.integer({ min: minYear, max: maxYear }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 30 }))
    .map(([y, m, r]) => `${pad(y, 4)}-${pad(m)}-${pad(1 + (r % daysIn(y, m)))}`);
const goodOffset = fc.oneof(
  fc.constantFrom('Z', 'z', '-00:00'),
  fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
);
const goodDateTime = (minYear = 0, maxYear = 9999) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          goodDate(minYear, maxYear),
          fc.constantFrom('T', 'T', 't'),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          fc.integer({ min: 0, max: 59 }),
          fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{1,20}$/)),
          goodOffset,
        )
        .map(([d, sep, h, m, sec, f, o]) => `${d}${sep}${pad(h)}:${pad(m)}:${pad(sec)}${f}${o}`),
    },
    { weight: 1, arbitrary: leapSecondArb },
  );
const goodRecordId = fc.oneof(text(6, 1), fc.integer(), fc.constantFrom(2 ** 53 - 1, -(2 ** 53 - 1), 0), repeated(200));
const goodPhone = fc
  .tuple(fc.constantFrom('', '+'), fc.string({ unit: fc.constantFrom('0', '5', '9', ' ', '(', ')', '-'), minLength: 5, maxLength: 32 }))
  .map(([plus, digits]) => plus + digits);

function goodValue(a: AttributeDefinition): fc.Arbitrary<unknown> {
  switch (a.type) {
    case AttributeType.TEXT:
      return fc.oneof(text(Math.min(a.maxLength!, 12)), repeated(a.maxLength!));
    case AttributeType.NUMBER:
      return fc.oneof(fc.integer(), fc.constantFrom(2 ** 53, 2 ** 60, 1e300, -(2 ** 63), -0));
    case AttributeType.DECIMAL:
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case AttributeType.BOOLEAN:
      return fc.boolean();
    case AttributeType.DATE:
      return goodDate();
    case AttributeType.DATETIME:
      return goodDateTime();
    case AttributeType.ENTITY_REFERENCE:
      return goodRecordId;
  }
}

type Field = { name: string; good: fc.Arbitrary<unknown>; wild: fc.Arbitrary<unknown> };
const optional = (good: fc.Arbitrary<unknown>, absentWeight = 1) =>
  fc.oneof({ weight: absentWeight, arbitrary: fc.constant<unknown>(ABSENT) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: good });

/**
 * Events for one version: each field drawn from a generator of values the rules accept ("good") unless the
 * event mutates it, then from a "wild" one (missing, null, mistyped, malformed, too long, or good after all).
 * About a third of the events mutate nothing; the others mutate one or two fields.
 */
function eventArb(def: TriggerDefinition, key: string, version: number): fc.Arbitrary<Record<string, unknown>> {
  const accepts = (identifier: IdentifierKind) => def.identity === CustomerIdentity.PROFILE && def.allowedOperations.find((op) => op.identifier === identifier)?.write !== false;
  const top: Field[] = [
    { name: 'trigger', good: fc.constant(key), wild: fc.constantFrom(ABSENT, 'other_trigger', '', 7, null) },
    { name: 'version', good: fc.constantFrom(ABSENT, ABSENT, version, null), wild: fc.constantFrom(0, -1, 1.5, String(version), true) },
    { name: 'authId', good: goodRecordId, wild: fc.oneof(recordIdArb, fc.constantFrom(ABSENT, null)) },
    { name: 'contactpoint_email', good: accepts(IdentifierKind.EMAIL) ? optional(fc.emailAddress(), 2) : fc.constant(ABSENT), wild: fc.oneof(emailArb, fc.constant(null)) },
    { name: 'contactpoint_phone', good: accepts(IdentifierKind.PHONE) ? optional(goodPhone, 2) : fc.constant(ABSENT), wild: fc.oneof(phoneArb, fc.constant(null)) },
    { name: 'messageId', good: optional(fc.oneof(text(8, 1), repeated(200))), wild: fc.oneof(text(1), repeated(201), fc.constantFrom(null, 12)) },
    { name: 'bindingId', good: optional(goodBindingId, 2), wild: fc.oneof(bindingIdArb, fc.constant(null)) },
    { name: 'timestamp', good: optional(goodDateTime(1, 2025)), wild: fc.oneof(dateTimeValue, fc.constantFrom(1_764_000_000_000, '')) },
    { name: 'sentAt', good: optional(goodDateTime(1, 2025), 3), wild: dateTimeValue },
  ];
  const attributes: Field[] = def.attributes.map((a) => ({
    name: a.name,
    good: a.required ? goodValue(a) : optional(goodValue(a)),
    wild: fc.oneof(valueArb(a), fc.constant(ABSENT)),
  }));
  const fields = [...top, ...attributes];
  const mutationTargets = [...fields.map((_, i) => i), -1, -2, -3];
  const mutations = fc.oneof(
    { weight: 1, arbitrary: fc.constant<number[]>([]) },
    { weight: 2, arbitrary: fc.uniqueArray(fc.constantFrom(...mutationTargets), { minLength: 1, maxLength: 2 }) },
  );
  return fc
    .record({
      values: fc.tuple(...fields.map((f) => fc.tuple(f.good, f.wild))),
      mutations,
      extraAttribute: fc.tuple(fc.constantFrom('__proto__', 'extra', 'Total', 'constructor', 'toString'), anyJson),
      extraField: fc.tuple(fc.constantFrom('__proto__', 'extra', 'Trigger', 'key', 'constructor', 'prototype'), anyJson),
      attributesShape: fc.constantFrom<unknown>(ABSENT, null, [], 'x', 3),
    })
    .map(({ values, mutations, extraAttribute, extraField, attributesShape }) => {
      const value = (i: number) => (mutations.includes(i) ? values[i][1] : values[i][0]);
      const attributeEntries: [string, unknown][] = attributes.map((f, j) => [f.name, value(top.length + j)]);
      if (mutations.includes(-1)) attributeEntries.unshift(extraAttribute);
      const event: [string, unknown][] = top.map((f, i) => [f.name, value(i)]);
      event.push(['attributes', mutations.includes(-2) ? attributesShape : object(attributeEntries)]);
      if (mutations.includes(-3)) event.push(extraField);
      return object(event);
    });
}

// ── The two verdicts ─────────────────────────────────────────────────────────────────────────────────────────

/** What the real path does for an event whose trigger version exists: the pipeline's prepare(), then the version's validator. */
function serverReasons(validate: EventValidator, key: string, event: Record<string, unknown>, receivedAt: Date): Rejection[] {
  const reasons: Rejection[] = [];
  for (const problem of [eventSizeProblem(event), messageIdProblem(event.messageId), versionProblem(event.version)]) if (problem) reasons.push(problem);
  if (event.trigger !== key) reasons.push({ code: 'UNKNOWN_TRIGGER', field: 'trigger', message: 'not this trigger' });
  const time = occurredAt(event, receivedAt);
  if ('rejection' in time) reasons.push(time.rejection);
  return [...reasons, ...validate(event)];
}

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const receivedAt = new Date('2026-11-28T12:00:00.000Z');
const keyArb = fc.constantFrom('order_placed', 'constructor', 'to_string', 'a');

describe('the server validator and the published JSON Schema agree', () => {
  const ajv = partnerAjv();
  if (process.env.FUZZ_RUNS) console.log(`event-validation fuzz: ${RUNS} cases, seed ${SEED} (replay: FUZZ_SEED=${SEED})`);

  const tally = { accepted: 0, rejected: 0, skipped: 0 };
  afterAll(() => {
    if (process.env.FUZZ_RUNS) console.log(`events: ${tally.accepted} accepted by both, ${tally.rejected} rejected by both, ${tally.skipped} skipped (server-only rules)`);
  });

  it('on the date-time edge cases where validators differ', () => {
    const def: TriggerDefinition = {
      title: 'Edges',
      description: '',
      category: TriggerCategory.SIGNAL,
      identity: CustomerIdentity.CONTACT,
      source: 'Fuzz',
      allowedOperations: [],
      attributes: [normaliseAttribute({ name: 'at', type: AttributeType.DATETIME, required: true })],
    };
    const ajvAccepts = ajv.compile(wire(eventJsonSchema('edges', 1, def)));
    const validate = compileValidator(TriggerKind.CUSTOM, def);
    const verdicts = Object.fromEntries(
      [
        '2016-12-31T23:59:60Z', // leap second
        '2017-01-01T00:59:60+01:00', // the same leap second seen from +01:00
        '2026-01-01T12:59:60Z', // second 60 outside 23:59 UTC
        '2026-01-01T10:00:59.99999999999999999Z', // rounds to second 60 as a double (ajv-formats' arithmetic)
        '2016-12-31T23:59:59.99999999999999999Z', // …which is a leap second at 23:59 UTC
        '2016-12-31T23:59:60.99999999999999999Z', // rounds to second 61
        '2026-01-01 10:00:00Z', // ajv-formats takes a space for T; RFC 3339 does not
        '2026-01-01T10:00:00+0100', // ajv-formats takes offsets without colon
        '2026-01-01T10:00:00+01', // …and without minutes
        '2026-01-01T24:59:60+01:00', // ajv-formats' leap-second branch does not bound the hour
      ].map((at) => {
        const event = { trigger: 'edges', authId: 'a', attributes: { at } };
        const server = validate(event).length === 0;
        expect(ajvAccepts(event), at).toBe(server);
        return [at, server];
      }),
    );
    expect(Object.values(verdicts)).toEqual([true, true, false, false, true, false, false, false, false, false]);
  });

  it(
    `on ${RUNS} generated trigger versions and their events`,
    () => {
      const cases = fc
        .tuple(definitionArb, keyArb, fc.integer({ min: 1, max: 5 }))
        .chain(([def, key, version]) =>
          fc.record({ def: fc.constant(def), key: fc.constant(key), version: fc.constant(version), events: fc.array(eventArb(def, key, version), { minLength: 1, maxLength: 4 }) }),
        );
      fc.assert(
        fc.property(cases, ({ def, key, version, events }) => {
          const schema = wire(eventJsonSchema(key, version, def));
          const ajvAccepts = ajv.compile(schema);
          const validate = compileValidator(TriggerKind.CUSTOM, def);
          for (const event of events.map(wire)) {
            const reasons = serverReasons(validate, key, event, receivedAt);
            if (reasons.some((r) => SERVER_ONLY.has(r.code))) {
              tally.skipped += 1;
              continue;
            }
            const schemaVerdict = ajvAccepts(event);
            tally[schemaVerdict ? 'accepted' : 'rejected'] += 1;
            if (schemaVerdict !== (reasons.length === 0)) {
              throw new Error(
                `disagreement: server ${reasons.length === 0 ? 'accepts' : `rejects (${JSON.stringify(reasons)})`}, ajv ${schemaVerdict ? 'accepts' : `rejects (${JSON.stringify(ajvAccepts.errors)})`}\nevent: ${JSON.stringify(event)}\nattributes: ${JSON.stringify(def.attributes)}`,
              );
            }
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    60_000 + RUNS * 60,
  );
});

describe('the real path agrees too: POST /v1/events against the schema fetched over GraphQL', () => {
  let t: TestServer;
  let admin: GqlClient;
  let ingestionKey: string;
  beforeAll(async () => {
    t = await startTestServer({ env: { INGEST_RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_PER_MINUTE: '1000000' } });
    const ws = await createWorkspace(t);
    admin = await GqlClient.signedIn(t, ws.admin);
    ingestionKey = (await createIngestionKey(admin)).secret;
  });
  afterAll(() => t.close());

  it(`on ${SERVER_RUNS} triggers created through the API`, async () => {
    const ajv = partnerAjv();
    let created = 0;
    const cases = definitionArb.chain((def) => fc.record({ def: fc.constant(def), events: fc.array(eventArb(def, '<key>', 1), { minLength: 1, maxLength: 8 }) }));
    await fc.assert(
      fc.asyncProperty(cases, async ({ def, events }) => {
        created += 1;
        const key = `fuzzed_${created}_${Math.random().toString(36).slice(2, 8)}`;
        const input = {
          title: `Fuzzed ${key}`,
          key,
          category: def.category,
          identity: def.identity,
          source: def.source,
          attributes: def.attributes.map((a) => ({ name: a.name, type: a.type, required: a.required, maxLength: a.maxLength, entity: a.entity })),
          allowedOperations: def.allowedOperations,
        };
        const { createTrigger } = await admin.data(CREATE_TRIGGER, { input });
        const { trigger } = await admin.data(`query($id: ID!) { trigger(id: $id) { currentVersion { number jsonSchema } } }`, { id: createTrigger.trigger.id });
        const ajvAccepts = ajv.compile(trigger.currentVersion.jsonSchema);
        const validate = compileValidator(TriggerKind.CUSTOM, def);
        const now = new Date();
        const sent = events
          .map((e) => wire(e.trigger === '<key>' ? { ...e, trigger: key } : e))
          // The workspace is shared by every case: a repeated messageId would be answered as a duplicate of an earlier event.
          .map((e) => (typeof e.messageId === 'string' && !messageIdProblem(e.messageId) ? { ...e, messageId: randomUUID() } : e))
          .filter((e) => !serverReasons(validate, key, e, now).some((r) => SERVER_ONLY.has(r.code)));
        if (sent.length === 0) return;
        const res = await postEvents(t, ingestionKey, { events: sent });
        expect(res.status, JSON.stringify(res.body)).toBe(202);
        res.body.results.forEach((result: { status: string; reasons: Rejection[] }, i: number) => {
          const schemaVerdict = ajvAccepts(sent[i]);
          if (schemaVerdict !== (result.status === 'ACCEPTED')) {
            throw new Error(
              `disagreement: server ${result.status} ${JSON.stringify(result.reasons)}, ajv ${schemaVerdict ? 'accepts' : `rejects (${JSON.stringify(ajvAccepts.errors)})`}\nevent: ${JSON.stringify(sent[i])}\nattributes: ${JSON.stringify(def.attributes)}`,
            );
          }
        });
      }),
      { seed: SEED, numRuns: SERVER_RUNS },
    );
  }, 600_000);
});
