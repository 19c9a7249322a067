import Papa from 'papaparse';
import type { AuditService } from '../audit/audit.service.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { transact } from '../db/transaction.js';
import { badInput } from '../graphql/errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { CustomerField } from './customer-field.entity.js';
import type { PreparedCustomer } from './customer-input.rules.js';
import type { CustomerImportMapping, ImportCustomersInput, ImportCustomersPayload } from './customer-import.inputs.js';
import { IMPORT_LIMITS, importTargets, prepareImportRow, rowFromRecord, suggestMapping, type ImportRefusal, type ImportRow } from './customer-import.rules.js';
import type { CustomerService } from './customer.service.js';
import { CustomerSource } from './customer.types.js';

/**
 * CSV import for the admin app and partners: one call is one batch and one short transaction, so a large
 * file is sent as many calls and never holds the server for long.
 */
export class CustomerImportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly customers: CustomerService,
  ) {}

  async mapping(viewer: Viewer, headers: string[]): Promise<CustomerImportMapping> {
    const fields = await this.fieldDefinitions(workspaceOf(viewer));
    if (headers.length > 200) throw badInput('At most 200 headers.', { reason: 'TOO_MANY_HEADERS', field: 'headers' });
    return { targets: importTargets(fields), suggestions: suggestMapping(headers, fields) };
  }

  async import(viewer: Viewer, input: ImportCustomersInput): Promise<ImportCustomersPayload> {
    const workspaceId = workspaceOf(viewer);
    const fields = await this.fieldDefinitions(workspaceId);
    const { rows, refused } = this.rowsOf(input, fields);
    const firstRow = input.csv != null ? 1 : (input.firstRow ?? 1);
    const fieldTypes = new Map(fields.map((f) => [f.name, f.type]));
    const prepared: PreparedCustomer[] = [];
    rows.forEach(({ row, values }) => {
      const result = prepareImportRow(input.kind, values, fieldTypes);
      if ('problems' in result) for (const p of result.problems) refused.push({ row: firstRow + row, field: p.field, reason: p.reason, message: p.message });
      else prepared.push(result.customer);
    });
    refused.sort((a, b) => a.row - b.row);
    const refusedRows = new Set(refused.map((r) => r.row)).size;
    if (input.dryRun || prepared.length === 0) return { accepted: prepared.length, created: 0, updated: 0, refused };
    const counts = await transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const changes = await this.customers.write(tx, workspaceId, prepared, CustomerSource.IMPORT);
      const byCustomer = new Map(changes.map((c) => [c.customerId, c]));
      const created = [...byCustomer.values()].filter((c) => c.created).length;
      const updated = [...byCustomer.values()].filter((c) => !c.created && c.changed.length > 0).length;
      await this.audit.append(tx, viewer, {
        workspaceId,
        action: 'customer.import',
        targetType: 'Customer',
        targetId: null,
        details: { kind: input.kind, rows: rows.length, accepted: prepared.length, refused: refusedRows, created, updated },
      });
      return { created, updated };
    });
    return { accepted: prepared.length, ...counts, refused };
  }

  /** The call's rows (index from 0) and any refusals found while reading a CSV text. */
  private rowsOf(input: ImportCustomersInput, fields: CustomerField[]): { rows: { row: number; values: ImportRow }[]; refused: ImportRefusal[] } {
    if (input.rows != null && input.csv != null) throw badInput('Send rows or csv, not both.', { reason: 'IMPORT_ROWS_OR_CSV', field: 'csv' });
    if (input.rows != null) {
      if (input.rows.length === 0) throw badInput('Send at least one row.', { reason: 'IMPORT_NOTHING', field: 'rows' });
      if (input.rows.length > IMPORT_LIMITS.rows) throw tooMany('rows');
      return { rows: input.rows.map((values, row) => ({ row, values })), refused: [] };
    }
    if (input.csv == null || input.csv.trim() === '') throw badInput('Send rows or a csv text.', { reason: 'IMPORT_NOTHING', field: 'rows' });
    if (input.csv.length > IMPORT_LIMITS.csvChars)
      throw badInput('The csv text may be at most 1 MB; send larger files as several calls.', { reason: 'IMPORT_CSV_TOO_LARGE', field: 'csv' });
    const parsed = Papa.parse<Record<string, string>>(input.csv, { header: true, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
    if (parsed.data.length > IMPORT_LIMITS.rows) throw tooMany('csv');
    const headers = parsed.meta.fields ?? [];
    const suggested = suggestMapping(headers, fields);
    const columns = new Map<string, string | null>(headers.map((h, i) => [h, suggested[i]]));
    for (const c of input.columns ?? []) columns.set(c.header, c.field ?? null);
    const malformed = new Map<number, string>();
    for (const e of parsed.errors) if (typeof e.row === 'number' && e.type === 'FieldMismatch') malformed.set(e.row, e.message);
    const refused: ImportRefusal[] = [...malformed].map(([row, message]) => ({ row: row + 1, field: null, reason: 'MALFORMED_ROW', message }));
    const rows = parsed.data.map((record, row) => ({ row, values: rowFromRecord(record, columns) })).filter(({ row }) => !malformed.has(row));
    return { rows, refused };
  }

  private fieldDefinitions(workspaceId: string) {
    return this.deps.dataSource.getRepository(CustomerField).find({ where: { workspaceId }, order: { createdAt: 'ASC', name: 'ASC' } });
  }
}

const tooMany = (field: string) =>
  badInput(`One call imports at most ${IMPORT_LIMITS.rows.toLocaleString('en')} rows; send the rest in further calls.`, { reason: 'IMPORT_BATCH_TOO_LARGE', field });
