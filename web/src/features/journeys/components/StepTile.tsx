import { Badge, Card, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { activateOnKey } from '../../../ui/keyboard';
import type { DraftStep } from './journey-graph';
import { STEP_LABELS } from './labels';

const useStyles = makeStyles({
  tile: { width: '280px', cursor: 'pointer', padding: tokens.spacingHorizontalM },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  problem: { outline: `2px solid ${tokens.colorPaletteRedBorder2}` },
});

/** A step on the canvas: type, a summary, and the validation problems that concern it. */
export function StepTile(props: { step: DraftStep; summary: string; problems: string[]; selected: boolean; onSelect: () => void }) {
  const styles = useStyles();
  return (
    <Card
      className={mergeClasses(styles.tile, props.selected && styles.selected, props.problems.length > 0 && styles.problem)}
      onClick={props.onSelect}
      onKeyDown={activateOnKey(props.onSelect)}
      role="button"
      aria-label={`Step ${props.step.id}: ${STEP_LABELS[props.step.type]}`}
      aria-pressed={props.selected}
    >
      <Text weight="semibold">{props.step.label ?? STEP_LABELS[props.step.type]}</Text>
      {props.step.label && <Text size={200}>{STEP_LABELS[props.step.type]}</Text>}
      <Text size={200}>{props.summary}</Text>
      {props.problems.map((p, i) => (
        <Badge key={i} color="danger" appearance="tint" role="note">
          {p}
        </Badge>
      ))}
    </Card>
  );
}
