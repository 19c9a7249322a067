import type { JourneyStep } from '../journeys/journey.types.js';
import { CHANNEL_OF_STEP } from '../runtime/run.rules.js';
import type { ContentChannel } from '../content/content.types.js';

/** A summed rollup row: `step` is null for the journey's own counts. */
export type StatRow = { step: string | null; metric: string; reason: string; count: number };
export type ReasonCount = { reason: string; count: number };
export type Granularity = 'HOUR' | 'DAY';

export type Totals = {
  entered: number;
  customers: number;
  active: number;
  waiting: number;
  completed: number;
  exited: number;
  exitedByReason: ReasonCount[];
  stopped: number;
  failed: number;
  refused: number;
  refusedByReason: ReasonCount[];
  goalReached: number;
  goalPercent: number | null;
  goalTarget: number | null;
};
export type Tile = { stepId: string; inflow: number; processing: number; processed: number; exited: number; exitedByReason: ReasonCount[] };
export type MessageStats = {
  stepId: string;
  channel: ContentChannel;
  queued: number;
  sent: number;
  delivered: number;
  opened: number;
  openedHuman: number;
  clicked: number;
  bounced: number;
  blocked: number;
  blockedByReason: ReasonCount[];
  failed: number;
  failedByReason: ReasonCount[];
  cancelled: number;
  deliveryRate: number | null;
  openRate: number | null;
  clickRate: number | null;
};

const ENDS = ['COMPLETED', 'EXITED', 'STOPPED', 'FAILED'];
const STEP_ENDS = ['EXITED', 'STOPPED', 'FAILED'];

/** A ratio, or null when nothing is there to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function sum(rows: StatRow[], metrics: string[]) {
  return rows.filter((r) => metrics.includes(r.metric)).reduce((n, r) => n + r.count, 0);
}

/** Counts by reason, largest first (then by name). */
function byReason(rows: StatRow[], metrics: string[]): ReasonCount[] {
  const m = new Map<string, number>();
  for (const r of rows) if (metrics.includes(r.metric)) m.set(r.reason, (m.get(r.reason) ?? 0) + r.count);
  return [...m].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** The journey's numbers from its rollup sums: open runs are those entered and not ended; waiting ones started waiting and have not stopped. */
export function totalsOf(rows: StatRow[], goalTarget: number | null): Totals {
  const j = rows.filter((r) => r.step === null);
  const entered = sum(j, ['ENTERED']);
  const ended = sum(j, ENDS);
  const waiting = sum(j, ['WAITING_STARTED']) - sum(j, ['WAITING_ENDED']);
  const customers = sum(j, ['CUSTOMERS']);
  const goalReached = sum(j, ['GOAL_REACHED']);
  const goal = rate(goalReached, customers);
  return {
    entered,
    customers,
    active: entered - ended,
    waiting,
    completed: sum(j, ['COMPLETED']),
    exited: sum(j, ['EXITED']),
    exitedByReason: byReason(j, ['EXITED']),
    stopped: sum(j, ['STOPPED']),
    failed: sum(j, ['FAILED']),
    refused: sum(j, ['REFUSED']),
    refusedByReason: byReason(j, ['REFUSED']),
    goalReached,
    goalPercent: goal === null ? null : goal * 100,
    goalTarget,
  };
}

/** Per tile, in the definition's order: processing is what came in and has neither passed on nor ended there. */
export function tilesOf(rows: StatRow[], steps: JourneyStep[]): Tile[] {
  return steps.map((s) => {
    const mine = rows.filter((r) => r.step === s.id);
    const inflow = sum(mine, ['INFLOW']);
    const processed = sum(mine, ['PROCESSED']);
    const exited = sum(mine, STEP_ENDS);
    return { stepId: s.id, inflow, processing: inflow - processed - exited, processed, exited, exitedByReason: byReason(mine, STEP_ENDS) };
  });
}

/** Per message step: the delivery funnel; rates are delivered/sent, opened/delivered, clicked/delivered. */
export function messagesOf(rows: StatRow[], steps: JourneyStep[]): MessageStats[] {
  return steps.flatMap((s) => {
    const channel = CHANNEL_OF_STEP[s.type];
    if (!channel) return [];
    const mine = rows.filter((r) => r.step === s.id);
    const n = (metric: string) => sum(mine, [`MESSAGE_${metric}`]);
    const sent = n('SENT');
    const delivered = n('DELIVERED');
    const opened = n('OPENED');
    const clicked = n('CLICKED');
    return [
      {
        stepId: s.id,
        channel,
        queued: n('QUEUED'),
        sent,
        delivered,
        opened,
        openedHuman: n('OPENED_HUMAN'),
        clicked,
        bounced: n('BOUNCED'),
        blocked: n('BLOCKED'),
        blockedByReason: byReason(mine, ['MESSAGE_BLOCKED']),
        failed: n('FAILED'),
        failedByReason: byReason(mine, ['MESSAGE_FAILED']),
        cancelled: n('CANCELLED'),
        deliveryRate: rate(delivered, sent),
        openRate: rate(opened, delivered),
        clickRate: rate(clicked, delivered),
      },
    ];
  });
}

export const SERIES_METRICS = {
  ENTERED: 'entered',
  COMPLETED: 'completed',
  EXITED: 'exited',
  GOAL_REACHED: 'goalReached',
  REFUSED: 'refused',
  MESSAGE_SENT: 'sent',
  MESSAGE_DELIVERED: 'delivered',
  MESSAGE_OPENED: 'opened',
  MESSAGE_CLICKED: 'clicked',
} as const;
type SeriesKey = (typeof SERIES_METRICS)[keyof typeof SERIES_METRICS];
export type Point = { at: Date } & Record<SeriesKey, number>;

const STEP_MS: Record<Granularity, number> = { HOUR: 3_600_000, DAY: 86_400_000 };
/** At most this many points per series (93 days by hour, 10 years by day). */
export const MAX_POINTS: Record<Granularity, number> = { HOUR: 24 * 93, DAY: 3_660 };

/** The range's start and end, rounded out to whole UTC hours or days. */
export function alignRange(from: Date, to: Date, g: Granularity): { from: Date; to: Date; points: number } {
  const step = STEP_MS[g];
  const start = Math.floor(from.getTime() / step) * step;
  const end = Math.ceil(to.getTime() / step) * step;
  return { from: new Date(start), to: new Date(end), points: Math.max(0, (end - start) / step) };
}

/** Every bucket of the range, zero where nothing happened. */
export function seriesOf(rows: { bucket: Date; metric: string; count: number }[], from: Date, to: Date, g: Granularity): Point[] {
  const step = STEP_MS[g];
  const points: Point[] = [];
  const at = new Map<number, Point>();
  for (let t = from.getTime(); t < to.getTime(); t += step) {
    const p = { at: new Date(t), entered: 0, completed: 0, exited: 0, goalReached: 0, refused: 0, sent: 0, delivered: 0, opened: 0, clicked: 0 };
    points.push(p);
    at.set(t, p);
  }
  for (const r of rows) {
    const key = SERIES_METRICS[r.metric as keyof typeof SERIES_METRICS];
    const p = at.get(new Date(r.bucket).getTime());
    if (key && p) p[key] += r.count;
  }
  return points;
}

/** A CSV cell: quoted, and defused when a spreadsheet would read it as a formula (= + - @, tab, carriage return). */
export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csv(header: string[], rows: (string | number | boolean | Date | null | undefined)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
