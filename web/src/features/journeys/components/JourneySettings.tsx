import { Dropdown, Field, Input, makeStyles, Option, Switch, Tag, TagGroup, tokens } from '@fluentui/react-components';
import { DurationField } from './DurationField';
import { TriggerPicker, type BuilderTrigger } from './Pickers';
/** Validation messages by definition field (`exitTriggerIds[2]` counts as `exitTriggerIds`). */
export type FieldProblems = Partial<Record<string, string[]>>;

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
  ignoreFrequencyCap: boolean;
};

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  exits: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
const local = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '');
const fromLocal = (value: string) => (value ? new Date(value).toISOString() : null);

/** Start, repeat, dates, goal and exits. Only triggers a journey may use (ready, visible, not interactions) are offered. */
export function JourneySettings({
  value,
  known,
  problems = {},
  readOnly,
  onChange,
  onRemember,
}: {
  value: SettingsDraft;
  known: ReadonlyMap<string, BuilderTrigger>;
  problems?: FieldProblems;
  readOnly: boolean;
  onChange: (next: SettingsDraft) => void;
  onRemember: (trigger: BuilderTrigger) => void;
}) {
  const styles = useStyles();
  /** The last validation's problems with a field, shown under it. */
  const invalid = (field: keyof SettingsDraft) => (problems[field]?.length ? { validationMessage: problems[field].join(' '), validationState: 'error' as const } : {});
  const set = (patch: Partial<SettingsDraft>) => onChange({ ...value, ...patch });
  const start = value.startTriggerId ? known.get(value.startTriggerId) : undefined;
  const pickStart = (t: BuilderTrigger | null) => {
    if (t) onRemember(t);
    set({ startTriggerId: t?.id ?? null, startTriggerVersion: t ? Math.max(...t.versions.filter((v) => v.usableNow).map((v) => v.number), 1) : null });
  };
  return (
    <section className={styles.panel} aria-label="Journey settings">
      <Field label="Start trigger" {...invalid('startTriggerId')} hint="Only triggers that are ready to use are offered. Type to search.">
        <TriggerPicker selectedId={value.startTriggerId} known={known} placeholder="Choose a trigger" disabled={readOnly} onPick={pickStart} />
      </Field>
      {start && (
        <Field label="Trigger version" {...invalid('startTriggerVersion')}>
          <Dropdown
            disabled={readOnly}
            value={value.startTriggerVersion ? `v${value.startTriggerVersion}` : ''}
            selectedOptions={value.startTriggerVersion ? [String(value.startTriggerVersion)] : []}
            onOptionSelect={(_e, d) => set({ startTriggerVersion: Number(d.optionValue) })}
          >
            {start.versions.map((v) => (
              <Option key={v.number} value={String(v.number)} text={`v${v.number}`}>{`v${v.number}${v.usableNow ? '' : ' (usable one hour after saving)'}`}</Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label="Repeat">
        <Dropdown
          disabled={readOnly}
          value={{ NOT_ALLOWED: 'Not allowed', IMMEDIATELY: 'Immediately', AFTER: 'After a while' }[value.repeatPolicy] ?? ''}
          selectedOptions={[value.repeatPolicy]}
          onOptionSelect={(_e, d) => set({ repeatPolicy: d.optionValue ?? 'NOT_ALLOWED' })}
        >
          <Option value="NOT_ALLOWED">Not allowed</Option>
          <Option value="IMMEDIATELY">Immediately</Option>
          <Option value="AFTER">After a while</Option>
        </Dropdown>
      </Field>
      {value.repeatPolicy === 'AFTER' && (
        <DurationField
          label="Repeat after"
          seconds={value.repeatAfterSeconds}
          disabled={readOnly}
          validationMessage={problems.repeatAfterSeconds?.join(' ')}
          onChange={(repeatAfterSeconds) => set({ repeatAfterSeconds })}
        />
      )}
      <Field label="Start date and time" {...invalid('startAt')}>
        <Input disabled={readOnly} type="datetime-local" value={local(value.startAt)} onChange={(_e, d) => set({ startAt: fromLocal(d.value) })} />
      </Field>
      <Field label="End date and time (optional)" {...invalid('endAt')}>
        <Input disabled={readOnly} type="datetime-local" value={local(value.endAt)} onChange={(_e, d) => set({ endAt: fromLocal(d.value) })} />
      </Field>
      <Field label="Goal trigger (optional)" {...invalid('goalTriggerId')}>
        <TriggerPicker
          selectedId={value.goalTriggerId}
          known={known}
          placeholder="No goal"
          emptyOption="No goal"
          disabled={readOnly}
          onPick={(t) => {
            if (t) onRemember(t);
            set({ goalTriggerId: t?.id ?? null, goalPercent: t ? (value.goalPercent ?? 50) : null });
          }}
        />
      </Field>
      {value.goalTriggerId && (
        <Field label="Goal: share of customers (%)" {...invalid('goalPercent')}>
          <Input disabled={readOnly} type="number" value={String(value.goalPercent ?? '')} onChange={(_e, d) => set({ goalPercent: d.value === '' ? null : Number(d.value) })} />
        </Field>
      )}
      <Field label="Frequency caps" hint="Channels’ frequency caps limit commercial messages per address. Ignore them only for transactional journeys (receipts, password resets).">
        <Switch
          disabled={readOnly}
          checked={value.ignoreFrequencyCap}
          label="Send even when a recipient reached a channel’s frequency cap"
          onChange={(_e, d) => set({ ignoreFrequencyCap: d.checked })}
        />
      </Field>
      <section className={styles.exits} aria-label="Exit triggers">
        <Field label="Exit when the customer does" {...invalid('exitTriggerIds')}>
          <TriggerPicker
            selectedId={null}
            known={known}
            exclude={value.exitTriggerIds}
            placeholder="Add an exit trigger"
            disabled={readOnly}
            onPick={(t) => {
              if (!t) return;
              onRemember(t);
              set({ exitTriggerIds: [...value.exitTriggerIds, t.id] });
            }}
          />
        </Field>
        {value.exitTriggerIds.length > 0 && (
          <TagGroup aria-label="Chosen exit triggers" onDismiss={(_e, d) => set({ exitTriggerIds: value.exitTriggerIds.filter((x) => x !== d.value) })}>
            {value.exitTriggerIds.map((id) => (
              <Tag key={id} value={id} dismissible={!readOnly} dismissIcon={{ 'aria-label': 'remove' }}>
                {known.get(id)?.title ?? 'Unknown trigger'}
              </Tag>
            ))}
          </TagGroup>
        )}
      </section>
    </section>
  );
}
