import Papa from 'papaparse';
import type { AuditEntry } from './audit-entry.entity.js';

/** The most entries one CSV export holds; a larger log is exported in date ranges. */
export const AUDIT_CSV_MAX_ROWS = 50_000;

export const AUDIT_CSV_COLUMNS = ['Time (UTC)', 'Actor', 'Actor type', 'Actor id', 'Action', 'Object type', 'Object id', 'Object name', 'Details', 'Request id'] as const;

/**
 * One header line and one line per entry. Cells a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) are prefixed with a quote, so an object named `=HYPERLINK(…)` stays text.
 */
export function auditCsv(entries: AuditEntry[]): string {
  const rows = entries.map((e) => [
    e.createdAt.toISOString(),
    e.actorName ? `${e.actorName} <${e.actorLabel}>` : e.actorLabel,
    e.actorType,
    e.actorId ?? '',
    e.action,
    e.targetType,
    e.targetId ?? '',
    e.targetName ?? '',
    Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : '',
    e.requestId ?? '',
  ]);
  return Papa.unparse({ fields: [...AUDIT_CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' });
}
