import { registerEnumType } from 'type-graphql';

/** Days of the week, as quiet hours name them (the day a window starts on). */
export enum Weekday {
  MON = 'MON',
  TUE = 'TUE',
  WED = 'WED',
  THU = 'THU',
  FRI = 'FRI',
  SAT = 'SAT',
  SUN = 'SUN',
}
/** Index by JavaScript's getUTCDay() (0 = Sunday). */
const WEEKDAYS_BY_JS_DAY = [Weekday.SUN, Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI, Weekday.SAT];

/** Whose clock quiet hours are read on. */
export enum QuietHoursTimeZone {
  /** The customer's time zone; the workspace's when the customer has none (or an unknown one). */
  CUSTOMER = 'CUSTOMER',
  /** Always the workspace's time zone. */
  WORKSPACE = 'WORKSPACE',
}

registerEnumType(Weekday, {
  name: 'Weekday',
  description: 'A day of the week.',
  valuesConfig: {
    MON: { description: 'Monday.' },
    TUE: { description: 'Tuesday.' },
    WED: { description: 'Wednesday.' },
    THU: { description: 'Thursday.' },
    FRI: { description: 'Friday.' },
    SAT: { description: 'Saturday.' },
    SUN: { description: 'Sunday.' },
  },
});
registerEnumType(QuietHoursTimeZone, {
  name: 'QuietHoursTimeZone',
  description: 'Whose clock quiet hours are read on.',
  valuesConfig: {
    CUSTOMER: { description: 'The customer’s time zone; the workspace’s when the customer has none.' },
    WORKSPACE: { description: 'Always the workspace’s time zone.' },
  },
});

/** Limits on commercial messages per contact point over rolling windows; null: no limit on that window. */
export type FrequencyCap = { per24h: number | null; per7d: number | null; per30d: number | null };
/** A daily window ("21:00"–"08:00" wraps midnight); `days` are the days it starts on, empty: every day. */
export type QuietHours = { start: string; end: string; days: Weekday[]; timeZoneMode: QuietHoursTimeZone };

export const MAX_CAP = 1000;
const DAY_MS = 86_400_000;
/** The cap windows, shortest first, with their length. */
export const CAP_WINDOWS = [
  { key: 'per24h', label: '24H', ms: DAY_MS },
  { key: 'per7d', label: '7D', ms: 7 * DAY_MS },
  { key: 'per30d', label: '30D', ms: 30 * DAY_MS },
] as const;
export type CapWindow = (typeof CAP_WINDOWS)[number]['label'];

export type PolicyProblem = { field: string; reason: string; message: string };

export function frequencyCapProblems(cap: FrequencyCap): PolicyProblem[] {
  return CAP_WINDOWS.flatMap(({ key }) => {
    const v = cap[key];
    return v === null || (Number.isInteger(v) && v > 0 && v <= MAX_CAP)
      ? []
      : [{ field: key, reason: 'CAP_OUT_OF_RANGE', message: `A frequency cap is a whole number from 1 to ${MAX_CAP}.` }];
  });
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (hhmm: string) => {
  const m = HHMM.exec(hhmm)!;
  return Number(m[1]) * 60 + Number(m[2]);
};

export function quietHoursProblems(q: Pick<QuietHours, 'start' | 'end' | 'days'>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const field of ['start', 'end'] as const)
    if (!HHMM.test(q[field])) problems.push({ field, reason: 'INVALID_TIME', message: 'Times are HH:MM on a 24-hour clock, e.g. 21:00.' });
  if (problems.length === 0 && q.start === q.end) problems.push({ field: 'end', reason: 'EMPTY_WINDOW', message: 'Quiet hours end at a different time than they start.' });
  if (new Set(q.days).size !== q.days.length) problems.push({ field: 'days', reason: 'DUPLICATE_DAY', message: 'Each day is listed once.' });
  return problems;
}

/** The first window whose limit `sent` (messages already taken by a provider within each window) has reached; null: under every limit. */
export function capReached(cap: FrequencyCap, sent: Record<CapWindow, number>): CapWindow | null {
  for (const w of CAP_WINDOWS) {
    const limit = cap[w.key];
    if (limit !== null && sent[w.label] >= limit) return w.label;
  }
  return null;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `at`. */
export function wallClock(at: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** How far `timeZone` is ahead of UTC at `at`, in ms. */
function offsetMs(at: number, timeZone: string) {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in `timeZone` on a calendar day (month 1–12; day may overflow, Date.UTC
 * normalises it). Across DST: a time the clocks skip (02:30 on a spring-forward day) is read with the offset before
 * the change, so it lands as much after the gap (03:30); a time that happens twice (autumn) is its first occurrence.
 */
export function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const local = Date.UTC(year, month - 1, day, 0, minutes);
  const before = offsetMs(local - DAY_MS, timeZone);
  const after = offsetMs(local + DAY_MS, timeZone);
  const valid = [...new Set([before, after])].map((o) => local - o).filter((t) => offsetMs(t, timeZone) === local - t);
  return new Date(valid.length > 0 ? Math.min(...valid) : local - before);
}

/**
 * When the quiet window `now` falls in ends, in `timeZone`; null when `now` is outside every window. A window
 * starts at `start` on one of `days` (every day when empty) and ends at `end` that day, or the next when it wraps
 * midnight (end ≤ start). The end is exclusive: a message due exactly at it goes.
 */
export function quietUntil(q: QuietHours, now: Date, timeZone: string): Date | null {
  const start = minutesOf(q.start);
  const end = minutesOf(q.end);
  const wraps = end <= start;
  const today = wallClock(now.getTime(), timeZone);
  const t = now.getTime();
  // A window that holds `now` started today, or yesterday if it wraps midnight.
  for (const back of wraps ? [1, 0] : [0]) {
    const startDay = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    if (q.days.length > 0 && !q.days.includes(WEEKDAYS_BY_JS_DAY[startDay.getUTCDay()])) continue;
    const y = startDay.getUTCFullYear();
    const m = startDay.getUTCMonth() + 1;
    const d = startDay.getUTCDate();
    const from = zonedInstant(y, m, d, start, timeZone).getTime();
    const until = zonedInstant(y, m, d + (wraps ? 1 : 0), end, timeZone);
    if (from <= t && t < until.getTime()) return until;
  }
  return null;
}

/** The zone quiet hours are read in for one customer. */
export function quietTimeZone(mode: QuietHoursTimeZone, customerZone: string | null, workspaceZone: string): string {
  switch (mode) {
    case QuietHoursTimeZone.CUSTOMER:
      return customerZone && isTimeZone(customerZone) ? customerZone : workspaceZone;
    case QuietHoursTimeZone.WORKSPACE:
      return workspaceZone;
  }
}
