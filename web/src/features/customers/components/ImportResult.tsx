import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ImportSummary } from '../hooks/csvStream';
import { refusedCsv } from './importRows';

const PAGE = 100;
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** What an import did: counts, and every refused row with its reasons, downloadable as a CSV. */
export function ImportResult({ summary, headers, fileName }: { summary: ImportSummary; headers: string[]; fileName: string }) {
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  const refusedRows = summary.refused.length;
  return (
    <div className={styles.root}>
      <MessageBar intent={summary.error ? 'error' : summary.cancelled || refusedRows > 0 ? 'warning' : 'success'}>
        <MessageBarBody>
          <MessageBarTitle>{summary.error ? 'Import stopped' : summary.cancelled ? 'Import cancelled' : 'Import finished'}</MessageBarTitle>
          {summary.error && <>{summary.error} Rows after the ones counted here were not sent; import the rest again (rows already imported are updated, not duplicated). </>}
          {summary.rows.toLocaleString()} rows sent: {summary.accepted.toLocaleString()} imported ({summary.created.toLocaleString()} new, {summary.updated.toLocaleString()}{' '}
          updated), {refusedRows.toLocaleString()} refused.
        </MessageBarBody>
      </MessageBar>
      {refusedRows > 0 && (
        <>
          <div className={styles.actions}>
            <Button icon={<ArrowDownload20Regular />} onClick={() => download(`${fileName.replace(/\.csv$/i, '')}-refused.csv`, refusedCsv(headers, summary.refused))}>
              Download refused rows (CSV)
            </Button>
          </div>
          <Table aria-label="Refused rows" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Row</TableHeaderCell>
                <TableHeaderCell>Field</TableHeaderCell>
                <TableHeaderCell>Reason</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.refused.slice(0, shown).flatMap(({ row, problems }) =>
                problems.map((p, i) => (
                  <TableRow key={`${row}-${i}`}>
                    <TableCell>{row}</TableCell>
                    <TableCell>{p.field ?? '—'}</TableCell>
                    <TableCell>
                      <Text>{p.message}</Text> <Text size={200}>({p.reason})</Text>
                    </TableCell>
                  </TableRow>
                )),
              )}
            </TableBody>
          </Table>
          {shown < refusedRows && (
            <div>
              <Button onClick={() => setShown((n) => n + PAGE)}>Show more refused rows ({(refusedRows - shown).toLocaleString()} left)</Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
