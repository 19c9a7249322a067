import { Link, TableCell, TableRow, Text } from '@fluentui/react-components';
import { Link as RouterLink } from 'react-router-dom';
import { graphql, getFragmentData, type FragmentType } from '../../../gql';
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

export function TriggerRow(props: { trigger: FragmentType<typeof TriggerRow_trigger> }) {
  const t = getFragmentData(TriggerRow_trigger, props.trigger);
  return (
    <TableRow>
      <TableCell>
        <TriggerKindIcon kind={t.kind} />
      </TableCell>
      <TableCell>
        <Link as="span">
          <RouterLink to={`/triggers/${t.id}`}>{t.title}</RouterLink>
        </Link>
        <br />
        <Text size={200} font="monospace">
          {t.key}
        </Text>
      </TableCell>
      <TableCell>{KIND_LABELS[t.kind]}</TableCell>
      <TableCell>{CATEGORY_LABELS[t.category]}</TableCell>
      <TableCell>
        <TriggerStatusBadge status={t.status} hiddenAt={t.hiddenAt} />
      </TableCell>
      <TableCell>v{t.latestVersion}</TableCell>
      <TableCell>{formatDateTime(t.updatedAt)}</TableCell>
    </TableRow>
  );
}
