import { Checkbox, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { AllowedOperationInput, IdentifierKind } from '../../../gql/graphql';
import { IDENTIFIER_LABELS } from './labels';

/** The defaults the server applies: every identifier may send events; only CRM ids may read them back. */
export const DEFAULT_OPERATIONS: AllowedOperationInput[] = [
  { identifier: 'EMAIL', read: false, write: true },
  { identifier: 'PHONE', read: false, write: true },
  { identifier: 'CRM_ID', read: true, write: true },
];

/** Per identifier kind: may external systems read events by it, and send events identified by it? */
export function AllowedOperationsEditor({ value, onChange }: { value: AllowedOperationInput[]; onChange: (next: AllowedOperationInput[]) => void }) {
  const set = (identifier: IdentifierKind, patch: Partial<AllowedOperationInput>) => onChange(value.map((op) => (op.identifier === identifier ? { ...op, ...patch } : op)));
  return (
    <Table aria-label="Allowed operations" size="small" style={{ maxWidth: 520 }}>
      <TableHeader>
        <TableRow>
          {['Identifier', 'External systems may read', 'may send events'].map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {value.map((op) => (
          <TableRow key={op.identifier}>
            <TableCell>{IDENTIFIER_LABELS[op.identifier]}</TableCell>
            <TableCell>
              <Checkbox aria-label={`${IDENTIFIER_LABELS[op.identifier]}: read`} checked={op.read} onChange={(_e, d) => set(op.identifier, { read: Boolean(d.checked) })} />
            </TableCell>
            <TableCell>
              {op.identifier === 'CRM_ID' ? (
                // Every event names its customer by authId (the CRM id), so this one stays on.
                <Checkbox aria-label={`${IDENTIFIER_LABELS[op.identifier]}: send (always on: every event carries authId)`} checked disabled />
              ) : (
                <Checkbox aria-label={`${IDENTIFIER_LABELS[op.identifier]}: send`} checked={op.write} onChange={(_e, d) => set(op.identifier, { write: Boolean(d.checked) })} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
