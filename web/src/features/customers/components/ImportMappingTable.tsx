import { Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ColumnMapping, CsvRecord } from './importRows';

export type ImportTarget = { key: string; label: string };

/** One dropdown per CSV column: which customer field it fills, or none. */
export function ImportMappingTable({
  headers,
  sample,
  targets,
  mapping,
  onChange,
}: {
  headers: string[];
  sample: CsvRecord | undefined;
  targets: ImportTarget[];
  mapping: ColumnMapping;
  onChange: (header: string, target: string | null) => void;
}) {
  return (
    <Table aria-label="Column mapping" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>CSV column</TableHeaderCell>
          <TableHeaderCell>First value</TableHeaderCell>
          <TableHeaderCell>Customer field</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {headers.map((header) => (
          <TableRow key={header}>
            <TableCell>
              <Text weight="semibold">{header}</Text>
            </TableCell>
            <TableCell>
              <Text>{sample?.[header] ?? ''}</Text>
            </TableCell>
            <TableCell>
              <Select aria-label={`Field for column ${header}`} value={mapping[header] ?? ''} onChange={(_, data) => onChange(header, data.value || null)}>
                <option value="">Don’t import</option>
                {targets.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.label}
                  </option>
                ))}
              </Select>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
