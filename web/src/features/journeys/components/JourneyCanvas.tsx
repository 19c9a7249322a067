import { Badge, Button, Card, makeStyles, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { Fragment, type ReactNode } from 'react';
import type { StepType } from '../../../gql/graphql';
import { activateOnKey } from '../../../ui/keyboard';
import { chainFrom, isBranch, type Direction, type DraftGraph, type DraftStep, type Node, type Slot } from './journey-graph';
import { STEP_LABELS } from './labels';
import { StepTile, type MessageOpens, type StepCounts } from './StepTile';
import { TestRunMark } from './TestRunPanel';

const LINE = tokens.colorNeutralStroke1;

const useStyles = makeStyles({
  // The canvas scrolls inside its own box, so a wide tree never makes the page scroll sideways.
  scroller: {
    overflow: 'auto',
    minWidth: 0,
    minHeight: '320px',
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    '@media (min-width: 901px)': { maxHeight: 'calc(100vh - 220px)' },
    '@media (max-width: 900px)': { maxHeight: '70vh' },
  },
  canvas: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    width: 'max-content',
    minWidth: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
  },
  column: { display: 'flex', flexDirection: 'column', alignItems: 'center' },
  grow: { flexGrow: 1 },
  line: { width: '2px', minHeight: '14px', backgroundColor: LINE, flexShrink: 0 },
  // Two paths side by side; a bar joins their tops under the branch, another their ends where they join again.
  branches: { display: 'flex', alignItems: 'stretch' },
  path: { display: 'flex', flexDirection: 'column', alignItems: 'center', position: 'relative', padding: `0 ${tokens.spacingHorizontalM}`, flex: '1 1 0' },
  yes: { '::before': { content: '""', position: 'absolute', top: 0, left: '50%', right: 0, height: '2px', backgroundColor: LINE } },
  no: { '::before': { content: '""', position: 'absolute', top: 0, left: 0, right: '50%', height: '2px', backgroundColor: LINE } },
  yesJoined: { '::after': { content: '""', position: 'absolute', bottom: 0, left: '50%', right: 0, height: '2px', backgroundColor: LINE } },
  noJoined: { '::after': { content: '""', position: 'absolute', bottom: 0, left: 0, right: '50%', height: '2px', backgroundColor: LINE } },
  start: {
    width: '260px',
    maxWidth: '100%',
    boxSizing: 'border-box',
    cursor: 'pointer',
    ':focus-visible': { outline: `3px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  end: { color: tokens.colorNeutralForeground3 },
});

const STEP_TYPES: StepType[] = ['SEND_EMAIL', 'SEND_TEXT', 'SEND_PUSH', 'IF_THEN', 'ATTRIBUTE_BRANCH', 'WAIT'];

export type CanvasProps = {
  graph: DraftGraph;
  readOnly: boolean;
  selected: string | null;
  onSelect: (stepId: string | null) => void;
  /** What the Start tile says, e.g. “When “Cart abandoned” happens”. */
  startText: string;
  settingsNeedAttention: boolean;
  nameOf: (step: DraftStep) => string;
  summaryOf: (step: DraftStep) => string;
  problemsOf: (stepId: string) => string[];
  countsOf?: (stepId: string) => StepCounts;
  opensOf?: (stepId: string) => MessageOpens | undefined;
  visited?: ReadonlySet<string> | null;
  onAdd: (slot: Slot, type: StepType) => void;
  onMove: (stepId: string, direction: Direction) => void;
};

/** A decorative connector: a vertical line between tiles (hidden from assistive technology). */
function Line({ grow }: { grow?: boolean }) {
  const styles = useStyles();
  return <div aria-hidden="true" className={mergeClasses(styles.line, grow && styles.grow)} />;
}

/**
 * The journey drawn top to bottom: Start, each step with a + between tiles, a branch's yes and no paths side by side
 * (joined by lines, and joined again where the paths meet), and Exit where a path ends.
 */
export function JourneyCanvas(props: CanvasProps) {
  const styles = useStyles();
  const tree = chainFrom(props.graph, props.graph.firstStepId);
  const slotName = (slot: Slot): string => {
    if (slot.after === null) return 'at the start';
    const step = props.graph.steps.find((s) => s.id === slot.after);
    const name = step ? `“${props.nameOf(step)}”` : 'this step';
    switch (slot.path) {
      case 'next':
        return `after ${name}`;
      case 'yes':
      case 'no':
        return `at the start of the ${slot.path} path of ${name}`;
      case 'join':
        return `after both paths of ${name} join`;
    }
  };

  const renderNode = (node: Node): ReactNode => (
    <>
      <TestRunMark visited={!!props.visited?.has(node.step.id)}>
        <StepTile
          step={node.step}
          summary={props.summaryOf(node.step)}
          problems={props.problemsOf(node.step.id)}
          selected={props.selected === node.step.id}
          onSelect={() => props.onSelect(node.step.id)}
          onMove={props.readOnly ? undefined : (direction) => props.onMove(node.step.id, direction)}
          counts={props.countsOf?.(node.step.id)}
          opens={props.opensOf?.(node.step.id)}
        />
      </TestRunMark>
      {isBranch(node.step.type) && <Line />}
      {isBranch(node.step.type) && (
        <div className={styles.branches}>
          {(['yes', 'no'] as const).map((path) => {
            const joined = node.join !== null;
            return (
              <div
                key={path}
                className={mergeClasses(styles.path, styles[path], joined && (path === 'yes' ? styles.yesJoined : styles.noJoined))}
                role="group"
                aria-label={`${path === 'yes' ? 'Yes' : 'No'} path of “${props.nameOf(node.step)}”`}
              >
                <Line />
                <Badge appearance="outline" color={path === 'yes' ? 'success' : 'danger'}>
                  {path === 'yes' ? 'Yes' : 'No'}
                </Badge>
                {renderChain(path === 'yes' ? node.yes : node.no, { after: node.step.id, path }, node.step[path] ?? null, joined)}
              </div>
            );
          })}
        </div>
      )}
    </>
  );

  /** A path: + to add at its start, then each step (or branch) with a + after it; ends at Exit, or runs on to where the paths join. */
  const renderChain = (nodes: Node[], slot: Slot, entry: string | null, joined: boolean): ReactNode => {
    const last = nodes.at(-1);
    const ends = last ? !isBranch(last.step.type) && !last.step.next : entry === null;
    return (
      <div className={mergeClasses(styles.column, styles.grow)}>
        <Line />
        <AddStep disabled={props.readOnly} label={`Add a step ${slotName(slot)}`} onAdd={(type) => props.onAdd(slot, type)} />
        {nodes.map((node) => {
          const after: Slot | null = !isBranch(node.step.type) ? { after: node.step.id, path: 'next' } : node.join !== null ? { after: node.step.id, path: 'join' } : null;
          return (
            <Fragment key={node.step.id}>
              <Line />
              {renderNode(node)}
              {after && (
                <>
                  <Line />
                  <AddStep disabled={props.readOnly} label={`Add a step ${slotName(after)}`} onAdd={(type) => props.onAdd(after, type)} />
                </>
              )}
            </Fragment>
          );
        })}
        {ends && (
          <>
            <Line />
            <Text size={200} weight="semibold" className={styles.end}>
              Exit
            </Text>
          </>
        )}
        {!ends && joined && <Line grow />}
      </div>
    );
  };

  return (
    <div className={styles.scroller} role="region" aria-label="Journey canvas">
      <div className={styles.canvas}>
        <Card
          className={styles.start}
          role="button"
          tabIndex={0}
          aria-pressed={props.selected === null}
          onClick={() => props.onSelect(null)}
          onKeyDown={activateOnKey(() => props.onSelect(null))}
        >
          <Text weight="semibold">Start</Text>
          <Text size={200}>{props.startText}</Text>
          {props.settingsNeedAttention && (
            <Badge color="danger" appearance="tint" role="note">
              Settings need attention
            </Badge>
          )}
        </Card>
        {renderChain(tree, { after: null }, props.graph.firstStepId, false)}
      </div>
    </div>
  );
}

function AddStep({ label, onAdd, disabled }: { label: string; onAdd: (type: StepType) => void; disabled: boolean }) {
  if (disabled) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" shape="circular" icon={<Add16Regular />} aria-label={label} title={label} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {STEP_TYPES.map((type) => (
            <MenuItem key={type} onClick={() => onAdd(type)}>
              {STEP_LABELS[type]}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
