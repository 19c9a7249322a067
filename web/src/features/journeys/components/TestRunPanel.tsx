import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Text, Textarea, tokens } from '@fluentui/react-components';
import { Delete16Regular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { graphql } from '../../../gql';
import type { JourneyDefinitionInput, SimulateJourneyMutation, SimulationScriptKind } from '../../../gql/graphql';
import { errorInfo } from '../../../ui/errors';
import { DurationField } from './DurationField';
import { CHANNEL_OF_STEP, INTERACTIONS, STEP_LABELS } from './labels';
import { describeEntry, formatOffset, parseSample, scriptTriggerIds, visitedSteps, type Names, type StepLike } from './test-run';
import { useSimulateJourney } from '../hooks/useSimulateJourney';
import { problemText } from './step-summary';

const SAMPLE = graphql(`
  query TestRunSample($triggerId: ID!, $number: Int!, $pinned: Boolean!) {
    trigger(id: $triggerId) {
      id
      currentVersion {
        id
        sampleAttributes
      }
      version(number: $number) @include(if: $pinned) {
        id
        sampleAttributes
      }
    }
  }
`);

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalM },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  columns: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sample: { fontFamily: tokens.fontFamilyMonospace, minHeight: '120px' },
  frame: { width: '100%', height: '240px', border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: '#fff' },
  mark: { outline: `3px solid ${tokens.colorPaletteGreenBorder2}`, borderRadius: tokens.borderRadiusMedium },
});

type Row = { key: number; afterSeconds: number | null; kind: SimulationScriptKind; stepId: string; interaction: string; triggerId: string; bindingId: string };
type Simulation = SimulateJourneyMutation['simulateJourney'];
let rowKeys = 0;

/**
 * "Test run": the marketer sets the start event, an optional binding and what happens when, and the server plays
 * the journey on a virtual clock (nothing is sent or stored). Drafts are tested as edited, unsaved changes included.
 */
