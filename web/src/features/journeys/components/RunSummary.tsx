import { makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { REFUSAL_LABELS } from './run-labels';

export const RunSummary_journey = graphql(`
  fragment RunSummary_journey on Journey {
    id
    runCounts {
      entered
      active
      waiting
      completed
      exited
      stopped
      failed
      goalReached
      refused {
        reason
        count
      }
    }
  }
`);

const useStyles = makeStyles({
  counts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  // Drawn as a card, but a plain <div> (a Fluent Card is a role="group", which a <dl> may not hold around its <dt>/<dd>).
  count: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column-reverse',
    gap: tokens.spacingVerticalXXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  figure: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  refused: { marginTop: tokens.spacingVerticalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/**
 * The journey's run counts as figures, the goal against its target, and why start events were refused. The goal
 * comes from the definition (not selected here: the live update selects only this fragment, and a partial
 * definition written over the cached one would drop its steps).
 */
export function RunSummary(props: { journey: FragmentType<typeof RunSummary_journey>; goal: { triggerId: string | null; percent: number | null } }) {
  const styles = useStyles();
  const j = getFragmentData(RunSummary_journey, props.journey);
  const c = j.runCounts;
  const reached = percent(c.goalReached, c.entered);
  const target = props.goal.percent;
  const figures: { label: string; value: string }[] = [
    { label: 'Entered', value: String(c.entered) },
    { label: 'In progress', value: String(c.active + c.waiting) },
    { label: 'Completed', value: String(c.completed) },
    { label: 'Exited', value: String(c.exited) },
    { label: 'Stopped', value: String(c.stopped) },
    { label: 'Failed', value: String(c.failed) },
  ];
  if (props.goal.triggerId) figures.push({ label: target != null ? `Goal reached (target ${target}%)` : 'Goal reached', value: `${c.goalReached} · ${reached}%` });
  const refused = c.refused.filter((r) => r.count > 0);
  return (
    <section aria-labelledby="run-summary-heading">
      <Subtitle2 as="h2" id="run-summary-heading">
        Summary
      </Subtitle2>
      <dl className={styles.counts}>
        {figures.map((f) => (
          <div key={f.label} className={styles.count}>
            <dt>
              <Text size={200}>{f.label}</Text>
            </dt>
            <dd className={styles.figure}>{f.value}</dd>
          </div>
        ))}
      </dl>
      {props.goal.triggerId && target != null && (
        <Text as="p" size={200}>
          {reached >= target
            ? `The goal is met: ${reached}% of entered customers reached it (target ${target}%).`
            : `${reached}% of entered customers reached the goal; the target is ${target}%.`}
        </Text>
      )}
      <div className={styles.refused}>
        <Text weight="semibold" as="h3">
          Refused entries
        </Text>
        {refused.length === 0 ? (
          <Text>None: every start event enrolled its customer.</Text>
        ) : (
          <ul className={styles.list} aria-label="Refused entries by reason">
            {refused.map((r) => (
              <li key={r.reason}>
                <Text>
                  {REFUSAL_LABELS[r.reason]}: {r.count}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
