import { makeStyles, TableCell, TableRow, Text } from '@fluentui/react-components';
import { graphql, getFragmentData, type FragmentType } from '../../../gql';
import { AppLink } from '../../../ui/AppLink';
import { formatDateTime } from '../../../ui/format';
import { CATEGORY_LABELS, KIND_LABELS } from './labels';
import { TriggerKindIcon, TriggerStatusBadge } from './TriggerBadges';

export const TriggerRow_trigger = graphql(`
  fragment TriggerRow_trigger on Trigger {
    id
    key
    kind
    title
    category
    status
    hiddenAt
    latestVersion
    updatedAt
  }
`);

// On a phone the row is a card (useListStyles().table) that names the type in words: the icon is left out.
const useStyles = makeStyles({ icon: { '@media (max-width: 767px)': { display: 'none' } } });

/** One trigger of the catalog: its title is a real link, the row's one tab stop, opened with Enter. */
export function TriggerRow(props: { trigger: FragmentType<typeof TriggerRow_trigger> }) {
  const t = getFragmentData(TriggerRow_trigger, props.trigger);
  const styles = useStyles();
  return (
    <TableRow>
      <TableCell className={styles.icon}>
        <TriggerKindIcon kind={t.kind} />
      </TableCell>
      <TableCell>
        <AppLink to={`/triggers/${t.id}`}>{t.title}</AppLink>
        <br />
        <Text size={200} font="monospace">
          {t.key}
        </Text>
      </TableCell>
      <TableCell data-label="Type">{KIND_LABELS[t.kind]}</TableCell>
      <TableCell data-label="Category">{CATEGORY_LABELS[t.category]}</TableCell>
      <TableCell data-label="Status">
        <TriggerStatusBadge status={t.status} hiddenAt={t.hiddenAt} />
      </TableCell>
      <TableCell data-label="Version">v{t.latestVersion}</TableCell>
      <TableCell data-label="Updated">{formatDateTime(t.updatedAt)}</TableCell>
    </TableRow>
  );
}