export function TestRunPanel(props: {
  journeyId: string;
  definition: JourneyDefinitionInput;
  /** Test the saved journey (published ones) rather than the definition as edited. */
  saved: boolean;
  contentNames: ReadonlyMap<string, string>;
  triggerNames: ReadonlyMap<string, string>;
  onVisited: (stepIds: ReadonlySet<string>) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const def = props.definition;
  const start = def.startTriggerId;
  const sample = useQuery(SAMPLE, {
    skip: !start,
    variables: { triggerId: start ?? '', number: def.startTriggerVersion ?? 0, pinned: def.startTriggerVersion != null },
  });
  const version = sample.data?.trigger.version ?? sample.data?.trigger.currentVersion;
  const [sampleText, setSampleText] = useState<string | null>(null);
  const shownSample = sampleText ?? JSON.stringify(version?.sampleAttributes ?? {}, null, 2);
  const parsed = parseSample(shownSample);
  const [bindingId, setBindingId] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [result, setResult] = useState<Simulation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [simulate, { loading }] = useSimulateJourney();

  const steps = def.steps ?? [];
  const messageSteps = steps.filter((s) => CHANNEL_OF_STEP[s.type]);
  const triggerIds = scriptTriggerIds(def);
  const stepText = (s: StepLike) => {
    const content = s.contentId ? props.contentNames.get(String(s.contentId)) : undefined;
    return `${s.label ?? STEP_LABELS[s.type]}${content ? ` — ${content}` : ''}`;
  };
  const names: Names = { steps: new Map(steps.map((s) => [s.id, s])), contents: props.contentNames, triggers: props.triggerNames };
  const update = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const incomplete = rows.some((r) => r.afterSeconds === null || (r.kind === 'INTERACTION' ? !r.stepId || !r.interaction : !r.triggerId));

  const run = async () => {
    if ('error' in parsed) return;
    setFailure(null);
    try {
      const res = await simulate({
        variables: {
          input: {
            ...(props.saved ? { journeyId: props.journeyId } : { definition: def }),
            sampleEvent: parsed.value,
            bindingId: bindingId.trim() || null,
            script: rows.map((r) => ({
              afterSeconds: r.afterSeconds ?? 0,
              kind: r.kind,
              ...(r.kind === 'INTERACTION' ? { stepId: r.stepId, interaction: r.interaction } : { triggerId: r.triggerId, bindingId: r.bindingId.trim() || null }),
            })),
          },
        },
      });
      const sim = res.data!.simulateJourney;
      setResult(sim);
      props.onVisited(visitedSteps(sim.path, sim.endStepId));
    } catch (e) {
      setResult(null);
      setFailure(errorInfo(e).message);
    }
  };

  return (
    <Card className={styles.panel} aria-label="Test run">
      <div className={styles.header}>
        <Text weight="semibold" size={400}>
          Test run
        </Text>
        <Button onClick={props.onClose}>Close test run</Button>
      </div>
      <Text size={200}>Plays the journey for one sample customer on a virtual clock: nothing is sent or stored.</Text>
      <div className={styles.columns}>
        <div className={styles.column}>
          <Field
            label="Start event attributes (JSON)"
            validationState={'error' in parsed ? 'error' : 'none'}
            validationMessage={'error' in parsed ? parsed.error : undefined}
            hint={sample.error ? 'The start trigger’s sample could not be loaded; enter the attributes yourself.' : undefined}
          >
            <Textarea className={styles.sample} resize="vertical" value={shownSample} onChange={(_e, d) => setSampleText(d.value)} />
          </Field>
          <Field label="bindingId of the start event (optional)" hint='For example "cart/8812"; later triggers act on the run only when their binding agrees.'>
            <Input value={bindingId} onChange={(_e, d) => setBindingId(d.value)} />
          </Field>
          <Text weight="semibold">What happens</Text>
          {rows.length === 0 && <Text size={200}>Nothing yet: the customer never interacts and no trigger happens.</Text>}
          {rows.map((r, i) => (
            <div key={r.key} className={styles.row} role="group" aria-label={`Happening ${i + 1}`}>
              <DurationField label="After" seconds={r.afterSeconds} disabled={false} onChange={(s) => update(r.key, { afterSeconds: s })} />
              <Field label="What">
                <Dropdown
                  value={r.kind === 'INTERACTION' ? 'An interaction' : 'A trigger happens'}
                  selectedOptions={[r.kind]}
                  onOptionSelect={(_e, d) => update(r.key, { kind: d.optionValue as SimulationScriptKind })}
                >
                  <Option value="INTERACTION">An interaction</Option>
                  <Option value="TRIGGER">A trigger happens</Option>
                </Dropdown>
              </Field>
              {r.kind === 'INTERACTION' ? (
                <InteractionFields row={r} steps={messageSteps} stepText={stepText} onChange={(c) => update(r.key, c)} />
              ) : (
                <>
                  <Field label="Trigger">
                    <Dropdown
                      placeholder={triggerIds.length ? 'Choose a trigger' : 'No goal, exit or wait trigger'}
                      value={r.triggerId ? (props.triggerNames.get(r.triggerId) ?? r.triggerId) : ''}
                      selectedOptions={r.triggerId ? [r.triggerId] : []}
                      onOptionSelect={(_e, d) => update(r.key, { triggerId: d.optionValue ?? '' })}
                    >
                      {triggerIds.map((id) => (
                        <Option key={id} value={id}>
                          {props.triggerNames.get(id) ?? id}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                  <Field label="bindingId">
                    <Input value={r.bindingId} placeholder="none" onChange={(_e, d) => update(r.key, { bindingId: d.value })} />
                  </Field>
                </>
              )}
              <Button icon={<Delete16Regular />} aria-label={`Remove happening ${i + 1}`} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} />
            </div>
          ))}
          <div className={styles.row}>
            <Button
              onClick={() =>
                setRows((rs) => [
                  ...rs,
                  { key: (rowKeys += 1), afterSeconds: 3_600, kind: 'INTERACTION', stepId: messageSteps[0]?.id ?? '', interaction: '', triggerId: '', bindingId: '' },
                ])
              }
            >
              Add a happening
            </Button>
            <Button appearance="primary" disabled={loading || 'error' in parsed || incomplete} onClick={() => void run()}>
              {loading ? 'Running…' : 'Run test'}
            </Button>
          </div>
        </div>
        <div className={styles.column} aria-live="polite">
          {failure && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{failure}</MessageBarBody>
            </MessageBar>
          )}
          {result ? (
            <Outcome
              result={result}
              names={names}
              stepText={(id) => {
                const st = steps.find((x) => x.id === id);
                return st ? stepText(st) : 'A removed step';
              }}
            />
          ) : (
            !failure && <Text size={200}>Run the test to see the customer’s path.</Text>
          )}
        </div>
      </div>
    </Card>
  );
}

function InteractionFields(props: { row: Row; steps: StepLike[]; stepText: (s: StepLike) => string; onChange: (c: Partial<Row>) => void }) {
  const step = props.steps.find((s) => s.id === props.row.stepId);
  const channel = step ? CHANNEL_OF_STEP[step.type] : undefined;
  const options = channel ? INTERACTIONS[channel] : [];
  return (
    <>
      <Field label="With the message of">
        <Dropdown
          placeholder="Choose a message step"
          value={step ? props.stepText(step) : ''}
          selectedOptions={step ? [step.id] : []}
          onOptionSelect={(_e, d) => props.onChange({ stepId: d.optionValue ?? '', interaction: '' })}
        >
          {props.steps.map((s) => (
            <Option key={s.id} value={s.id} text={props.stepText(s)}>
              {props.stepText(s)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Interaction">
        <Dropdown
          placeholder="Choose"
          disabled={!channel}
          value={options.find((o) => o.key === props.row.interaction)?.label ?? ''}
          selectedOptions={props.row.interaction ? [props.row.interaction] : []}
          onOptionSelect={(_e, d) => props.onChange({ interaction: d.optionValue ?? '' })}
        >
          {options.map((o) => (
            <Option key={o.key} value={o.key}>
              {o.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </>
  );
}

function Outcome({ result, names, stepText }: { result: Simulation; names: Names; stepText: (stepId: string) => string }) {
  const styles = useStyles();
  const zero = Date.parse(result.startedAt);
  const offset = (at: string) => formatOffset(Date.parse(at) - zero);
  if (result.endStatus === null)
    return (
      <MessageBar intent="warning" role="alert">
        <MessageBarBody>
          The journey cannot be test-run yet:
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>{problemText(p, names.steps, names.contents)}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  const took = result.endedAt ? Date.parse(result.endedAt) - zero : null;
  const ended = took === null ? '' : took > 0 ? ` after ${formatOffset(took).slice(1)}` : ' at once';
  const summary: Record<string, string> = {
    COMPLETED: `Completed${ended}`,
    EXITED: `Exited${ended}`,
    FAILED: `Failed${ended}`,
    WAITING: 'Still waiting when the test run stopped',
    ACTIVE: 'Still moving when the test run stopped',
    STOPPED: `Stopped${ended}`,
  };
  const lines: ReactNode[] = [];
  result.path.forEach((entry, i) => {
    const text = describeEntry(entry, names);
    if (text) lines.push(<li key={i}>{`${offset(entry.at)}: ${text}`}</li>);
  });
  return (
    <>
      <div className={styles.row}>
        <Badge appearance="tint" color={result.endStatus === 'COMPLETED' ? 'success' : result.endStatus === 'EXITED' ? 'warning' : 'informative'}>
          {summary[result.endStatus]}
        </Badge>
        {result.goalReachedAt && (
          <Badge appearance="tint" color="brand">
            Goal reached {offset(result.goalReachedAt)}
          </Badge>
        )}
      </div>
      {result.problems.map((p, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{problemText(p, names.steps, names.contents)}</MessageBarBody>
        </MessageBar>
      ))}
      <ol aria-label="Test run path">{lines}</ol>
      <Text weight="semibold">Messages ({result.messages.length})</Text>
      {result.messages.map((m) => {
        return (
          <Card key={m.stepId} aria-label={`Message of ${m.stepId}`}>
            <Text size={200}>
              {offset(m.at)} · {stepText(m.stepId)}
            </Text>
            {m.subject !== null && <Text weight="semibold">{m.subject}</Text>}
            {m.title !== null && <Text weight="semibold">{m.title}</Text>}
            {m.body !== null && <Text>{m.body}</Text>}
            {m.htmlBody !== null && <iframe className={styles.frame} title={`Email of ${stepText(m.stepId)}`} sandbox="" srcDoc={m.htmlBody} />}
          </Card>
        );
      })}
    </>
  );
}

/** Outlines a canvas tile the test run passed through; renders the tile unchanged otherwise. */
export function TestRunMark(props: { visited: boolean; children: ReactNode }) {
  const styles = useStyles();
  if (!props.visited) return <>{props.children}</>;
  return (
    <div className={styles.mark} data-testrun-visited="true">
      {props.children}
    </div>
  );
}
