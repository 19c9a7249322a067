import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { ErrorCircle16Regular } from '@fluentui/react-icons';
import type { ColumnMapping, CsvRecord, RowProblem } from './importRows';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  problem: { display: 'flex', gap: tokens.spacingHorizontalXXS, alignItems: 'flex-start', color: tokens.colorPaletteRedForeground1 },
  bad: { backgroundColor: tokens.colorPaletteRedBackground1 },
});

function Problem({ problem }: { problem: RowProblem }) {
  const styles = useStyles();
  return (
    <Text size={200} className={styles.problem}>
      <ErrorCircle16Regular aria-hidden />
      {problem.message}
    </Text>
  );
}

/** The first rows as they will be imported, each problem shown at the cell it is about (or at the row's end). */
export function ImportPreview({ headers, rows, mapping, problems }: { headers: string[]; rows: CsvRecord[]; mapping: ColumnMapping; problems: Map<number, RowProblem[]> }) {
  const styles = useStyles();
  const mapped = headers.filter((h) => mapping[h]);
  return (
    <div className={styles.scroll}>
      <Table aria-label="Preview" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Row</TableHeaderCell>
            {mapped.map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
            <TableHeaderCell>Problems</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((record, index) => {
            const row = index + 1;
            const rowProblems = problems.get(row) ?? [];
            const elsewhere = rowProblems.filter((p) => !mapped.some((h) => mapping[h] === p.field));
            return (
              <TableRow key={row} aria-label={`Row ${row}`}>
                <TableCell>{row}</TableCell>
                {mapped.map((h) => {
                  const cellProblems = rowProblems.filter((p) => p.field === mapping[h]);
                  return (
                    <TableCell key={h} className={cellProblems.length > 0 ? styles.bad : undefined}>
                      <div>
                        <Text>{record[h]}</Text>
                        {cellProblems.map((p) => (
                          <Problem key={p.reason} problem={p} />
                        ))}
                      </div>
                    </TableCell>
                  );
                })}
                <TableCell>
                  {elsewhere.length === 0 && rowProblems.length === 0 ? <Text size={200}>OK</Text> : elsewhere.map((p) => <Problem key={`${p.field}-${p.reason}`} problem={p} />)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
