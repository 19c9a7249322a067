import { Button, Dropdown, Field, Input, makeStyles, Option, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { earlierMessageSteps, waitForOf, type DraftGraph, type DraftStep } from './journey-graph';
import { DurationField } from './DurationField';
import { CHANNEL_OF_STEP, INTERACTIONS, SEND_TO, STEP_LABELS } from './labels';
import { ContentPicker, TriggerPicker, type BuilderContent, type BuilderTrigger } from './Pickers';

export type BuilderAttribute = { name: string; type: string; comparators: string[] };

const useStyles = makeStyles({ panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Settings of the selected step; every change goes straight into the draft. */
export function StepPanel(props: {
  graph: DraftGraph;
  step: DraftStep;
  contents: ReadonlyMap<string, BuilderContent>;
  /** Triggers known by id (those the journey references and those picked while editing), to name the current choice. */
  triggers: ReadonlyMap<string, BuilderTrigger>;
  attributes: BuilderAttribute[];
  readOnly: boolean;
  onChange: (step: DraftStep) => void;
  onRemember: (content: BuilderContent) => void;
  onRememberTrigger: (trigger: BuilderTrigger) => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { step, readOnly } = props;
  const set = (patch: Partial<DraftStep>) => props.onChange({ ...step, ...patch });
  const channel = CHANNEL_OF_STEP[step.type];
  const branchStep = step.branchStepId ? props.graph.steps.find((s) => s.id === step.branchStepId) : undefined;
  const branchChannel = branchStep ? CHANNEL_OF_STEP[branchStep.type] : undefined;
  const attribute = props.attributes.find((a) => a.name === step.attribute);
  const waitFor = waitForOf(step);
  /** "Send an email: Initial email reminder (send-email-1)": what the marketer recognises a message step by. */
  const messageStepName = (s: DraftStep) => {
    const what = s.label ?? (s.contentId ? props.contents.get(s.contentId)?.name : undefined);
    return `${STEP_LABELS[s.type]}${what ? `: ${what}` : ''} (${s.id})`;
  };
  return (
    <section className={styles.panel} aria-label="Step settings">
      <Field label="Step">
        <Input readOnly value={`${STEP_LABELS[step.type]} (${step.id})`} />
      </Field>
      <Field label="Label (optional)" hint="Shown on the canvas, e.g. “Initial reminder”.">
        <Input disabled={readOnly} maxLength={80} value={step.label ?? ''} onChange={(_e, d) => set({ label: d.value || null })} />
      </Field>
      {channel && (
        <Field label="Message" hint="Type to search this channel's content.">
          <ContentPicker
            channel={channel}
            selectedId={step.contentId ?? null}
            known={props.contents}
            disabled={readOnly}
            onPick={(content) => {
              props.onRemember(content);
              set({ contentId: content.id });
            }}
          />
        </Field>
      )}
      {(channel === 'EMAIL' || channel === 'TEXT') && (
        <Field label="Send to">
          <Dropdown
            disabled={readOnly}
            placeholder="Choose an address"
            value={SEND_TO[channel].find((o) => o.value === step.sendTo)?.label ?? ''}
            selectedOptions={step.sendTo ? [step.sendTo] : []}
            onOptionSelect={(_e, d) => set({ sendTo: d.optionValue ?? null })}
          >
            {SEND_TO[channel].map((o) => (
              <Option key={o.value} value={o.value}>
                {o.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {step.type === 'IF_THEN' && (
        <>
          <Field label="Wait for">
            <RadioGroup
              disabled={readOnly}
              value={waitFor}
              onChange={(_e, d) =>
                // Switching kind clears what the other kind had chosen.
                set(d.value === 'TRIGGER' ? { waitFor: 'TRIGGER', branchStepId: null, interactionTriggerKey: null } : { waitFor: 'INTERACTION', waitTriggerId: null })
              }
            >
              <Radio value="INTERACTION" label="An interaction with an earlier message" />
              <Radio value="TRIGGER" label="A trigger" />
            </RadioGroup>
          </Field>
          {waitFor === 'TRIGGER' ? (
            <Field label="Trigger to wait for" hint="Yes when it happens within the time limit, no when the limit passes. Only triggers that are ready to use are offered.">
              <TriggerPicker
                selectedId={step.waitTriggerId ?? null}
                known={props.triggers}
                placeholder="Choose a trigger"
                disabled={readOnly}
                onPick={(trigger) => {
                  if (trigger) props.onRememberTrigger(trigger);
                  set({ waitTriggerId: trigger?.id ?? null });
                }}
              />
            </Field>
          ) : (
            <>
              <Field label="Branch off this message">
                <Dropdown
                  disabled={readOnly}
                  placeholder="An earlier message step"
                  value={branchStep ? messageStepName(branchStep) : ''}
                  selectedOptions={step.branchStepId ? [step.branchStepId] : []}
                  onOptionSelect={(_e, d) => set({ branchStepId: d.optionValue ?? null, interactionTriggerKey: null })}
                >
                  {earlierMessageSteps(props.graph, step.id).map((s) => (
                    <Option key={s.id} value={s.id}>
                      {messageStepName(s)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label="Interaction to wait for">
                <Dropdown
                  disabled={readOnly || !branchChannel}
                  placeholder="An interaction"
                  value={branchChannel ? (INTERACTIONS[branchChannel].find((i) => i.key === step.interactionTriggerKey)?.label ?? '') : ''}
                  selectedOptions={step.interactionTriggerKey ? [step.interactionTriggerKey] : []}
                  onOptionSelect={(_e, d) => set({ interactionTriggerKey: d.optionValue ?? null })}
                >
                  {(branchChannel ? INTERACTIONS[branchChannel] : []).map((i) => (
                    <Option key={i.key} value={i.key}>
                      {i.label}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            </>
          )}
          <DurationField label="Time limit (up to 90 days)" seconds={step.withinSeconds} disabled={readOnly} onChange={(withinSeconds) => set({ withinSeconds })} />
        </>
      )}
      {step.type === 'ATTRIBUTE_BRANCH' && (
        <>
          <Field label="Attribute of the start trigger">
            <Dropdown
              disabled={readOnly}
              value={step.attribute ?? ''}
              selectedOptions={step.attribute ? [step.attribute] : []}
              onOptionSelect={(_e, d) => set({ attribute: d.optionValue ?? null, comparator: null })}
            >
              {props.attributes.map((a) => (
                <Option key={a.name} value={a.name}>{`${a.name} (${a.type.toLowerCase()})`}</Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Comparator">
            <Dropdown
              disabled={readOnly || !attribute}
              value={step.comparator?.toLowerCase().replace(/_/g, ' ') ?? ''}
              selectedOptions={step.comparator ? [step.comparator] : []}
              onOptionSelect={(_e, d) => set({ comparator: d.optionValue ?? null })}
            >
              {(attribute?.comparators ?? []).map((c) => (
                <Option key={c} value={c}>
                  {c.toLowerCase().replace(/_/g, ' ')}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={step.comparator === 'BETWEEN' ? 'Values (from, to; comma-separated)' : 'Value'}>
            <Input
              disabled={readOnly}
              value={(step.values ?? []).join(', ')}
              onChange={(_e, d) =>
                set({
                  values: d.value
                    .split(',')
                    .map((v) => v.trim())
                    .filter(Boolean),
                })
              }
            />
          </Field>
        </>
      )}
      {step.type === 'WAIT' && (
        <>
          <DurationField label="Wait for" seconds={step.waitSeconds} disabled={readOnly} onChange={(waitSeconds) => set({ waitSeconds, waitUntil: null })} />
          <Field label="…or until">
            <Input
              disabled={readOnly}
              type="datetime-local"
              value={step.waitUntil ? step.waitUntil.slice(0, 16) : ''}
              onChange={(_e, d) => set({ waitUntil: d.value ? new Date(d.value).toISOString() : null, waitSeconds: d.value ? null : step.waitSeconds })}
            />
          </Field>
        </>
      )}
      {!readOnly && <Button onClick={props.onRemove}>Remove step</Button>}
    </section>
  );
}
