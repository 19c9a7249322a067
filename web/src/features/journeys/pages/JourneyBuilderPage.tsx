import { useQuery } from '@apollo/client/react';
import { Button, Card, makeStyles, MessageBar, MessageBarBody, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { Edit16Regular } from '@fluentui/react-icons';
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { getFragmentData, graphql } from '../../../gql';
import type { JourneyDefinitionInput, StepType } from '../../../gql/graphql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { AppLink } from '../../../ui/AppLink';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorInfo } from '../../../ui/errors';
import { formatCount } from '../../../ui/format';
import { useNotify } from '../../../ui/toast';
import { UnsavedChangesGuard } from '../../../ui/UnsavedChanges';
import { BranchPlacementDialog } from '../components/BranchPlacementDialog';
import { JourneyCanvas } from '../components/JourneyCanvas';
import {
  asksPlacement,
  insertStep,
  isBranch,
  moveStep,
  movesOf,
  newStepId,
  removeStep,
  type Direction,
  type DraftGraph,
  type Placement,
  type Slot,
} from '../components/journey-graph';
import { JourneyNameDialog } from '../components/JourneyNameDialog';
import { JourneySettings, type FieldProblems, type SettingsDraft } from '../components/JourneySettings';
import type { BuilderContent, BuilderTrigger } from '../components/Pickers';
import { STEP_LABELS } from '../components/labels';
import { RunSummary_journey } from '../components/RunSummary';
import { StepPanel } from '../components/StepPanel';
import { problemText, stepName, stepSummary } from '../components/step-summary';
import { TestRunPanel } from '../components/TestRunPanel';
import { useDuplicateJourney } from '../hooks/useDuplicateJourney';
import { useJourneyRunsLive } from '../hooks/useJourneyRunsLive';
import { useMessageOpens } from '../hooks/useMessageOpens';
import { BuilderContentFields, BuilderTriggerFields } from '../hooks/usePickers';
import { usePublishJourney } from '../hooks/usePublishJourney';
import { useSaveJourney } from '../hooks/useSaveJourney';
import { useStopJourney } from '../hooks/useStopJourney';
import { useValidateJourney } from '../hooks/useValidateJourney';
import { JourneyAnalyticsTab } from './JourneyAnalyticsTab';
import { JourneyRunsTab } from './JourneyRunsTab';
import { JourneyStatusBadge } from './JourneysPage';

const BUILDER = graphql(`
  query JourneyBuilder($id: ID!) {
    journey(id: $id) {
      id
      name
      status
      revision
      definition {
        startTriggerId
        startTriggerVersion
        repeatPolicy
        repeatAfterSeconds
        startAt
        endAt
        goalTriggerId
        goalPercent
        exitTriggerIds
        ignoreFrequencyCap
        firstStepId
        steps {
          id
          type
          label
          next
          yes
          no
          contentId
          sendTo
          branchStepId
          interactionTriggerKey
          waitTriggerId
          withinSeconds
          attribute
          comparator
          values
          waitSeconds
          waitUntil
        }
      }
      stepCounts {
        stepId
        entered
        waiting
        passedOn
        exited
      }
      ...RunSummary_journey
    }
  }
`);

const REFERENCES = graphql(`
  query JourneyReferences($triggerIds: [ID!], $contentIds: [ID!]) {
    triggers(first: 100, filter: { ids: $triggerIds, includeHidden: true }) {
      nodes {
        ...BuilderTriggerFields
      }
    }
    contents(first: 100, filter: { ids: $contentIds }) {
      nodes {
        ...BuilderContentFields
      }
    }
  }
`);

type Problem = { code: string; message: string; stepId?: string | null; field?: string | null };
type Draft = SettingsDraft & DraftGraph;

const useStyles = makeStyles({
  header: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginBottom: tokens.spacingVerticalM, flexWrap: 'wrap' },
  // Canvas and side panel side by side; on narrow screens the panel goes full width below the canvas.
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 360px',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    marginTop: tokens.spacingVerticalM,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalL },
  },
  // The panel scrolls inside itself beside the canvas.
  side: {
    minWidth: 0,
    boxSizing: 'border-box',
    overflowX: 'hidden',
    '@media (min-width: 901px)': { position: 'sticky', top: 0, maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' },
  },
  tabs: { marginBottom: tokens.spacingVerticalM },
  banner: { marginBottom: tokens.spacingVerticalM },
});

