import Papa from 'papaparse';

/** A CSV data row as Papa Parse gives it (header → cell). */
export type CsvRecord = Record<string, string>;
/** Which customer field each CSV header fills (a target key such as `email` or `fields.points`), or null to skip it. */
export type ColumnMapping = Record<string, string | null>;
/** One problem of one row, as the server reports it. */
export type RowProblem = { row: number; field: string | null; reason: string; message: string };

/** The server's import row: mapped cells keyed by target; skipped columns are left out. */
export function mapRecord(record: CsvRecord, mapping: ColumnMapping): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [header, target] of Object.entries(mapping)) if (target && record[header] !== undefined) row[target] = record[header];
  return row;
}

/** Two headers mapped to one field: the server would see only one of them. */
export function duplicateTargets(mapping: ColumnMapping): string[] {
  const seen = new Map<string, number>();
  for (const target of Object.values(mapping)) if (target) seen.set(target, (seen.get(target) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([target]) => target);
}

/** The refused rows as a CSV: their original cells, the row number and what was wrong. */
export function refusedCsv(headers: string[], refused: { row: number; record: CsvRecord; problems: RowProblem[] }[]): string {
  return Papa.unparse({
    fields: ['row', ...headers, 'problems'],
    data: refused.map(({ row, record, problems }) => [
      String(row),
      ...headers.map((h) => record[h] ?? ''),
      problems.map((p) => `${p.field ? `${p.field}: ` : ''}${p.message} (${p.reason})`).join('; '),
    ]),
  });
}

/** Groups problems by row number. */
export function problemsByRow(problems: RowProblem[]): Map<number, RowProblem[]> {
  const out = new Map<number, RowProblem[]>();
  for (const p of problems) out.set(p.row, [...(out.get(p.row) ?? []), p]);
  return out;
}
