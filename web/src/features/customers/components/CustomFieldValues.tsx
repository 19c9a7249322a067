import type { FieldDefinition } from './CustomerFormDialog';
import { DetailList } from './CustomerIdentity';

function show(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The workspace's custom fields with this customer's values (text), then values of fields no longer defined. */
export function CustomFieldValues(props: { fields: Record<string, unknown>; definitions: readonly FieldDefinition[] }) {
  const defined = new Set(props.definitions.map((d) => d.name));
  const others = Object.keys(props.fields).filter((name) => !defined.has(name));
  return (
    <DetailList
      label="Custom fields"
      items={[
        ...props.definitions.map((d): [string, string | null] => [d.label, show(props.fields[d.name])]),
        ...others.map((name): [string, string | null] => [name, show(props.fields[name])]),
      ]}
    />
  );
}
