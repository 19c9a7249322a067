import { Badge, Card, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { activateOnKey } from '../../../ui/keyboard';
import type { DraftStep } from './journey-graph';
import { STEP_LABELS } from './labels';

const useStyles = makeStyles({
  tile: { width: '280px', cursor: 'pointer', padding: tokens.spacingHorizontalM },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  problem: { outline: `2px solid ${tokens.colorPaletteRedBorder2}` },
  counts: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
});

/** A step's live counts on a running journey's canvas. */
export type StepCounts = { entered: number; waiting: number; passedOn: number; exited: number };

/** "12 entered · 3 waiting · 8 passed on · 1 exited" */
export const stepCountsText = (c: StepCounts) => `${c.entered} entered · ${c.waiting} waiting · ${c.passedOn} passed on · ${c.exited} exited`;

/** A message step's unique opens of its delivered messages, live (`openRate` = opened / delivered, null before any delivery). */
export type MessageOpens = { opened: number; delivered: number; openRate: number | null };

/** "Opened 3 of 4 · 75 %" */
export const openRateText = (o: MessageOpens) => `Opened ${o.opened} of ${o.delivered} · ${o.openRate === null ? '—' : `${Math.round(o.openRate * 1000) / 10} %`}`;

/** What a screen reader hears for the open rate: "Open rate 75 %: 3 of 4 delivered opened" */
const openRateLabel = (o: MessageOpens) =>
  o.openRate === null
    ? 'Open rate: nothing delivered yet'
    : `Open rate ${Math.round(o.openRate * 1000) / 10} %: ${o.opened} of ${o.delivered} delivered ${o.delivered === 1 ? 'message' : 'messages'} opened`;

/** A step on the canvas: type, a summary, the validation problems that concern it and, once live, its counts (and a message's open rate). */
export function StepTile(props: { step: DraftStep; summary: string; problems: string[]; selected: boolean; onSelect: () => void; counts?: StepCounts; opens?: MessageOpens }) {
  const styles = useStyles();
  const countsId = useId();
  const opensId = useId();
  const described = [props.counts && countsId, props.opens && opensId].filter(Boolean).join(' ');
  return (
    <Card
      className={mergeClasses(styles.tile, props.selected && styles.selected, props.problems.length > 0 && styles.problem)}
      onClick={props.onSelect}
      onKeyDown={activateOnKey(props.onSelect)}
      role="button"
      aria-label={`Step ${props.step.id}: ${STEP_LABELS[props.step.type]}`}
      aria-pressed={props.selected}
      aria-describedby={described || undefined}
    >
      <Text weight="semibold">{props.step.label ?? STEP_LABELS[props.step.type]}</Text>
      {props.step.label && <Text size={200}>{STEP_LABELS[props.step.type]}</Text>}
      <Text size={200}>{props.summary}</Text>
      {props.counts && (
        <Text id={countsId} size={200} weight="semibold" className={styles.counts}>
          {stepCountsText(props.counts)}
        </Text>
      )}
      {props.opens && (
        <Text id={opensId} size={200} className={styles.counts} role="img" aria-label={openRateLabel(props.opens)}>
          {openRateText(props.opens)}
        </Text>
      )}
      {props.problems.map((p, i) => (
        <Badge key={i} color="danger" appearance="tint" role="note">
          {p}
        </Badge>
      ))}
    </Card>
  );
}
