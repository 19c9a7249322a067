import { Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ range: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flex: '1 1 140px', minWidth: 0 } } });

/** A stored date-time ("2026-03-01T09:00:00.000Z") as a datetime-local input shows it, in the reader's time zone. */
export function toLocalInput(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** One value of an attribute of `type`, with the control that fits it: date and date-time pickers, numbers, yes/no. */
function ValueInput(props: { label: string; type: string; value: string; disabled: boolean; onChange: (value: string) => void }) {
  switch (props.type) {
    case 'DATE':
      return (
        <Field label={props.label} hint="A date">
          <Input type="date" disabled={props.disabled} value={props.value} onChange={(_e, d) => props.onChange(d.value)} />
        </Field>
      );
    case 'DATETIME':
      return (
        <Field label={props.label} hint="A date and time">
          <Input
            type="datetime-local"
            disabled={props.disabled}
            value={props.value ? toLocalInput(props.value) : ''}
            onChange={(_e, d) => props.onChange(d.value ? new Date(d.value).toISOString() : '')}
          />
        </Field>
      );
    case 'BOOLEAN':
      return (
        <Field label={props.label}>
          <Dropdown
            disabled={props.disabled}
            placeholder="Yes or no"
            value={props.value === 'true' ? 'Yes' : props.value === 'false' ? 'No' : ''}
            selectedOptions={props.value ? [props.value] : []}
            onOptionSelect={(_e, d) => props.onChange(d.optionValue ?? '')}
          >
            <Option value="true">Yes</Option>
            <Option value="false">No</Option>
          </Dropdown>
        </Field>
      );
    case 'NUMBER':
    case 'DECIMAL':
      return (
        <Field label={props.label}>
          <Input type="number" step={props.type === 'NUMBER' ? 1 : 'any'} disabled={props.disabled} value={props.value} onChange={(_e, d) => props.onChange(d.value)} />
        </Field>
      );
    default:
      return (
        <Field label={props.label}>
          <Input disabled={props.disabled} value={props.value} onChange={(_e, d) => props.onChange(d.value)} />
        </Field>
      );
  }
}

/** The value an attribute branch compares with, or for "between" the two ends of the range (From, To), each in its own control. */
export function AttributeValues(props: { type: string; between: boolean; values: string[]; disabled: boolean; onChange: (values: string[]) => void }) {
  const styles = useStyles();
  if (!props.between) {
    return <ValueInput label="Value" type={props.type} value={props.values[0] ?? ''} disabled={props.disabled} onChange={(v) => props.onChange(v ? [v] : [])} />;
  }
  const [from = '', to = ''] = props.values;
  const emit = (next: [string, string]) => props.onChange(next[0] || next[1] ? next : []);
  return (
    <div className={styles.range} role="group" aria-label="Between">
      <ValueInput label="From" type={props.type} value={from} disabled={props.disabled} onChange={(v) => emit([v, to])} />
      <ValueInput label="To" type={props.type} value={to} disabled={props.disabled} onChange={(v) => emit([from, v])} />
    </div>
  );
}
