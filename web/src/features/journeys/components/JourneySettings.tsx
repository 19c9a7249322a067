import { Checkbox, Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import { hours, seconds } from './labels';

export type BuilderTrigger = { id: string; title: string; versions: { number: number; usableNow: boolean }[] };
export type SettingsDraft = {
  startTriggerId: string | null;
  startTriggerVersion: number | null;
  repeatPolicy: string;
  repeatAfterSeconds: number | null;
  startAt: string | null;
  endAt: string | null;
  goalTriggerId: string | null;
  goalPercent: number | null;
  exitTriggerIds: string[];
};

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: { display: 'flex', flexDirection: 'column', border: 'none', padding: 0, margin: 0 },
});
const local = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '');
const fromLocal = (value: string) => (value ? new Date(value).toISOString() : null);

/** Start, repeat, dates, goal and exits. Only triggers that can start journeys (ready, visible, not interactions) are offered. */
export function JourneySettings({ value, triggers, readOnly, onChange }: { value: SettingsDraft; triggers: BuilderTrigger[]; readOnly: boolean; onChange(next: SettingsDraft): void }) {
  const styles = useStyles();
  const set = (patch: Partial<SettingsDraft>) => onChange({ ...value, ...patch });
  const start = triggers.find((t) => t.id === value.startTriggerId);
  const title = (id: string | null) => triggers.find((t) => t.id === id)?.title ?? '';
  return (
    <section className={styles.panel} aria-label="Journey settings">
      <Field label="Start trigger" hint="Only triggers that are ready to use are offered.">
        <Dropdown disabled={readOnly} placeholder="Choose a trigger" value={title(value.startTriggerId)} selectedOptions={value.startTriggerId ? [value.startTriggerId] : []} onOptionSelect={(_e, d) => { const t = triggers.find((x) => x.id === d.optionValue); set({ startTriggerId: d.optionValue ?? null, startTriggerVersion: t ? Math.max(...t.versions.filter((v) => v.usableNow).map((v) => v.number), 1) : null }); }}>
          {triggers.map((t) => <Option key={t.id} value={t.id}>{t.title}</Option>)}
        </Dropdown>
      </Field>
      {start && (
        <Field label="Trigger version">
          <Dropdown disabled={readOnly} value={value.startTriggerVersion ? `v${value.startTriggerVersion}` : ''} selectedOptions={value.startTriggerVersion ? [String(value.startTriggerVersion)] : []} onOptionSelect={(_e, d) => set({ startTriggerVersion: Number(d.optionValue) })}>
            {start.versions.map((v) => <Option key={v.number} value={String(v.number)} text={`v${v.number}`}>{`v${v.number}${v.usableNow ? '' : ' (usable one hour after saving)'}`}</Option>)}
          </Dropdown>
        </Field>
      )}
      <Field label="Repeat">
        <Dropdown disabled={readOnly} value={{ NOT_ALLOWED: 'Not allowed', IMMEDIATELY: 'Immediately', AFTER: 'After a while' }[value.repeatPolicy] ?? ''} selectedOptions={[value.repeatPolicy]} onOptionSelect={(_e, d) => set({ repeatPolicy: d.optionValue ?? 'NOT_ALLOWED' })}>
          <Option value="NOT_ALLOWED">Not allowed</Option>
          <Option value="IMMEDIATELY">Immediately</Option>
          <Option value="AFTER">After a while</Option>
        </Dropdown>
      </Field>
      {value.repeatPolicy === 'AFTER' && <Field label="Repeat after (hours)"><Input disabled={readOnly} type="number" value={hours(value.repeatAfterSeconds)} onChange={(_e, d) => set({ repeatAfterSeconds: seconds(d.value) })} /></Field>}
      <Field label="Start date and time"><Input disabled={readOnly} type="datetime-local" value={local(value.startAt)} onChange={(_e, d) => set({ startAt: fromLocal(d.value) })} /></Field>
      <Field label="End date and time (optional)"><Input disabled={readOnly} type="datetime-local" value={local(value.endAt)} onChange={(_e, d) => set({ endAt: fromLocal(d.value) })} /></Field>
      <Field label="Goal trigger (optional)">
        <Dropdown disabled={readOnly} placeholder="No goal" value={title(value.goalTriggerId)} selectedOptions={value.goalTriggerId ? [value.goalTriggerId] : []} onOptionSelect={(_e, d) => set({ goalTriggerId: d.optionValue ?? null, goalPercent: value.goalPercent ?? 50 })}>
          {triggers.map((t) => <Option key={t.id} value={t.id}>{t.title}</Option>)}
        </Dropdown>
      </Field>
      {value.goalTriggerId && <Field label="Goal: share of customers (%)"><Input disabled={readOnly} type="number" value={String(value.goalPercent ?? '')} onChange={(_e, d) => set({ goalPercent: d.value === '' ? null : Number(d.value) })} /></Field>}
      {/* A fieldset, not a Field: Field hands its one control id to every checkbox inside it. */}
      <fieldset className={styles.fieldset} aria-label="Exit triggers">
        <legend>Exit when the customer does</legend>
        {triggers.map((t) => (
          <Checkbox key={t.id} disabled={readOnly} label={t.title} checked={value.exitTriggerIds.includes(t.id)} onChange={(_e, d) => set({ exitTriggerIds: d.checked ? [...value.exitTriggerIds, t.id] : value.exitTriggerIds.filter((x) => x !== t.id) })} />
        ))}
      </fieldset>
    </section>
  );
}