type TabId = 'design' | 'runs' | 'analytics';

/** Vertical canvas: start, the steps with a + between tiles, branches side by side; a side panel edits the selection. */
export function JourneyBuilderPage() {
  const styles = useStyles();
  const notify = useNotify();
  const navigate = useNavigate();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(BUILDER, { variables: { id } });
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const side = useRef<HTMLDivElement>(null);
  /** Opens a step (or, with null, the journey's settings) in the side panel; on a narrow screen the panel is below the canvas, so it scrolls into view. */
  const open = (stepId: string | null) => {
    setSelected(stepId);
    if (window.matchMedia?.('(max-width: 900px)').matches) setTimeout(() => side.current?.scrollIntoView({ block: 'start' }), 0);
  };
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [confirming, setConfirming] = useState<'publish' | 'stop' | null>(null);
  const [renaming, setRenaming] = useState(false);
  // A branch being inserted in the middle of a path waits here while the marketer says where the following steps go.
  const [placing, setPlacing] = useState<{ slot: Slot; type: StepType } | null>(null);
  // Test run: null while its panel is closed, else the steps the last test run visited (highlighted on the canvas).
  const [testRun, setTestRun] = useState<ReadonlySet<string> | null>(null);
  const [save, saving] = useSaveJourney();
  const [validate] = useValidateJourney();
  const [publish, publishing] = usePublishJourney();
  const [stop] = useStopJourney();
  const [duplicate] = useDuplicateJourney();
  const journey = data?.journey;
  // Live and stopped journeys have runs: a Runs tab (in the address) and counts that follow the server.
  const running = journey?.status === 'LIVE' || journey?.status === 'STOPPED';
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: TabId = running && (asked === 'runs' || asked === 'analytics') ? asked : 'design';
  const live = useJourneyRunsLive(id, running);
  // The canvas of a running journey shows each message's open rate, live; the Analytics tab follows its own.
  const opens = useMessageOpens(id, running && tab === 'design');
  // Names and versions of what the saved definition references, plus whatever the marketer picks while editing.
  const savedDefinition = journey?.definition;
  const references = useQuery(REFERENCES, {
    skip: !savedDefinition,
    variables: {
      triggerIds: savedDefinition
        ? [savedDefinition.startTriggerId, savedDefinition.goalTriggerId, ...savedDefinition.exitTriggerIds, ...savedDefinition.steps.map((st) => st.waitTriggerId)].filter(
            (x): x is string => !!x,
          )
        : [],
      contentIds: savedDefinition ? savedDefinition.steps.map((st) => st.contentId).filter((x): x is string => !!x) : [],
    },
  });
  const [pickedTriggers, setPickedTriggers] = useState<ReadonlyMap<string, BuilderTrigger>>(new Map());
  const [pickedContents, setPickedContents] = useState<ReadonlyMap<string, BuilderContent>>(new Map());
  const knownTriggers = useMemo(
    () => new Map([...getFragmentData(BuilderTriggerFields, references.data?.triggers.nodes ?? []).map((t) => [t.id, t] as const), ...pickedTriggers]),
    [references.data, pickedTriggers],
  );
  const knownContents = useMemo(
    () => new Map([...getFragmentData(BuilderContentFields, references.data?.contents.nodes ?? []).map((c) => [c.id, c] as const), ...pickedContents]),
    [references.data, pickedContents],
  );
  // A newly loaded revision (or status) replaces the draft; adjusted while rendering, as React recommends over an effect.
  const [draftOf, setDraftOf] = useState<string | null>(null);
  const loaded = journey ? `${journey.id}:${journey.revision}:${journey.status}` : null;
  if (journey && loaded !== draftOf) {
    setDraftOf(loaded);
    setName(journey.name);
    setDraft({ ...journey.definition, steps: journey.definition.steps.map((s) => ({ ...s })) });
    setDirty(false);
  }

  if (loading && !data) return <Loading label="Loading journey…" />;
  if (error || !journey || !draft) return <ErrorState error={error} onRetry={() => void refetch()} title="Could not load this journey" />;
  const readOnly = journey.status !== 'DRAFT' || !can('journeys:write');
  const change = (next: Draft) => {
    setDraft(next);
    setDirty(true);
    setProblems(null);
  };
  const contentNames = new Map([...knownContents.values()].map((c) => [c.id, c.name]));
  const triggerNames = new Map([...knownTriggers.values()].map((t) => [t.id, t.title]));
  const start = draft.startTriggerId ? knownTriggers.get(draft.startTriggerId) : undefined;
  const attributes = start?.versions.find((v) => v.number === (draft.startTriggerVersion ?? Math.max(...start.versions.map((x) => x.number))))?.attributes ?? [];
  const stepsById = new Map(draft.steps.map((s) => [s.id, s]));
  // Problems speak of steps by name: a message quoting a step's internal id gets the step's name instead.
  const problemsOf = (stepId: string | null) => (problems ?? []).filter((p) => (p.stepId ?? null) === stepId).map((p) => problemText(p, stepsById, contentNames));
  const fieldProblems: FieldProblems = {};
  for (const p of problems ?? []) {
    const field = p.field?.replace(/\[\d+\]$/, '');
    if (!p.stepId && field) (fieldProblems[field] ??= []).push(p.message);
  }

  const add = (slot: Slot, type: StepType, placement?: Placement) => {
    if (!placement && isBranch(type) && asksPlacement(draft, slot)) {
      // Opened once the add menu has closed and given focus back, so the dialog then takes the focus.
      setTimeout(() => setPlacing({ slot, type }), 0);
      return;
    }
    const stepId = newStepId(type, new Set(draft.steps.map((s) => s.id)));
    change({ ...draft, ...insertStep(draft, slot, { id: stepId, type }, placement) });
    setSelected(stepId);
  };
  const nameOf = (step: DraftGraph['steps'][number]) => stepName(step, contentNames);
  const move = (stepId: string, direction: Direction) => {
    const result = moveStep(draft, stepId, direction, nameOf);
    if ('refused' in result) notify('error', 'Can’t move this step', result.refused);
    else change({ ...draft, ...result.graph });
  };
  const toInput = (): JourneyDefinitionInput => ({
    startTriggerId: draft.startTriggerId,
    startTriggerVersion: draft.startTriggerVersion,
    repeatPolicy: draft.repeatPolicy as JourneyDefinitionInput['repeatPolicy'],
    repeatAfterSeconds: draft.repeatAfterSeconds,
    startAt: draft.startAt,
    endAt: draft.endAt,
    goalTriggerId: draft.goalTriggerId,
    goalPercent: draft.goalPercent,
    exitTriggerIds: draft.exitTriggerIds,
    ignoreFrequencyCap: draft.ignoreFrequencyCap,
    firstStepId: draft.firstStepId,
    steps: draft.steps.map(
      ({
        id: stepId,
        type,
        label,
        next,
        yes,
        no,
        contentId,
        sendTo,
        branchStepId,
        interactionTriggerKey,
        waitTriggerId,
        withinSeconds,
        attribute,
        comparator,
        values,
        waitSeconds,
        waitUntil,
      }) => ({
        id: stepId,
        type,
        label,
        next,
        yes,
        no,
        contentId,
        sendTo: sendTo as never,
        branchStepId,
        interactionTriggerKey,
        waitTriggerId,
        withinSeconds,
        attribute,
        comparator: comparator as never,
        values,
        waitSeconds,
        waitUntil,
      }),
    ),
  });
  const saveDraft = async () => {
    await save({ variables: { input: { id, baseRevision: journey.revision, name, definition: toInput() } } });
    setDirty(false);
  };
  const runValidation = async () => {
    try {
      if (dirty) await saveDraft();
      const result = await validate({ variables: { input: { id } } });
      setProblems(result.data!.validateJourney.problems);
      notify(
        result.data!.validateJourney.valid ? 'success' : 'error',
        result.data!.validateJourney.valid ? 'Ready to publish' : `${formatCount(result.data!.validateJourney.problems.length, 'problem')} to fix`,
      );
    } catch (e) {
      notify('error', 'Could not validate', errorInfo(e).message);
    }
  };
  const doPublish = async () => {
    setConfirming(null);
    try {
      if (dirty) await saveDraft();
      await publish({ variables: { input: { id } } });
      notify('success', 'Journey published', 'It is live and can no longer be changed.');
    } catch (e) {
      const info = errorInfo(e);
      const listed = (e as { errors?: { extensions?: { problems?: Problem[] } }[] }).errors?.[0]?.extensions?.problems;
      if (listed) setProblems(listed);
      // The problems are marked on the canvas and the settings; the server's sentence may quote a step's internal id.
      notify('error', 'Not published', listed ? `${formatCount(listed.length, 'problem')} to fix, marked on the canvas.` : info.message);
    }
  };
  const doStop = async () => {
    setConfirming(null);
    try {
      await stop({ variables: { input: { id } } });
      notify('success', 'Journey stopped', 'No new customers enter it. Duplicate it to run it again.');
    } catch (e) {
      notify('error', 'Could not stop', errorInfo(e).message);
    }
  };
  const doDuplicate = async () => {
    try {
      const result = await duplicate({ variables: { input: { id } } });
      void navigate(`/journeys/${result.data!.duplicateJourney.journey.id}`);
      notify('success', 'Duplicated', 'This draft is a copy you can edit.');
    } catch (e) {
      notify('error', 'Could not duplicate', errorInfo(e).message);
    }
  };
  const doSave = async () => {
    try {
      await saveDraft();
      notify('success', 'Saved');
    } catch (e) {
      notify('error', 'Could not save', errorInfo(e).message);
    }
  };

  const stepCounts = running ? new Map(journey.stepCounts.map((c) => [c.stepId, c])) : null;
  const failed = running ? getFragmentData(RunSummary_journey, journey).runCounts.failed : 0;
  const nameOfStep = (stepId: string | null | undefined) => {
    const step = stepId ? stepsById.get(stepId) : undefined;
    return step ? step.label || STEP_LABELS[step.type] : stepId ? 'A removed step' : '—';
  };
  const selectTab = (next: TabId) => setParams(next === 'design' ? {} : { tab: next }, { replace: true });
  const selectedStep = draft.steps.find((s) => s.id === selected);

  return (
    <>
      <div className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          {name}
        </Title2>
        <JourneyStatusBadge status={journey.status} />
        {!readOnly && (
          <Button appearance="subtle" size="small" icon={<Edit16Regular />} onClick={() => setRenaming(true)}>
            Rename
          </Button>
        )}
      </div>
      <div className={styles.bar}>
        {journey.status === 'DRAFT' && can('journeys:write') && (
          <>
            <Button disabled={!dirty || saving.loading} onClick={doSave}>
              Save
            </Button>
            <Button onClick={runValidation}>Check</Button>
            <Button appearance="primary" disabled={publishing.loading} onClick={() => setConfirming('publish')}>
              Publish
            </Button>
          </>
        )}
        {journey.status === 'LIVE' && can('journeys:write') && <Button onClick={() => setConfirming('stop')}>Stop</Button>}
        {journey.status !== 'DRAFT' && can('journeys:write') && <Button onClick={doDuplicate}>Duplicate</Button>}
        <Button aria-expanded={testRun !== null} onClick={() => setTestRun(testRun ? null : new Set())}>
          Test run
        </Button>
      </div>
      {failed > 0 && (
        <MessageBar intent="error" className={styles.banner}>
          <MessageBarBody>
            {failed === 1 ? '1 run failed' : `${failed} runs failed`} — <AppLink to="?tab=runs&status=FAILED">see Runs</AppLink>
          </MessageBarBody>
        </MessageBar>
      )}
      {running && (
        <TabList className={styles.tabs} aria-label="Journey views" selectedValue={tab} onTabSelect={(_e, d) => selectTab(d.value as TabId)}>
          <Tab id="journey-tab-design" value="design" aria-controls="journey-tabpanel">
            Design
          </Tab>
          <Tab id="journey-tab-runs" value="runs" aria-controls="journey-tabpanel">
            Runs
          </Tab>
          <Tab id="journey-tab-analytics" value="analytics" aria-controls="journey-tabpanel">
            Analytics
          </Tab>
        </TabList>
      )}
      {tab === 'analytics' ? (
        <div role="tabpanel" id="journey-tabpanel" aria-labelledby="journey-tab-analytics">
          <JourneyAnalyticsTab journeyId={journey.id} steps={draft.steps} stepName={nameOfStep} />
        </div>
      ) : tab === 'runs' ? (
        <div role="tabpanel" id="journey-tabpanel" aria-labelledby="journey-tab-runs">
          <JourneyRunsTab
            journeyId={journey.id}
            journey={journey}
            goal={{ triggerId: journey.definition.goalTriggerId, percent: journey.definition.goalPercent }}
            steps={draft.steps}
            stepName={nameOfStep}
            refresh={live.refresh}
          />
        </div>
      ) : (
        <div role={running ? 'tabpanel' : undefined} id={running ? 'journey-tabpanel' : undefined} aria-labelledby={running ? 'journey-tab-design' : undefined}>
          {journey.status !== 'DRAFT' && (
            <MessageBar intent="info">
              <MessageBarBody>This journey has been published and is read-only. Duplicate it to make changes.</MessageBarBody>
            </MessageBar>
          )}
          {problemsOf(null).length > 0 && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{problemsOf(null).join(' ')}</MessageBarBody>
            </MessageBar>
          )}
          {testRun && (
            <TestRunPanel
              journeyId={journey.id}
              definition={toInput()}
              saved={journey.status !== 'DRAFT'}
              contentNames={contentNames}
              triggerNames={triggerNames}
              onVisited={setTestRun}
              onClose={() => setTestRun(null)}
            />
          )}
          <div className={styles.layout}>
            <JourneyCanvas
              graph={draft}
              readOnly={readOnly}
              selected={selected}
              onSelect={open}
              startText={start ? `When “${start.title}” happens` : 'Choose a start trigger'}
              settingsNeedAttention={Object.keys(fieldProblems).length > 0}
              nameOf={nameOf}
              summaryOf={(step) => stepSummary(step, contentNames, triggerNames, stepsById)}
              problemsOf={problemsOf}
              countsOf={stepCounts ? (stepId) => stepCounts.get(stepId) ?? { entered: 0, waiting: 0, passedOn: 0, exited: 0 } : undefined}
              opensOf={running ? (stepId) => opens?.get(stepId) : undefined}
              visited={testRun}
              onAdd={add}
              onMove={move}
            />
            <Card className={styles.side} ref={side}>
              {selectedStep ? (
                <StepPanel
                  graph={draft}
                  step={selectedStep}
                  contents={knownContents}
                  triggers={knownTriggers}
                  attributes={attributes}
                  readOnly={readOnly}
                  onChange={(step) => change({ ...draft, steps: draft.steps.map((s) => (s.id === step.id ? step : s)) })}
                  onRemember={(content) => setPickedContents((m) => new Map(m).set(content.id, content))}
                  onRememberTrigger={(t) => setPickedTriggers((m) => new Map(m).set(t.id, t))}
                  onRemove={() => {
                    change({ ...draft, ...removeStep(draft, selectedStep.id) });
                    setSelected(null);
                  }}
                  problems={problemsOf(selectedStep.id)}
                  moves={movesOf(draft, selectedStep.id)}
                  onMove={(direction) => move(selectedStep.id, direction)}
                />
              ) : (
                <JourneySettings
                  value={draft}
                  known={knownTriggers}
                  problems={fieldProblems}
                  readOnly={readOnly}
                  onChange={(settings) => change({ ...draft, ...settings })}
                  onRemember={(t) => setPickedTriggers((m) => new Map(m).set(t.id, t))}
                />
              )}
            </Card>
          </div>
        </div>
      )}
      <UnsavedChangesGuard dirty={dirty} />
      <JourneyNameDialog
        open={renaming}
        title="Rename journey"
        confirmLabel="Rename"
        initial={name}
        onCancel={() => setRenaming(false)}
        onSubmit={(next) => {
          setRenaming(false);
          if (next !== name) {
            setName(next);
            setDirty(true);
          }
        }}
      />
      <BranchPlacementDialog
        open={placing !== null}
        branch={placing ? STEP_LABELS[placing.type] : ''}
        onCancel={() => setPlacing(null)}
        onChoose={(placement) => {
          if (placing) add(placing.slot, placing.type, placement);
          setPlacing(null);
        }}
      />
      <ConfirmDialog
        open={confirming === 'publish'}
        title="Publish this journey?"
        confirmLabel="Publish"
        busy={publishing.loading}
        onConfirm={doPublish}
        onCancel={() => setConfirming(null)}
      >
        Once published, the journey goes live and can’t be modified. To change it later, stop it and duplicate it.
      </ConfirmDialog>
      <ConfirmDialog open={confirming === 'stop'} title="Stop this journey?" confirmLabel="Stop journey" onConfirm={doStop} onCancel={() => setConfirming(null)}>
        No new customers will enter “{journey.name}”. A stopped journey can’t be restarted; duplicate it to run it again.
      </ConfirmDialog>
    </>
  );
}
