/**
 * The event format, decided once. Both the ingestion validator (`ingestion/event-validation.rules.ts`) and the
 * JSON Schema each trigger version publishes (`trigger-schema.ts`) are built from these rules, and a property
 * test (`ingestion/event-validation.fuzz.test.ts`) checks that ajv on the published schema gives every event
 * the same verdict as the server. docs/events.md explains them to senders.
 *
 * 1. Lengths are counted in Unicode code points, as JSON Schema's `maxLength` does: "😀" is one character.
 * 2. `null` in an optional field that the version accepts means "not sent" (many serializers write null for
 *    unset fields). Required fields (`trigger`, `authId`, required attributes) are never null. A field the
 *    version does not accept — contact points of CONTACT/LEAD triggers, identifiers whose writes are not
 *    allowed, unknown fields and attributes — is refused whatever its value, null included.
 * 3. `authId` and ENTITY_REFERENCE values are record ids: a string of 1–200 characters, or a whole number
 *    within ±(2^53 − 1), stored as its decimal text. Larger numbers are refused: JSON parsers round them, so
 *    the id would silently change.
 * 4. NUMBER is any whole number (JSON Schema `integer`: 2^60 and 1e300 too; stored as the JSON number they
 *    parse to). DECIMAL is any number. Both are finite: JSON cannot say NaN or Infinity.
 * 5. DATE is an RFC 3339 full-date (`YYYY-MM-DD`, years 0000–9999) naming a real calendar day.
 * 6. DATETIME, `timestamp` and `sentAt` are RFC 3339 date-times: a real day, `T`, hours 00–23, minutes, and
 *    seconds (required), a fraction of any length, then `Z` or an offset `±hh:mm` up to ±23:59. `t` and `z`
 *    may be lower case, as RFC 3339 allows. Second 60 is a leap second and only valid at 23:59 UTC. The
 *    schema publishes `format: date-time` (which checks the calendar) plus a `pattern` for the syntax, since
 *    validators' date-time formats are looser than RFC 3339 (ajv-formats also takes a space for `T`, `+0100`
 *    and `+01`). Seconds are compared as a double, as ajv-formats does, so a fraction so long that it rounds
 *    up to the next second (59.99999999999999999) counts as that second.
 * 7. `contactpoint_email`: at most 254 characters, ASCII, the `email` format of ajv-formats (copied below).
 *    `contactpoint_phone`: `+`, digits, spaces, parentheses and dashes, 5–32 of them.
 * 8. `attributes` may be left out (or null) when the version has no required attribute.
 * 9. Rules a JSON Schema cannot state stay server-only: an event is at most 32 KiB, the trigger must exist and
 *    not be hidden, a pinned version must exist, and the (clock-corrected) time it happened must lie between
 *    year 1 and five minutes from now.
 * 10. `bindingId` (optional, as in Dynamics 365 Customer Insights – Journeys) names the record an event is
 *    about as `{entityType}/{entityId}`, e.g. `cart/8812`, so later events about the same record (exit, goal,
 *    wait-for-trigger) act on the journey run this event started. It is a string of 1–200 code points with no
 *    control character (Unicode Cc: U+0000–U+001F, U+007F–U+009F) and at least one character that is not `/`;
 *    null means "not sent". Nothing else about its shape is checked; it is stored as sent, top-level in the
 *    payload, where the journey runtime reads it (matching rules: docs/partners.md).
 *    Published as `pattern: BINDING_ID_PATTERN`, written so that it matches in linear time.
 */

export const MAX_ID_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;
/** Whole-number ids beyond this lose digits in JSON parsers. */
export const MAX_NUMERIC_ID = Number.MAX_SAFE_INTEGER;

/** ajv-formats' `email` format (full mode), so the server and the published `format: email` agree. */
export const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
export const PHONE_PATTERN = '^\\+?[0-9 ()-]{5,32}$';
const PHONE = new RegExp(PHONE_PATTERN, 'u');

/** Rule 10: leading slashes, then a character that is neither `/` nor a control character, then no control character. */
export const BINDING_ID_PATTERN = '^/*[^\\u0000-\\u001f\\u007f-\\u009f/][^\\u0000-\\u001f\\u007f-\\u009f]*$';
const BINDING_ID = new RegExp(BINDING_ID_PATTERN, 'u');

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339 date-time syntax; published as the `pattern` next to `format: date-time`. */
export const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}[Tt]([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$';
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?(?:[Zz]|([+-])([01]\d|2[0-3]):([0-5]\d))$/;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Length in code points (a surrogate pair counts once, as in JSON Schema), without allocating. */
export function codePointLength(value: string): number {
  let length = 0;
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 1;
    length += 1;
  }
  return length;
}

/** Whether a string has at most `max` code points; its UTF-16 length bounds the count, so most strings need no scan. */
export function atMostCodePoints(value: string, max: number): boolean {
  if (value.length <= max) return true;
  if (value.length > 2 * max) return false;
  return codePointLength(value) <= max;
}

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const isCalendarDay = (year: number, month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]);

/** RFC 3339 full-date naming a real day (rule 5). */
export function isFullDate(value: string): boolean {
  const m = FULL_DATE.exec(value);
  return m !== null && isCalendarDay(+m[1], +m[2], +m[3]);
}

/** Milliseconds since the epoch of an RFC 3339 date-time (rule 6), or null when it is not one. A leap second reads as 23:59:59.999. */
export function parseDateTime(value: string): number | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes] = m;
  if (!isCalendarDay(+year, +month, +day)) return null;
  const offset = sign ? (sign === '-' ? -1 : 1) * (+offsetHours * 60 + +offsetMinutes) : 0;
  const utcMinutes = +hour * 60 + +minute - offset;
  const seconds = Number(second + (fraction ?? ''));
  const leapMinute = ((utcMinutes % 1440) + 1440) % 1440 === 1439;
  if (!(seconds < 60 || (leapMinute && seconds < 61))) return null;
  const millis = +second >= 60 ? 59_999 : +second * 1000 + Number(((fraction ?? '.').slice(1) + '000').slice(0, 3));
  return new Date(0).setUTCFullYear(+year, +month - 1, +day) + utcMinutes * 60_000 + millis;
}

/** authId and ENTITY_REFERENCE values (rule 3). */
export function isRecordId(value: unknown): boolean {
  if (typeof value === 'string') return value.length > 0 && atMostCodePoints(value, MAX_ID_LENGTH);
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_NUMERIC_ID;
}

export function isContactEmail(value: unknown): boolean {
  return typeof value === 'string' && atMostCodePoints(value, MAX_EMAIL_LENGTH) && EMAIL.test(value);
}

export function isContactPhone(value: unknown): boolean {
  return typeof value === 'string' && PHONE.test(value);
}

/** bindingId (rule 10); null ("not sent") is the caller's to allow. */
export function isBindingId(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && atMostCodePoints(value, MAX_ID_LENGTH) && BINDING_ID.test(value);
}
