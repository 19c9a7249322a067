import Papa from 'papaparse';
import { mapRecord, problemsByRow, type ColumnMapping, type CsvRecord, type RowProblem } from '../components/importRows';

/** The server takes at most this many rows per call; each call is one short transaction. */
export const BATCH_ROWS = 1_000;
/** Requests stay well under the server's 2 MB body limit even with wide rows. */
const BATCH_BYTES = 1_500_000;
const PARSE: Papa.ParseConfig = { header: true, skipEmptyLines: 'greedy' };

export type CsvHead = { headers: string[]; preview: CsvRecord[] };

/** The header line and the first rows of a file, without reading the rest. */
export function readCsvHead(file: File, rows = 20): Promise<CsvHead> {
  return new Promise((resolve, reject) => {
    Papa.parse<CsvRecord>(file, {
      ...PARSE,
      preview: rows,
      complete: (results) => resolve({ headers: (results.meta.fields ?? []).filter((h) => h !== ''), preview: results.data }),
      error: reject,
    });
  });
}

/** How many data rows a file has, read in chunks without keeping them. */
export function countCsvRows(file: File): Promise<number> {
  let count = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<CsvRecord>(file, {
      ...PARSE,
      chunk: (results) => {
        count += results.data.length;
      },
      complete: () => resolve(count),
      error: reject,
    });
  });
}

export type BatchResult = { accepted: number; created: number; updated: number; refused: RowProblem[] };
export type ImportSummary = {
  rows: number;
  accepted: number;
  created: number;
  updated: number;
  refused: { row: number; record: CsvRecord; problems: RowProblem[] }[];
  cancelled: boolean;
  /** Why the import stopped early (a batch failed); the rows before it were sent. */
  error?: string;
};

type Options = {
  file: File;
  mapping: ColumnMapping;
  /** Sends one batch; rows are numbered from firstRow (1 is the first line after the header). */
  send: (rows: Record<string, string>[], firstRow: number) => Promise<BatchResult>;
  onProgress: (rowsDone: number) => void;
  cancelled: () => boolean;
  /** Turns a failed batch or an unreadable file into a message for people. */
  describeError: (error: unknown) => string;
};

/**
 * Streams a CSV file to the server: Papa Parse reads it in chunks and pauses while the chunk's rows go out in
 * sequential batches of at most 1,000, so neither the browser nor the server holds the whole file. A failed batch
 * stops the import; the summary then says why and counts what was sent before it.
 */
export function streamCsvImport({ file, mapping, send, onProgress, cancelled, describeError }: Options): Promise<ImportSummary> {
  const summary: ImportSummary = { rows: 0, accepted: 0, created: 0, updated: 0, refused: [], cancelled: false };
  let pending: CsvRecord[] = [];

  const sendBatch = async (records: CsvRecord[], firstRow: number): Promise<void> => {
    const rows = records.map((r) => mapRecord(r, mapping));
    if (records.length > 1 && JSON.stringify(rows).length > BATCH_BYTES) {
      const half = Math.ceil(records.length / 2);
      await sendBatch(records.slice(0, half), firstRow);
      await sendBatch(records.slice(half), firstRow + half);
      return;
    }
    const result = await send(rows, firstRow);
    summary.accepted += result.accepted;
    summary.created += result.created;
    summary.updated += result.updated;
    for (const [row, problems] of problemsByRow(result.refused)) summary.refused.push({ row, record: records[row - firstRow] ?? {}, problems });
    summary.rows += records.length;
    onProgress(summary.rows);
  };

  /** Sends full batches (all of them when `final`); false when cancelled. */
  const drain = async (final: boolean): Promise<boolean> => {
    while (pending.length >= BATCH_ROWS || (final && pending.length > 0)) {
      if (cancelled()) return false;
      const batch = pending.slice(0, BATCH_ROWS);
      pending = pending.slice(BATCH_ROWS);
      await sendBatch(batch, summary.rows + 1);
    }
    return true;
  };

  return new Promise((resolve) => {
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      if (error) summary.error = describeError(error);
      resolve(summary);
    };
    Papa.parse<CsvRecord>(file, {
      ...PARSE,
      chunkSize: 256 * 1024,
      chunk: (results, parser) => {
        parser.pause();
        pending.push(...results.data);
        drain(false).then(
          (going) => {
            if (going) return parser.resume();
            summary.cancelled = true;
            finish();
            parser.abort();
          },
          (error: unknown) => {
            finish(error);
            parser.abort();
          },
        );
      },
      complete: () => {
        if (settled) return;
        drain(true).then((going) => {
          summary.cancelled = !going;
          finish();
        }, finish);
      },
      error: (error) => finish(error),
    });
  });
}

/**
 * Runs `attempt` again while `delayFor` gives a wait (a rate limit, an unavailable database, a dropped
 * connection). Importing a batch twice is harmless: rows are upserts by authId.
 */
export async function withRetry<T>(attempt: () => Promise<T>, delayFor: (error: unknown, attempts: number) => number | null): Promise<T> {
  for (let attempts = 1; ; attempts += 1) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delayFor(error, attempts);
      if (delay === null) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
