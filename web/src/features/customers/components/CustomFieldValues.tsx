import type { FieldDefinition } from './CustomerFormDialog';
import { DetailList } from './CustomerIdentity';

const show = (value: unknown) => (value === null || value === undefined ? null : typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value));

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
