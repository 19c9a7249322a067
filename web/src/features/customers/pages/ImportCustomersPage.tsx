import { useQuery } from '@apollo/client/react';
import { Button, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar, Select, Spinner, Text, tokens, useId } from '@fluentui/react-components';
import { ArrowLeft20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../../../gql';
import type { CustomerIdentity } from '../../../gql/graphql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotify } from '../../../ui/toast';
import { ImportMappingTable } from '../components/ImportMappingTable';
import { ImportPreview } from '../components/ImportPreview';
import { ImportResult } from '../components/ImportResult';
import { duplicateTargets, mapRecord, problemsByRow, type ColumnMapping, type RowProblem } from '../components/importRows';
import { countCsvRows, readCsvHead, streamCsvImport, withRetry, type CsvHead, type ImportSummary } from '../hooks/csvStream';
import { useImportCustomers } from '../hooks/useImportCustomers';

const IMPORT_MAPPING = graphql(`
  query CustomerImportMapping($headers: [String!]!) {
    customerImportMapping(headers: $headers) {
      suggestions
      targets {
        key
        label
      }
    }
  }
`);

const KINDS: { value: CustomerIdentity; label: string }[] = [
  { value: 'CONTACT', label: 'Contacts' },
  { value: 'LEAD', label: 'Leads' },
  { value: 'PROFILE', label: 'Profiles' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

type Progress = { done: number; cancelling: boolean };

/** A batch is sent again (up to 4 tries) when the server asks to wait or cannot be reached; other errors stop the import. */
function retryDelay(error: unknown, attempts: number): number | null {
  const { code } = errorInfo(error);
  if (attempts >= 4 || (code !== null && code !== 'RATE_LIMITED' && code !== 'UNAVAILABLE')) return null;
  return 1_000 * 2 ** (attempts - 1);
}

/** CSV import: choose a file, map its columns, check a preview against the server's rules, import in batches. */
export function ImportCustomersPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [head, setHead] = useState<CsvHead | null>(null);
  const [readError, setReadError] = useState<unknown>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [kind, setKind] = useState<CustomerIdentity>('CONTACT');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const cancelRef = useRef(false);
  const fileInputId = useId('csv-file');
  const [importCustomers] = useImportCustomers();

  const headers = head?.headers ?? [];
  const mappingQuery = useQuery(IMPORT_MAPPING, { variables: { headers }, skip: headers.length === 0 });
  const targets = mappingQuery.data?.customerImportMapping.targets;
  const suggestions = mappingQuery.data?.customerImportMapping.suggestions;

  // The suggested mapping, with the person's changes on top.
  const [edits, setEdits] = useState<ColumnMapping>({});
  const mapping = useMemo<ColumnMapping | null>(
    () => (head && suggestions ? { ...Object.fromEntries(head.headers.map((h, i) => [h, suggestions[i] ?? null])), ...edits } : null),
    [head, suggestions, edits],
  );

  // The preview is checked by the server (dry run), so the rules live in one place.
  const previewRows = useMemo(() => (head && mapping ? head.preview.map((r) => mapRecord(r, mapping)) : null), [head, mapping]);
  const [checked, setChecked] = useState<{ rows: unknown; kind: CustomerIdentity; problems?: Map<number, RowProblem[]>; error?: unknown } | null>(null);
  useEffect(() => {
    if (!previewRows || previewRows.length === 0) return;
    let current = true;
    importCustomers({ variables: { input: { kind, rows: previewRows, firstRow: 1, dryRun: true } } }).then(
      ({ data }) => current && setChecked({ rows: previewRows, kind, problems: problemsByRow(data?.importCustomers.refused ?? []) }),
      (error: unknown) => current && setChecked({ rows: previewRows, kind, error }),
    );
    return () => {
      current = false;
    };
  }, [previewRows, kind, importCustomers]);
  const fresh = checked?.rows === previewRows && checked?.kind === kind ? checked : null;
  const previewProblems = fresh?.problems ?? null;
  const previewError = fresh?.error ?? null;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setHead(null);
    setEdits({});
    setTotal(null);
    setSummary(null);
    setReadError(null);
    if (!chosen) return;
    readCsvHead(chosen).then(setHead, setReadError);
    countCsvRows(chosen).then(setTotal, setReadError);
  };

  const start = async () => {
    if (!file || !mapping) return;
    cancelRef.current = false;
    setProgress({ done: 0, cancelling: false });
    setSummary(null);
    const result = await streamCsvImport({
      file,
      mapping,
      send: (rows, firstRow) =>
        withRetry(async () => {
          const { data } = await importCustomers({ variables: { input: { kind, rows, firstRow } } });
          if (!data) throw new Error('The server did not answer.');
          return data.importCustomers;
        }, retryDelay),
      onProgress: (done) => setProgress((p) => (p ? { ...p, done } : p)),
      cancelled: () => cancelRef.current,
      describeError: (error) => errorInfo(error).message,
    });
    setProgress(null);
    setSummary(result);
    if (result.error) notify('error', 'The import stopped', result.error);
    else notify(result.cancelled ? 'info' : 'success', result.cancelled ? 'Import cancelled' : 'Import finished', `${result.accepted.toLocaleString()} customers imported.`);
  };

  const duplicates = mapping ? duplicateTargets(mapping) : [];
  const authIdMapped = mapping ? Object.values(mapping).includes('authId') : false;
  const importing = progress !== null;

  return (
    <div className={styles.root}>
      <PageHeader
        title="Import customers"
        description="Upload a CSV file with a header line. Each row creates or updates the customer with its authId; empty cells leave stored values alone."
        actions={
          <Button icon={<ArrowLeft20Regular />} onClick={() => void navigate('/customers')}>
            Back to customers
          </Button>
        }
      />
      <div className={styles.row}>
        <Field label={{ children: 'CSV file', htmlFor: fileInputId }}>
          <input id={fileInputId} type="file" accept=".csv,.txt,text/csv" disabled={importing} onChange={(e) => choose(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label="Import as">
          <Select value={kind} disabled={importing} onChange={(_, data) => setKind(data.value as CustomerIdentity)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {!file && <EmptyState title="Choose a CSV file to start">Columns are matched to customer fields by their header; you can change each match before importing.</EmptyState>}
      {readError != null && <ErrorState title="The file could not be read" error={readError} />}
      {file && !head && readError == null && <Loading label="Reading the file…" />}
      {head && headers.length === 0 && <ErrorState title="No header line" error={new Error('The first line of the file should name its columns.')} />}
      {mappingQuery.error && <ErrorState title="Fields could not be loaded" error={mappingQuery.error} onRetry={() => void mappingQuery.refetch()} />}
      {head && headers.length > 0 && mappingQuery.loading && <Loading label="Matching columns…" />}

      {head && targets && mapping && (
        <>
          <section className={styles.section} aria-labelledby="import-mapping">
            <Text as="h2" id="import-mapping" weight="semibold" size={500}>
              Columns
            </Text>
            <ImportMappingTable headers={headers} sample={head.preview[0]} targets={targets} mapping={mapping} onChange={(h, t) => setEdits({ ...edits, [h]: t })} />
            {!authIdMapped && (
              <MessageBar intent="warning">
                <MessageBarBody>Map one column to authId: it identifies each customer.</MessageBarBody>
              </MessageBar>
            )}
            {duplicates.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>Several columns fill {duplicates.join(', ')}; map each field once.</MessageBarBody>
              </MessageBar>
            )}
          </section>

          <section className={styles.section} aria-labelledby="import-preview">
            <Text as="h2" id="import-preview" weight="semibold" size={500}>
              Preview (first {head.preview.length} rows)
            </Text>
            {head.preview.length === 0 && <EmptyState title="The file has no data rows" />}
            {previewError != null && <ErrorState title="The preview could not be checked" error={previewError} />}
            {head.preview.length > 0 && previewProblems == null && previewError == null && <Spinner size="tiny" label="Checking rows…" />}
            {head.preview.length > 0 && previewProblems && <ImportPreview headers={headers} rows={head.preview} mapping={mapping} problems={previewProblems} />}
          </section>

          <section className={styles.section} aria-labelledby="import-run">
            <Text as="h2" id="import-run" weight="semibold" size={500}>
              Import
            </Text>
            {progress ? (
              <>
                <Field
                  label={`Importing: ${progress.done.toLocaleString()} of ${total != null ? total.toLocaleString() : '…'} rows`}
                  validationState="none"
                  validationMessage={progress.cancelling ? 'Stopping after the current batch…' : undefined}
                >
                  <ProgressBar value={total ? progress.done / total : undefined} max={1} aria-label="Import progress" />
                </Field>
                <div>
                  <Button
                    disabled={progress.cancelling}
                    onClick={() => {
                      cancelRef.current = true;
                      setProgress({ ...progress, cancelling: true });
                    }}
                  >
                    Cancel import
                  </Button>
                </div>
              </>
            ) : (
              <div className={styles.row}>
                <Button
                  appearance="primary"
                  icon={<ArrowUpload20Regular />}
                  disabled={!authIdMapped || duplicates.length > 0 || head.preview.length === 0}
                  onClick={() => void start()}
                >
                  {total != null ? `Import ${total.toLocaleString()} rows` : 'Import'}
                </Button>
                <Text size={200}>Rows are sent in batches of 1,000; rows with problems are refused and listed, the others imported.</Text>
              </div>
            )}
            {summary && file && <ImportResult summary={summary} headers={headers} fileName={file.name} />}
          </section>
        </>
      )}
    </div>
  );
}
