import { describe, expect, it } from 'vitest';
import { countCsvRows, readCsvHead, streamCsvImport, withRetry } from './csvStream';

const pad = 'x'.repeat(200);
const file = (n: number) => new File([['id,note', ...Array.from({ length: n }, (_, i) => `id-${i + 1},${pad}`)].join('\n')], 'big.csv', { type: 'text/csv' });

describe('streamCsvImport', () => {
  it('sends a file of several chunks in sequential batches of at most 1,000 rows, numbered from 1', async () => {
    const calls: { size: number; firstRow: number; first: string }[] = [];
    let inFlight = 0;
    const progress: number[] = [];
    const summary = await streamCsvImport({
      file: file(2_500),
      mapping: { id: 'authId', note: null },
      send: async (rows, firstRow) => {
        inFlight += 1;
        expect(inFlight).toBe(1);
        calls.push({ size: rows.length, firstRow, first: rows[0].authId });
        await new Promise((r) => setTimeout(r, 5));
        inFlight -= 1;
        const bad = firstRow + 1;
        return { accepted: rows.length - 1, created: rows.length - 1, updated: 0, refused: [{ row: bad, field: 'authId', reason: 'X', message: 'bad' }] };
      },
      onProgress: (done) => progress.push(done),
      cancelled: () => false,
      describeError: String,
    });
    expect(calls).toEqual([
      { size: 1_000, firstRow: 1, first: 'id-1' },
      { size: 1_000, firstRow: 1_001, first: 'id-1001' },
      { size: 500, firstRow: 2_001, first: 'id-2001' },
    ]);
    expect(progress).toEqual([1_000, 2_000, 2_500]);
    expect(summary).toMatchObject({ rows: 2_500, accepted: 2_497, created: 2_497, cancelled: false });
    expect(summary.refused.map((r) => [r.row, r.record.id])).toEqual([
      [2, 'id-2'],
      [1_002, 'id-1002'],
      [2_002, 'id-2002'],
    ]);
    expect(await countCsvRows(file(2_500))).toBe(2_500);
    expect((await readCsvHead(file(2_500))).preview).toHaveLength(20);
  });

  it('stops after the current batch when cancelled', async () => {
    let sent = 0;
    const summary = await streamCsvImport({
      file: file(3_500),
      mapping: { id: 'authId' },
      send: async (rows) => {
        sent += 1;
        return { accepted: rows.length, created: 0, updated: 0, refused: [] };
      },
      onProgress: () => {},
      cancelled: () => sent >= 2,
      describeError: String,
    });
    expect(summary).toMatchObject({ rows: 2_000, cancelled: true });
  });

  it('stops at a failed batch and says why, counting what was sent before it', async () => {
    let sent = 0;
    const summary = await streamCsvImport({
      file: file(3_500),
      mapping: { id: 'authId' },
      send: async (rows) => {
        sent += 1;
        if (sent === 3) throw new Error('Rate limit exceeded.');
        return { accepted: rows.length, created: rows.length, updated: 0, refused: [] };
      },
      onProgress: () => {},
      cancelled: () => false,
      describeError: (error) => (error as Error).message,
    });
    expect(summary).toMatchObject({ rows: 2_000, accepted: 2_000, cancelled: false, error: 'Rate limit exceeded.' });
    expect(sent).toBe(3);
  });
});

describe('withRetry', () => {
  it('tries again while the error is worth waiting for, then gives up with it', async () => {
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(new Error('busy')) : Promise.resolve('done'));
    expect(await withRetry(flaky, (_, attempts) => (attempts < 3 ? 1 : null))).toBe('done');
    calls = 0;
    await expect(withRetry(flaky, (_, attempts) => (attempts < 2 ? 1 : null))).rejects.toThrow('busy');
    expect(calls).toBe(2);
  });
});
