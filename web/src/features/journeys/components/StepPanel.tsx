import { Button, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Subtitle2, tokens } from '@fluentui/react-components';
import { ArrowDown16Regular, ArrowUp16Regular } from '@fluentui/react-icons';
import { earlierMessageSteps, waitForOf, type DraftGraph, type DraftStep, type Direction } from './journey-graph';
import { DurationField } from './DurationField';
import { CHANNEL_OF_STEP, INTERACTIONS, SEND_TO, STEP_LABELS } from './labels';
import { ContentPicker, TriggerPicker, type BuilderContent, type BuilderTrigger } from './Pickers';
import { AttributeValues } from './AttributeValues';

export type BuilderAttribute = { name: string; type: string; comparators: string[] };

const useStyles = makeStyles({
  // Fields stack at the panel's width: no control is wider than the panel, labels and hints wrap.
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    overflowWrap: 'anywhere',
    '& .fui-Field': { minWidth: 0 },
    '& .fui-Dropdown, & .fui-Combobox': { minWidth: 0, width: '100%', boxSizing: 'border-box' },
    '& .fui-Input': { minWidth: 0, maxWidth: '100%' },
  },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  problems: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

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
  /** The validation problems of this step, in full. */
  problems?: string[];
  /** Where the step can move (up or down its path); the buttons are shown when `onMove` is given. */
  moves?: Record<Direction, boolean>;
  onMove?: (direction: Direction) => void;
}) {
  const styles = useStyles();
  const { step, readOnly } = props;
  const set = (patch: Partial<DraftStep>) => props.onChange({ ...step, ...patch });
  const channel = CHANNEL_OF_STEP[step.type];
  const branchStep = step.branchStepId ? props.graph.steps.find((s) => s.id === step.branchStepId) : undefined;
  const branchChannel = branchStep ? CHANNEL_OF_STEP[branchStep.type] : undefined;
  const attribute = props.attributes.find((a) => a.name === step.attribute);
  const waitFor = waitForOf(step);
  /** "Send an email: Initial email reminder": what the marketer recognises a message step by (never its internal id). */
  const messageStepName = (s: DraftStep) => {
    const what = s.label ?? (s.contentId ? props.contents.get(s.contentId)?.name : undefined);
    return `${STEP_LABELS[s.type]}${what ? `: ${what}` : ''}`;
  };
  const earlier = earlierMessageSteps(props.graph, step.id);
  /** Message steps of the same name are told apart by their place: "Send an email (2nd)". */
  const optionText = (s: DraftStep) => {
    const same = earlier.filter((o) => messageStepName(o) === messageStepName(s));
    const place = same.indexOf(s) + 1;
    return same.length > 1 ? `${messageStepName(s)} (${place}${place === 1 ? 'st' : place === 2 ? 'nd' : place === 3 ? 'rd' : 'th'})` : messageStepName(s);
  };
  return (
    <section className={styles.panel} aria-label="Step settings">
      <Subtitle2 as="h2" className={styles.heading}>
        {STEP_LABELS[step.type]}
      </Subtitle2>
      {props.problems && props.problems.length > 0 && (
        <div className={styles.problems}>
          {props.problems.map((p, i) => (
            <MessageBar key={i} intent="error" layout="multiline">
              <MessageBarBody>{p}</MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
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
                  value={branchStep ? (earlier.includes(branchStep) ? optionText(branchStep) : messageStepName(branchStep)) : ''}
                  selectedOptions={step.branchStepId ? [step.branchStepId] : []}
                  onOptionSelect={(_e, d) => set({ branchStepId: d.optionValue ?? null, interactionTriggerKey: null })}
                >
                  {earlier.map((s) => (
                    <Option key={s.id} value={s.id}>
                      {optionText(s)}
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
          <AttributeValues
            type={attribute?.type ?? 'TEXT'}
            between={step.comparator === 'BETWEEN'}
            values={step.values ?? []}
            disabled={readOnly}
            onChange={(values) => set({ values })}
          />
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
      {!readOnly && (
        <div className={styles.actions}>
          {props.onMove && props.moves && (
            <>
              <Button icon={<ArrowUp16Regular />} disabled={!props.moves.up} onClick={() => props.onMove!('up')}>
                Move up
              </Button>
              <Button icon={<ArrowDown16Regular />} disabled={!props.moves.down} onClick={() => props.onMove!('down')}>
                Move down
              </Button>
            </>
          )}
          <Button onClick={props.onRemove}>Remove step</Button>
        </div>
      )}
    </section>
  );
}
