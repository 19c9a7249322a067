import { describe, expect, it } from 'vitest';
import type { JourneyStep } from '../journeys/journey.types.js';
import { alignRange, csv, csvCell, messagesOf, seriesOf, tilesOf, totalsOf, type StatRow } from './analytics.rules.js';

const step = (id: string, type: string) => ({ id, type }) as unknown as JourneyStep;
const row = (step: string | null, metric: string, count: number, reason = ''): StatRow => ({ step, metric, reason, count });

describe('analytics rules', () => {
  it('totals: open runs are entered minus ended; goal % of unique customers', () => {
    const t = totalsOf(
      [row(null, 'ENTERED', 10), row(null, 'CUSTOMERS', 8), row(null, 'COMPLETED', 3), row(null, 'EXITED', 2, 'EXIT_TRIGGER'), row(null, 'FAILED', 1, 'FAILED')].concat([
        row(null, 'WAITING_STARTED', 6),
        row(null, 'WAITING_ENDED', 4),
        row(null, 'GOAL_REACHED', 2),
        row(null, 'REFUSED', 1, 'A'),
        row(null, 'REFUSED', 3, 'B'),
      ]),
      40,
    );
    expect(t).toMatchObject({ entered: 10, active: 4, waiting: 2, completed: 3, exited: 2, failed: 1, goalReached: 2, goalPercent: 25, goalTarget: 40, refused: 4 });
    expect(t.refusedByReason).toEqual([
      { reason: 'B', count: 3 },
      { reason: 'A', count: 1 },
    ]);
    expect(totalsOf([], null).goalPercent).toBeNull();
  });

  it('tiles: processing is what came in and neither passed on nor ended there', () => {
    const [a, b] = tilesOf([row('a', 'INFLOW', 5), row('a', 'PROCESSED', 3), row('a', 'EXITED', 1, 'EXIT_TRIGGER'), row('b', 'INFLOW', 3)], [step('a', 'WAIT'), step('b', 'WAIT')]);
    expect(a).toMatchObject({ inflow: 5, processing: 1, processed: 3, exited: 1 });
    expect(b).toMatchObject({ inflow: 3, processing: 3, processed: 0, exited: 0 });
  });

  it('messages: rates over sent and delivered, null when nothing to divide by', () => {
    const [m] = messagesOf(
      [row('e', 'MESSAGE_SENT', 10), row('e', 'MESSAGE_DELIVERED', 8), row('e', 'MESSAGE_OPENED', 4), row('e', 'MESSAGE_CLICKED', 2)],
      [step('e', 'SEND_EMAIL'), step('w', 'WAIT')],
    );
    expect(m).toMatchObject({ stepId: 'e', channel: 'EMAIL', deliveryRate: 0.8, openRate: 0.5, clickRate: 0.25 });
    expect(messagesOf([], [step('e', 'SEND_TEXT')])[0]).toMatchObject({ deliveryRate: null, openRate: null, clickRate: null });
  });

  it('series: every bucket of the aligned range, zero-filled', () => {
    const r = alignRange(new Date('2030-01-01T10:20:00Z'), new Date('2030-01-01T12:05:00Z'), 'HOUR');
    expect(r).toMatchObject({ from: new Date('2030-01-01T10:00:00Z'), to: new Date('2030-01-01T13:00:00Z'), points: 3 });
    const s = seriesOf([{ bucket: new Date('2030-01-01T11:00:00Z'), metric: 'ENTERED', count: 4 }], r.from, r.to, 'HOUR');
    expect(s.map((p) => p.entered)).toEqual([0, 4, 0]);
  });

  it('csv: quotes every cell and defuses formulas', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'a"b', null, 'plain'].map(csvCell)).toEqual([`"'=1+1"`, `"'+1"`, `"'-1"`, `"'@SUM(A1)"`, `"'\tx"`, '"a""b"', '""', '"plain"']);
    expect(csv(['a'], [[1]])).toBe('"a"\r\n"1"\r\n');
  });
});
