import { Badge, Card, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { activateOnKey } from '../../../ui/keyboard';
import type { DraftStep } from './journey-graph';
import { STEP_LABELS } from './labels';

const useStyles = makeStyles({
  tile: {
    width: '260px',
    maxWidth: '100%',
    boxSizing: 'border-box',
    cursor: 'pointer',
    padding: tokens.spacingHorizontalM,
    overflowWrap: 'anywhere',
    // The focus ring goes round the whole tile when its button has keyboard focus.
    ':has(:focus-visible)': { outline: `3px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  // The tile's button: its name is what the step is (title, type, summary); counts and problems follow it and describe it.
  button: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    margin: 0,
    padding: 0,
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    ':focus-visible': { outlineStyle: 'none' },
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  problem: { outline: `2px solid ${tokens.colorPaletteRedBorder2}` },
  problems: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  counts: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  // A long validation message wraps inside its pill (at most three lines, the whole text in its tooltip and in the side panel).
  pill: {
    display: '-webkit-box',
    WebkitLineClamp: '3',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    whiteSpace: 'normal',
    height: 'auto',
    minHeight: '20px',
    paddingTop: '2px',
    paddingBottom: '2px',
    textAlign: 'start',
    maxWidth: '100%',
  },
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

/**
 * A step on the canvas: type, a summary, the validation problems that concern it and, once live, its counts (and a message's
 * open rate). One tab stop: Enter or Space opens it in the side panel; Alt+↑ / Alt+↓ move it when `onMove` is given.
 * Named by its label, type and summary — never by its internal id.
 */
export function StepTile(props: {
  step: DraftStep;
  summary: string;
  problems: string[];
  selected: boolean;
  onSelect: () => void;
  onMove?: (direction: 'up' | 'down') => void;
  counts?: StepCounts;
  opens?: MessageOpens;
}) {
  const styles = useStyles();
  const countsId = useId();
  const opensId = useId();
  const problemsId = useId();
  const described = [props.counts && countsId, props.opens && opensId, props.problems.length > 0 && problemsId].filter(Boolean).join(' ');
  const activate = activateOnKey(props.onSelect);
  // A real <button> named by the text it holds; the counts, open rate and problems sit beside it in the card and
  // describe it (inside a button they would have to be part of its name: axe's label-content-name-mismatch).
  return (
    <Card className={mergeClasses(styles.tile, props.selected && styles.selected, props.problems.length > 0 && styles.problem)} onClick={props.onSelect} focusMode="off">
      <button
        type="button"
        className={styles.button}
        onKeyDown={(e) => {
          if (props.onMove && e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            props.onMove(e.key === 'ArrowUp' ? 'up' : 'down');
          } else activate(e);
        }}
        aria-pressed={props.selected}
        aria-describedby={described || undefined}
        aria-keyshortcuts={props.onMove ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
      >
        <Text weight="semibold">{props.step.label || STEP_LABELS[props.step.type]}</Text>{' '}
        {props.step.label && (
          <>
            <Text size={200}>{STEP_LABELS[props.step.type]}</Text>{' '}
          </>
        )}
        <Text size={200}>{props.summary}</Text>
      </button>
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
      {props.problems.length > 0 && (
        <div id={problemsId} className={styles.problems}>
          {props.problems.map((p, i) => (
            <Badge key={i} color="danger" appearance="tint" role="note" title={p} className={styles.pill}>
              {p}
            </Badge>
          ))}
        </div>
      )}
    </Card>
  );
}
