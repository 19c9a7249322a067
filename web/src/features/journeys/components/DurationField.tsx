import { Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useState } from 'react';

const UNITS = [
  { unit: 'days', seconds: 86_400 },
  { unit: 'hours', seconds: 3_600 },
  { unit: 'minutes', seconds: 60 },
] as const;
type Unit = (typeof UNITS)[number]['unit'];

// The amount and its unit share a row and wrap onto two when the panel is narrow; neither is wider than the panel.
const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, minWidth: 0 },
  amount: { width: '110px', minWidth: 0, flex: '0 1 110px' },
  unit: { minWidth: '120px', flex: '1 1 120px' },
});

/** The largest unit that expresses `seconds` exactly (1 day rather than 24 hours). */
export function unitFor(seconds: number | null | undefined): Unit {
  return UNITS.find((u) => seconds && seconds % u.seconds === 0)?.unit ?? 'hours';
}
const secondsPer = (unit: Unit) => UNITS.find((u) => u.unit === unit)!.seconds;

/** "1 day", "36 hours", "90 minutes". */
export function formatDuration(seconds: number): string {
  const unit = unitFor(seconds);
  const n = seconds / secondsPer(unit);
  return `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
}

/** A duration as a number and a unit (minutes, hours, days), stored in seconds. */
export function DurationField(props: {
  label: string;
  seconds: number | null | undefined;
  disabled: boolean;
  validationMessage?: string;
  onChange: (seconds: number | null) => void;
}) {
  const styles = useStyles();
  const [unit, setUnit] = useState<Unit>(() => unitFor(props.seconds));
  const amount = props.seconds ? String(props.seconds / secondsPer(unit)) : '';
  const emit = (text: string, to: Unit) => props.onChange(text.trim() === '' ? null : Math.round(Number(text) * secondsPer(to)));
  return (
    <Field label={props.label} validationMessage={props.validationMessage} validationState={props.validationMessage ? 'error' : 'none'}>
      <div className={styles.row}>
        <Input className={styles.amount} disabled={props.disabled} type="number" min={0} value={amount} onChange={(_e, d) => emit(d.value, unit)} />
        <Dropdown
          className={styles.unit}
          aria-label={`${props.label}: unit`}
          disabled={props.disabled}
          value={unit}
          selectedOptions={[unit]}
          onOptionSelect={(_e, d) => {
            const next = d.optionValue as Unit;
            setUnit(next);
            emit(amount, next);
          }}
        >
          {UNITS.map((u) => (
            <Option key={u.unit} value={u.unit}>
              {u.unit}
            </Option>
          ))}
        </Dropdown>
      </div>
    </Field>
  );
}
